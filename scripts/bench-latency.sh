#!/usr/bin/env bash
# Where the p99 of the fan-out comparison comes from, one command:
#   scripts/bench-latency.sh
# At 1,000 WebSocket readers x 20/s (scripts/bench-fanout.sh's first shape, pinned the same way),
# runs Newsticker under each of HotSpot's collectors (Serial, the JVM's choice on one CPU; G1;
# Parallel; Z) and Nchan, two measured runs each after a fixed warm-up (Newsticker WARM_ROUNDS
# rounds of 15 s at 1,000 readers x 50/s, default 6; Nchan one of 30 s). Every JVM writes a GC
# log, so each row also gives the stop-the-world pauses during the measured run: the server's
# and the load tool's own (ZGC's sub-millisecond pauses are not in that log). Newsticker's rows
# add its own publish-to-written p99 from /metrics (newsticker_publish_to_delivery: from the
# desk's decision until a loop has written the event to all its readers). The load tool's log
# gives the slowest delivery in each second of publishing. Writes "## Latency and the collector"
# in BENCHMARKS.md; the raw output goes to target/bench-latency.log. Loopback only, about 20
# minutes.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
rounds=${WARM_ROUNDS:-6}
log=target/bench-latency.log
rows=target/bench-latency.rows

ulimit -n 20000
data=$(mktemp -d /tmp/newsticker-latency.XXXXXX)
source scripts/lib/bench-server.sh
cleanup() {
  stop_newsticker
  scripts/nchan-up.sh stop > /dev/null 2>&1 || true
  rm -rf "$data"
}
trap cleanup EXIT
build_jar_and_load_tool
: > "$log"
: > "$rows"

load() { # gc-log target port pids load-tool-args...
  local gc_log=$1 target=$2 port=$3 pids=$4
  shift 4
  echo "== $target $*" >> "$log"
  taskset -c 1 java -Xmx2g "-Xlog:gc:file=$gc_log:uptime" -cp "$classpath" dev.newsticker.load.LoadTool \
    --target "$target" --port "$port" --pid "$pids" --transport ws "$@" 2>&1 \
    | grep -v -E ' (DEBUG|TRACE) ' | tee -a "$log" | grep '^ROW' || true
}
# Stop-the-world pauses a GC log (uptime-stamped) records from $2 s of uptime on: count, total ms, max ms
pauses() {
  python3 - "$1" "$2" <<'PY'
import re, sys
path, since = sys.argv[1], float(sys.argv[2])
ms = [float(m.group(2)) for m in (re.match(r"\[([\d.]+)s\].*Pause.* ([\d.]+)ms$", line.strip()) for line in open(path))
      if m and float(m.group(1)) >= since]
print(f"{len(ms)} | {sum(ms):.0f} | {max(ms, default=0):.0f}")
PY
}
uptime_of() { jcmd "$1" VM.uptime | awk 'END {print $1}'; }
# p99 in ms of newsticker_publish_to_delivery between two /metrics scrapes (bucket upper bound)
metrics() { curl -s http://127.0.0.1:8080/metrics | grep '^newsticker_publish_to_delivery_seconds_bucket' || true; }
server_p99() {
  python3 - "$1" "$2" <<'PY'
import re, sys
def buckets(text):
    out = {}
    for line in text.splitlines():
        le = float(re.search(r'le="([^"]+)"', line).group(1))
        out[le] = out.get(le, 0) + float(line.rsplit(" ", 1)[1])
    return out
before, after = buckets(sys.argv[1]), buckets(sys.argv[2])
counts = {le: after[le] - before.get(le, 0) for le in after}
total = counts[max(counts)]
print(next(f"{le * 1000:.0f}" for le in sorted(counts) if counts[le] >= 0.99 * total) if total else "-")
PY
}
# A measured run's ROW plus: server pauses | load tool pauses | server's own p99
measure() { # label target port pids server-gc-log
  local label=$1 target=$2 port=$3 pids=$4 server_gc=$5 start before="" row tool_gc="$data/tool-gc.log"
  [[ -n $server_gc ]] && start=$(uptime_of "$server_pid") && before=$(metrics)
  rm -f "$tool_gc"
  row=$(load "$tool_gc" "$target" "$port" "$pids" --readers 1000 --rate 20 --seconds 15 --label "$label")
  local server="- | - | -" own="-"
  if [[ -n $server_gc ]]; then
    server=$(pauses "$server_gc" "$start")
    own=$(server_p99 "$before" "$(metrics)")
  fi
  echo "$row $server | $(pauses "$tool_gc" 0) | $own |" >> "$rows"
}

warm_up() { # target port pids seconds
  load "$data/warm-up-gc.log" "$1" "$2" "$3" --readers 1000 --rate 50 --seconds "$4" | grep -q '^ROW' \
    || { echo "a warm-up run failed; see $log" >&2; exit 1; }
}

for gc in Serial G1 Parallel Z; do
  echo "newsticker, ${gc}GC" >&2
  server_gc="$data/server-gc.log"
  rm -f "$server_gc"
  NEWSTICKER_JAVA_OPTS="-XX:+Use${gc}GC -Xlog:gc:file=$server_gc:uptime" start_newsticker
  for _ in $(seq "$rounds"); do
    warm_up newsticker 8080 "$server_pid" 15
  done
  for rep in 1 2; do
    measure "newsticker ${gc}GC (run $rep)" newsticker 8080 "$server_pid" "$server_gc"
  done
  stop_newsticker
done
echo "nchan" >&2
start_nchan
warm_up nchan 8090 "$nchan_pids" 30
for rep in 1 2; do
  measure "nchan (run $rep)" nchan 8090 "$nchan_pids" ""
done

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
python3 - "$rows" "$(nproc)" "$cpu" "$rounds" <<'PY' | python3 scripts/lib/benchmarks-section.py "## Latency and the collector"
import sys, datetime
rows_file, nproc, cpu, rounds = sys.argv[1:]
rows = [l.strip()[4:] for l in open(rows_file) if l.startswith('ROW ')]
section = f"""## Latency and the collector

`scripts/bench-latency.sh` (one command; raw output in `target/bench-latency.log`), run
{datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC. Machine: {nproc} cores ({cpu}). 1,000 WebSocket readers x 20
headlines/s for 15 s, pinned as in "Fan-out" (server on CPU 0, load tool on CPU 1). Newsticker
runs under each HotSpot collector (`java -XX:+Use<name>GC -jar target/newsticker.jar`; Serial is
what the JVM picks on one CPU), warmed up with {rounds} rounds of 15 s at 1,000 readers x 50/s; Nchan
with one round of 30 s. The load tool publishes 2 s of headlines before each measured window
(`--warm-up-seconds`: counted in delivered, lost and dup, not in latency or CPU). "Pauses" are
the stop-the-world pauses in each JVM's GC log (`-Xlog:gc`) during the measured run (the load
tool's include its readers' ramp; ZGC's pauses, under a millisecond, are not in that log).
"Own p99" is Newsticker's `newsticker_publish_to_delivery` from /metrics: from the desk's
decision until a loop has written the event to all its readers (upper bound of the histogram's
bucket).

| run | readers | rate | delivered/expected | lost | dup | out of order | p50 ms | p99 ms | max ms | CPU s | CPU us/delivery | of which kernel us | RSS MB | MB/1k readers | server pauses | total ms | max ms | load tool pauses | total ms | max ms | own p99 ms |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
""" + "\n".join(rows) + "\n"
print(section, end="")
PY
echo "BENCHMARKS.md updated" >&2
