#!/usr/bin/env bash
# Installs nginx with the Nchan module (Debian packages) if missing and starts it on
# 127.0.0.1:8090 from bench/nchan/nginx.conf, one worker. Prints the master and worker pids.
# Stop it with: scripts/nchan-up.sh stop
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
run=${NCHAN_RUN_DIR:-/tmp/newsticker-nchan}
conf="$repo/bench/nchan/nginx.conf"

if [[ "${1:-}" == stop ]]; then
  if [[ -f "$run/nginx.pid" ]]; then
    nginx -p "$run/" -c "$conf" -s stop || true
  fi
  exit 0
fi

if [[ ! -f /usr/lib/nginx/modules/ngx_nchan_module.so ]] || ! command -v nginx >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends nginx-light libnginx-mod-nchan >/dev/null
fi

mkdir -p "$run/tmp"
if [[ -f "$run/nginx.pid" ]] && kill -0 "$(cat "$run/nginx.pid")" 2>/dev/null; then
  nginx -p "$run/" -c "$conf" -s stop
  sleep 1
fi
ulimit -n 20000
nginx -p "$run/" -c "$conf"
for _ in $(seq 50); do
  [[ -s "$run/nginx.pid" ]] && break
  sleep 0.1
done
master=$(cat "$run/nginx.pid")
sleep 0.3
worker=$(pgrep -P "$master" | head -1)
echo "nchan master $master worker $worker on 127.0.0.1:8090"
