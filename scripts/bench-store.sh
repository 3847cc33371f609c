#!/usr/bin/env bash
# Sustained publishing at the StoryStore level: embedded H2, then PostgreSQL.
# Usage: scripts/bench-store.sh [h2|pg|both] [seconds per store, default 20] [changes per append, default 1]
# PostgreSQL: NEWSTICKER_TEST_PG_URL (default postgresql://postgres@127.0.0.1:5432/test); a schema
# of its own is created and dropped. Bounded: 3 s warm-up + the given seconds per store.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.newsticker.store.StoreBench "$@"
