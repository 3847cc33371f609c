#!/usr/bin/env bash
# Story desk benchmark, pinned to one core (taskset, when there is one): headlines classified per
# second by the desk's matcher against windows of 10,000 and 100,000 stories, with the semantic
# stage off (lexical matcher and vetoes) and on (the real model); the index rebuild time for
# 100,000 stories; the CPU time per headline measured in turns (DeskCpuProbe); the model's load
# time and the heap per story in a window of 100,000 (DeskWindowProbe); the share of headlines that run
# the model, by mix (DeskEmbeddingMix). About seven minutes.
# JMH_OPTS replaces the run lengths, e.g. JMH_OPTS="-f 1 -wi 1 -i 2 -r 1s" scripts/bench-desk.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JMH_OPTS=${JMH_OPTS:-"-f 1 -wi 2 -w 3s -i 4 -r 3s"}
PIN=""
if command -v taskset > /dev/null; then
  PIN="taskset -c ${BENCH_CPU:-0}"
fi

mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
mkdir -p target/jmh
echo "Load while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

# shellcheck disable=SC2086 # JMH_OPTS and PIN are lists of words
$PIN java -Xms2g -Xmx2g -cp "$CP" org.openjdk.jmh.Main DeskMatchBenchmark $JMH_OPTS \
  -rf json -rff target/jmh/desk-match.json
# shellcheck disable=SC2086
$PIN java -Xms2g -Xmx2g -cp "$CP" org.openjdk.jmh.Main DeskRebuildBenchmark $JMH_OPTS \
  -rf json -rff target/jmh/desk-rebuild.json

# CPU time per headline (lexical path), least of many rounds: the figure a busy machine disturbs least.
$PIN java -Xms1g -Xmx1g -cp "$CP" dev.newsticker.desk.DeskCpuProbe
# shellcheck disable=SC2086
$PIN java -Xms2g -Xmx2g -cp "$CP" dev.newsticker.desk.DeskWindowProbe
# How many headlines run the model, by mix (the own set as a stream; the benchmark's mix)
# shellcheck disable=SC2086
$PIN java -Xms2g -Xmx2g -cp "$CP" dev.newsticker.desk.DeskEmbeddingMix

echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Results: target/jmh/desk-match.json, target/jmh/desk-rebuild.json"
