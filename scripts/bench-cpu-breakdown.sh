#!/usr/bin/env bash
# Where a warmed-up Newsticker's CPU goes, one command:
#   scripts/bench-cpu-breakdown.sh
# Starts the jar pinned to CPU 0 as scripts/bench-fanout.sh does, warms it up (WARM_ROUNDS
# rounds of 15 s, 1,000 WebSocket readers x 50/s; default 7), then reads every thread's
# utime+stime from /proc/PID/task around 15 s windows: idle, publishing only at 20/s, and twice
# 1,000 WebSocket readers x 20/s (their ramp included). Prints the CPU seconds per thread group
# (thread names without their numbers) and the JIT compiler's and GC's seconds (jstat) for each
# window; the raw output goes to target/bench-cpu-breakdown.log. Loopback only, about 3 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${WARM_ROUNDS:-7}
log=target/bench-cpu-breakdown.log

data=$(mktemp -d /tmp/newsticker-breakdown.XXXXXX)
source scripts/lib/bench-server.sh
cleanup() {
  stop_newsticker
  rm -rf "$data"
}
trap cleanup EXIT
build_jar_and_load_tool
start_newsticker

: > "$log"
load() {
  echo "== $*" >> "$log"
  taskset -c 1 java -Xmx2g -cp "$classpath" dev.newsticker.load.LoadTool --target newsticker --port 8080 \
    --pid "$server_pid" --transport ws "$@" 2>&1 | grep -v -E ' (DEBUG|TRACE) ' >> "$log"
}
# CPU ticks per thread group, as JSON: {"vert.x-eventloop-thread": 1234, ...}
thread_ticks() {
  python3 - "$server_pid" <<'PY'
import json, os, re, sys
pid, groups = sys.argv[1], {}
for tid in os.listdir(f"/proc/{pid}/task"):
    try:
        stat = open(f"/proc/{pid}/task/{tid}/stat").read()
        name = open(f"/proc/{pid}/task/{tid}/comm").read().strip()
    except OSError:
        continue
    fields = stat[stat.rindex(")") + 2:].split()
    group = re.sub(r"[-#]?\d+$", "", name)
    groups[group] = groups.get(group, 0) + int(fields[11]) + int(fields[12])
print(json.dumps(groups))
PY
}
gc_seconds() { jstat -gcutil "$server_pid" | awk 'NR == 2 {print $NF}'; }
window() { # label, command...
  local label=$1 before jit gc
  shift
  before=$(thread_ticks) jit=$(compile_seconds) gc=$(gc_seconds)
  "$@"
  python3 - "$label" "$before" "$(thread_ticks)" "$jit" "$(compile_seconds)" "$gc" "$(gc_seconds)" <<'PY'
import json, sys
label, before, after = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
jit = float(sys.argv[5]) - float(sys.argv[4])
gc = float(sys.argv[7]) - float(sys.argv[6])
used = sorted(((after.get(k, 0) - before.get(k, 0)) / 100, k) for k in after)
total = sum(seconds for seconds, _ in used)
groups = ", ".join(f"{name} {seconds:.2f}" for seconds, name in reversed(used) if seconds >= 0.02)
print(f"{label}: {total:.2f} s CPU (JIT {jit:.2f} s, GC {gc:.3f} s): {groups}")
PY
}

for _ in $(seq "$rounds"); do
  load --readers 1000 --rate 50 --seconds 15
done
window "idle, 15 s" sleep 15 | tee -a "$log"
window "publishing only, 20/s for 15 s" load --readers 0 --rate 20 --seconds 15 | tee -a "$log"
window "1,000 WebSocket readers x 20/s for 15 s" load --readers 1000 --rate 20 --seconds 15 | tee -a "$log"
window "the same again" load --readers 1000 --rate 20 --seconds 15 | tee -a "$log"
