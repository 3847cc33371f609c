#!/usr/bin/env bash
# The fan-out comparison, one command: Newsticker against nginx+Nchan on this machine.
#   scripts/bench-fanout.sh
# Builds the jar and the load tool, starts each server pinned to CPU 0 (taskset), runs the load
# tool pinned to CPU 1: two repetitions of WebSocket and SSE at 1,000 and 5,000 readers x 20
# headlines/s and 19,000 readers x 1/s against each server, every run on a freshly started,
# warmed-up server, then the reconnect storm (10,000 readers). Writes the figures under "## Fan-out" in BENCHMARKS.md; the raw output
# goes to target/bench-fanout.log. Loopback only. BENCH_SECONDS sets the publishing time per run.
# BENCH_SHAPES runs only the given shapes against Newsticker, once each, and prints their rows
# without touching BENCHMARKS.md (a quick before/after of one change): transport-readers[-rate],
# space-separated, e.g. BENCH_SHAPES="ws-1000" or BENCH_SHAPES="ws-1000 sse-5000-20" (rate 20).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
seconds=${BENCH_SECONDS:-15}
log=target/bench-fanout.log
rows=target/bench-fanout.rows

ulimit -n 20000
data=$(mktemp -d /tmp/newsticker-bench.XXXXXX)
source scripts/lib/bench-server.sh
cleanup() {
  stop_newsticker
  # only ours: another checkout's benchmark may be running its own
  if [[ -n $nchan_pids ]]; then scripts/nchan-up.sh stop || true; fi
  rm -rf "$data"
}
trap cleanup EXIT
build_jar_and_load_tool

: > "$log"
: > "$rows"
load() {
  echo "== $*" >> "$log"
  taskset -c 1 java -Xmx2g -cp "$classpath" dev.newsticker.load.LoadTool "$@" 2>&1 | grep -v -E ' (DEBUG|TRACE) ' | tee -a "$log" | grep '^ROW' || true
}
warm_up() { # target transport port
  load --target "$1" --transport "$2" --port "$3" --readers 1000 --rate 50 --seconds 30 > /dev/null
}
# The JIT goes on compiling the publish and fan-out paths (HTTP, desk, H2, Vert.x, Netty) for
# minutes on one core: 30 s at 50/s is about 1,500 publishes, fewer than C2 waits for. Warm
# Newsticker up in rounds of 15 s (1,000 readers x 50/s) until a round spends under 0.75 s in the
# compiler (5 % of the round), at least 2 and at most 8 rounds; the log records each round.
warm_up_until_compiled() { # transport
  local before after round
  for round in $(seq 8); do
    before=$(compile_seconds)
    load --target newsticker --transport "$1" --port 8080 --readers 1000 --rate 50 --seconds 15 > /dev/null
    after=$(compile_seconds)
    echo "warm-up round $round: $(python3 -c "print(round($after - $before, 2))") s compiling" >> "$log"
    if ((round >= 2)) && python3 -c "import sys; sys.exit(0 if $after - $before < 0.75 else 1)"; then
      break
    fi
  done
}
# Each measured run gets a freshly started server (so RSS before readers is a fair baseline:
# a JVM's RSS never shrinks) and a warm-up on the same transport: Nchan 1,000 readers x 50/s for
# 30 s, Newsticker the same load until the JIT has settled (warm_up_until_compiled).
run() { # target transport readers rate label
  local pids port=8080 secs=$seconds
  if [[ $1 == nchan ]]; then
    start_nchan
    pids=$nchan_pids port=8090
  else
    start_newsticker
    pids=$server_pid
  fi
  [[ $4 == 1 ]] && secs=$((seconds + 5))
  if [[ $1 == nchan ]]; then
    warm_up nchan "$2" "$port"
  else
    warm_up_until_compiled "$2"
  fi
  sleep 1
  local compiled=""
  [[ $1 == newsticker ]] && compiled=$(compile_seconds)
  load --target "$1" --transport "$2" --port "$port" --pid "$pids" --readers "$3" --rate "$4" --seconds "$secs" \
    --label "$5" >> "$rows"
  # the JIT compiler's share of the measured run (readers' ramp included), which the CPU column counts too
  [[ -n $compiled ]] && echo "measured run: $(python3 -c "print(round($(compile_seconds) - $compiled, 2))") s compiling" >> "$log"
  sleep 2
}

if [[ -n ${BENCH_SHAPES:-} ]]; then
  for shape in $BENCH_SHAPES; do
    IFS=- read -r transport readers rate <<< "$shape"
    echo "$shape: newsticker $transport $readers readers x ${rate:-20}/s" >&2
    run newsticker "$transport" "$readers" "${rate:-20}" "newsticker $transport ($shape)"
  done
  grep '^ROW ' "$rows"
  exit 0
fi

echo "publishing only (no readers)" >&2
run newsticker ws 0 20 "newsticker, publishing only"
run nchan ws 0 20 "nchan, publishing only"
for rep in 1 2; do
  for shape in "1000 20" "5000 20" "19000 1"; do
    set -- $shape
    for transport in ws sse; do
      for target in newsticker nchan; do
        echo "run $rep: $target $transport $1 readers x $2/s" >&2
        run $target $transport "$1" "$2" "$target $transport (run $rep)"
      done
    done
  done
done

echo "reconnect storm" >&2
start_newsticker
warm_up_until_compiled sse
storm=$(load --target newsticker --transport sse --port 8080 --pid "$server_pid" --readers 10000 --rate 20 --seconds 1 \
  --storm --label "newsticker sse")

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
mem=$(free -g | awk '/^Mem:/ {print $2}')
python3 - "$rows" "$storm" "$(nproc)" "$cpu" "$mem" "$seconds" <<'PY' | python3 scripts/lib/benchmarks-section.py "## Fan-out"
import sys, datetime
rows_file, storm, nproc, cpu, mem, seconds = sys.argv[1:]
rows = [l.strip()[4:] for l in open(rows_file) if l.startswith('ROW ')]
storm_rows = [l.strip()[4:] for l in storm.splitlines() if l.startswith('ROW ')]
section = f"""## Fan-out

`scripts/bench-fanout.sh` (one command; raw output in `target/bench-fanout.log`), run
{datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC. Machine: {nproc} cores ({cpu}), {mem} GiB. Each server pinned to
CPU 0 with `taskset -c 0` (Newsticker: `java -jar target/newsticker.jar`, default JVM flags, Netty's native epoll transport,
`NEWSTICKER_DEMO=false`; nginx 1.22 + libnginx-mod-nchan 1.3.6, one worker,
`bench/nchan/nginx.conf`), the load tool (`dev.newsticker.load.LoadTool`) pinned to CPU 1.
Readers ramped at 2,000/s over four loopback source addresses; headlines of 400 bytes of JSON
published one per request at the given rate for {seconds} s (5 s more at 1/s), after 2 s of
headlines that warm the load tool up (its `--warm-up-seconds`: counted in delivered, lost, dup
and out of order, not in latency or CPU). Before every
measured run the server is started afresh and warmed up on the same transport with 1,000
readers x 50/s: Nchan for 30 s, Newsticker in rounds of 15 s until a round spends under 0.75 s
in the JIT compiler (`jstat -compiler`; 2 to 8 rounds, each in the log, as is the time the compiler took
during each measured Newsticker run, which the CPU column includes). Latency is
from the publish request leaving the load tool to the reader receiving the event. CPU is the
server's utime+stime during publishing and delivery (/proc/PID/stat; Nchan: master+worker),
per delivered event, and the kernel's part of it (stime: on loopback each write's whole TCP
path, the reader's side included); MB per 1,000 readers is RSS with readers minus RSS before they connected.

| run | readers | rate | delivered/expected | lost | dup | out of order | p50 ms | p99 ms | max ms | CPU s | CPU us/delivery | of which kernel us | RSS MB | MB/1k readers |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
""" + "\n".join(rows) + """

Reconnect storm: 10,000 SSE readers follow a first batch of 20 headlines, all disconnect, 20
more are published, then all reconnect at once with `Last-Event-ID` (at most 2,000 connecting
at a time). Time from the first reconnect until every reader has all 20 missed events.

| run | readers | missed events | all reconnected s | all caught up s | delivered/expected | dup | out of order | replays from cache | replays from store |
|---|---|---|---|---|---|---|---|---|---|
""" + "\n".join(storm_rows) + "\n"
print(section, end="")
PY
echo "BENCHMARKS.md updated" >&2
