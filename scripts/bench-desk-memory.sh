#!/usr/bin/env bash
# Desk memory (issue 21): heap after a full GC of a server whose embedded store holds 10,000,
# 100,000 and 1,000,000 stories, all but the last 5,000 older than the desk's window. Each store
# is filled straight through the store API in batches (the 1,000,000 take several minutes), then
# a server starts on it. COUNTS, RECENT and MAX_STORIES change the run, e.g.
# COUNTS=10000,100000 RECENT=200000 MAX_STORIES=100000 scripts/bench-desk-memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# its own copy of the classes, so that a build while it runs (the fill takes long) cannot disturb it
rm -rf target/desk-memory-classes && mkdir -p target/desk-memory-classes
cp -r target/classes target/test-classes target/desk-memory-classes/
CP="target/desk-memory-classes/test-classes:target/desk-memory-classes/classes:$(cat target/bench-classpath.txt)"
echo "Load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $(java -version 2>&1 | head -1)"
java -Xms1g -Xmx1g -XX:+UseG1GC -cp "$CP" dev.newsticker.desk.DeskMemoryBench \
  "${COUNTS:-10000,100000,1000000}" "${RECENT:-5000}" "${MAX_STORIES:-100000}"
