#!/usr/bin/env bash
# Story desk evaluation: runs the real desk (the classes and settings the server uses) over the
# real headline pairs of ../shared/data/sts-dev (split by a stable hash into a tune part and a
# held-out part), the project's own labelled set (src/test/resources/desk/eval.tsv) and the wire
# samples, and prints recall, false-merge rate and precision for each, with every wrong decision.
# NEWSTICKER_STS_DIR and NEWSTICKER_WIRE_SAMPLE point elsewhere; a missing one is skipped with a
# message. LIST=tune lists the wrong decisions of the tune part only (while tuning, never look at
# the held-out part's); LIST=held-out or LIST=all (default) for the others.
set -euo pipefail
cd "$(dirname "$0")/.."
STS_DIR=${NEWSTICKER_STS_DIR:-../shared/data/sts-dev}
SAMPLE=${NEWSTICKER_WIRE_SAMPLE:-../shared/samples/000_e2e2b29884943da8.txt}

mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/eval-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/eval-classpath.txt)" \
  dev.newsticker.desk.DeskEvaluation "$STS_DIR" "$SAMPLE" "${LIST:-all}"
