#!/usr/bin/env bash
# Story desk benchmark: headlines classified per second against windows of 10,000 and 100,000
# stories (one thread), the index rebuild time for 100,000 stories, and the CPU time per headline
# measured in turns (DeskCpuProbe). Bounded to about four minutes.
# JMH_OPTS replaces the run lengths, e.g. JMH_OPTS="-f 1 -wi 1 -i 2 -r 1s" scripts/bench-desk.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JMH_OPTS=${JMH_OPTS:-"-f 2 -wi 3 -w 2s -i 5 -r 2s"}

mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
mkdir -p target/jmh

# shellcheck disable=SC2086 # JMH_OPTS is a list of options
java -Xms1g -Xmx1g -cp "$CP" org.openjdk.jmh.Main DeskMatchBenchmark $JMH_OPTS \
  -rf json -rff target/jmh/desk-match.json
# shellcheck disable=SC2086
java -Xms2g -Xmx2g -cp "$CP" org.openjdk.jmh.Main DeskRebuildBenchmark $JMH_OPTS \
  -rf json -rff target/jmh/desk-rebuild.json

# CPU time per headline, least of many rounds: the figure a busy machine disturbs least.
java -Xms1g -Xmx1g -cp "$CP" dev.newsticker.desk.DeskCpuProbe

echo "Results: target/jmh/desk-match.json, target/jmh/desk-rebuild.json"
