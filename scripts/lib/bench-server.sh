# Shared by the benchmark scripts (source it after setting $data, a scratch directory): builds
# the jar and the load tool's classpath, starts and stops one Newsticker pinned to CPU 0, starts
# the Nchan reference pinned the same way.
server_pid=""
nchan_pids=""

# Sets $classpath for running dev.newsticker.load.LoadTool.
build_jar_and_load_tool() {
  mvn -B -q package -DskipTests
  mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/load.classpath
  classpath="target/test-classes:target/classes:$(cat target/load.classpath)"
}

stop_newsticker() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    sleep 3
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}

# On 127.0.0.1:8080, pinned to CPU 0, demo off, an empty store: what one run published must
# not weigh on the next. JVM options from $NEWSTICKER_JAVA_OPTS, if set. Sets $server_pid.
start_newsticker() {
  stop_newsticker
  rm -rf "$data/store"
  # the load tool's readers come from four loopback addresses and reach 19,000: lift the connection limits
  echo '{"limits":{"connectionsPerAddress":20000,"connectionsTotal":20000}}' > "$data/bench.json"
  NEWSTICKER_DEMO=false NEWSTICKER_DATA_DIR="$data/store" NEWSTICKER_HTTP_HOST=127.0.0.1 NEWSTICKER_HTTP_PORT=8080 \
    taskset -c 0 java ${NEWSTICKER_JAVA_OPTS:-} -jar target/newsticker.jar "$data/bench.json" > "$data/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 120); do
    grep -q "listening on" "$data/server.log" && break
    sleep 0.5
  done
  grep -q "listening on" "$data/server.log" || { cat "$data/server.log"; exit 1; }
}

# HotSpot's compilation time so far, in seconds (jstat -compiler, column Time)
compile_seconds() {
  jstat -compiler "$server_pid" | awk 'NR == 2 {print $4}'
}

# nginx+Nchan on 127.0.0.1:8090 (scripts/nchan-up.sh), pinned to CPU 0. Sets $nchan_pids (master,workers).
start_nchan() {
  taskset -c 0 scripts/nchan-up.sh > /dev/null
  local master
  master=$(cat /tmp/newsticker-nchan/nginx.pid)
  nchan_pids="$master,$(pgrep -P "$master" | paste -sd,)"
}
