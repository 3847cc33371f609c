#!/usr/bin/env bash
# Readers spread over two clustered nodes against one node under the same load, one command:
#   scripts/bench-cluster.sh        (BENCH_REPS=1 for one repetition, BENCH_SECONDS to publish longer)
# Both set-ups run in cluster mode on PostgreSQL (database newsticker_bench, made afresh), every
# node pinned to CPU 0 (the same CPU budget for one node and for two), the load tool pinned to
# CPU 1 publishing through the first node. Writes the figures under "## Cluster" in
# BENCHMARKS.md; raw output in target/bench-cluster.log. Loopback only.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
seconds=${BENCH_SECONDS:-15}
log=target/bench-cluster.log
rows=target/bench-cluster.rows
db=newsticker_bench

ulimit -n 20000
bash scripts/pg-up.sh > /dev/null
mvn -B -q package -DskipTests
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/load.classpath
classpath="target/test-classes:target/classes:$(cat target/load.classpath)"

data=$(mktemp -d /tmp/newsticker-cluster.XXXXXX)
pids=()
stop_nodes() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 3
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  pids=()
}
trap 'stop_nodes; rm -rf "$data"' EXIT

start_nodes() { # count
  psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  local name="bench-$RANDOM"
  for n in $(seq 1 "$1"); do
    echo "{\"cluster\":{\"name\":\"$name\"},\"limits\":{\"connectionsPerAddress\":20000,\"connectionsTotal\":20000}}" > "$data/cluster-$n.json"
    NEWSTICKER_DEMO=false NEWSTICKER_CLUSTER=true NEWSTICKER_PG_URL="postgresql://postgres@127.0.0.1:5432/$db" \
      NEWSTICKER_DATA_DIR="$data/node-$n" NEWSTICKER_HTTP_HOST=127.0.0.1 NEWSTICKER_HTTP_PORT=$((8080 + n)) \
      taskset -c 0 java -jar target/newsticker.jar "$data/cluster-$n.json" > "$data/node-$n.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 240); do grep -q "listening on" "$data/node-$n.log" && break; sleep 0.5; done
    grep -q "listening on" "$data/node-$n.log" || { cat "$data/node-$n.log"; exit 1; }
  done
  for _ in $(seq 60); do grep -q "holds the desk" "$data"/node-*.log && break; sleep 0.5; done
}

load() {
  echo "== $*" >> "$log"
  taskset -c 1 java -Xmx2g -cp "$classpath" dev.newsticker.load.LoadTool "$@" 2>&1 | grep -v -E ' (DEBUG|TRACE) ' | tee -a "$log" | grep '^ROW' || true
}

run() { # nodes readers label
  start_nodes "$1"
  local ports
  ports=$(seq -s, 8081 $((8080 + $1)))
  local pid_list
  pid_list=$(IFS=,; echo "${pids[*]}")
  load --transport ws --port 8081 --read-ports "$ports" --readers 1000 --rate 20 --seconds 8 > /dev/null
  sleep 1
  load --transport ws --port 8081 --read-ports "$ports" --pid "$pid_list" --readers "$2" --rate 20 \
    --seconds "$seconds" --label "$3" >> "$rows"
  stop_nodes
  sleep 2
}

: > "$log"
: > "$rows"
for rep in $(seq 1 "${BENCH_REPS:-2}"); do
  for readers in 2000 5000; do
    echo "run $rep: $readers readers on one node, then on two" >&2
    run 1 "$readers" "one node, ws (run $rep)"
    run 2 "$readers" "two nodes, ws (run $rep)"
  done
done

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
mem=$(free -g | awk '/^Mem:/ {print $2}')
python3 - "$rows" "$(nproc)" "$cpu" "$mem" "$seconds" <<'PY' | python3 scripts/lib/benchmarks-section.py "## Cluster"
import sys, datetime
rows_file, nproc, cpu, mem, seconds = sys.argv[1:]
rows = [l.strip()[4:] for l in open(rows_file) if l.startswith('ROW ')]
section = f"""## Cluster

`scripts/bench-cluster.sh` (one command; raw output in `target/bench-cluster.log`), run
{datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC. Machine: {nproc} cores ({cpu}), {mem} GiB.
Readers spread round-robin over two clustered nodes against all of them on one node, under the
same load: WebSocket readers, 400-byte headlines at 20/s for {seconds} s published through the
first node, after 2 s of headlines that warm the load tool up (counted in delivered, lost, dup
and out of order, not in latency or CPU). Both set-ups run in cluster mode (Hazelcast event
bus, PostgreSQL store, a fresh database each run), every node pinned to CPU 0 (so one node and
two nodes have the same CPU),
the load tool pinned to CPU 1; each run starts fresh nodes and warms them up with 1,000
readers x 20/s for 8 s. CPU and RSS are summed over the nodes.

| run | readers | rate | delivered/expected | lost | dup | out of order | p50 ms | p99 ms | max ms | CPU s | CPU us/delivery | of which kernel us | RSS MB | MB/1k readers |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
""" + "\n".join(rows) + "\n"
print(section, end="")
PY
echo "BENCHMARKS.md updated" >&2
