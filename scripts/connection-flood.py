#!/usr/bin/env python3
"""Issue 21, items 6 and 7: a flood of idle and slowloris connections from one address while a
publisher, a probe and an SSE reader carry on.

usage: connection-flood.py PORT IDLE SLOWLORIS SECONDS

Start the server with a small descriptor limit first, e.g.
  (ulimit -n 1024; NEWSTICKER_DEMO=false java -jar target/newsticker.jar)
and give this script a larger one (ulimit -n 20000). It prints what the publisher, the probe and
the reader saw, then the server's admission counters from /metrics.
"""
import json
import socket
import sys
import threading
import time
import urllib.request

PORT, IDLE, SLOW, SECONDS = (int(a) for a in sys.argv[1:5])
BASE = f"http://127.0.0.1:{PORT}"
stop = threading.Event()
seen = {"publish_ok": 0, "publish_failed": 0, "ready_ok": 0, "ready_failed": 0, "reader_events": 0, "idle_connected": 0}


def reader():
    s = socket.create_connection(("127.0.0.1", PORT))
    s.sendall(b"GET /api/v1/stream?snapshot=0 HTTP/1.1\r\nHost: flood\r\n\r\n")
    s.settimeout(1)
    received = b""
    while not stop.is_set():
        try:
            data = s.recv(65536)
        except socket.timeout:
            continue
        if not data:
            break
        received += data
        seen["reader_events"] = received.count(b"event: story.")


def idle():
    held = []
    for _ in range(IDLE):
        try:
            held.append(socket.create_connection(("127.0.0.1", PORT), timeout=5))
            seen["idle_connected"] += 1
        except OSError:
            pass
    stop.wait()


def slowloris():
    held = []
    for _ in range(SLOW):
        try:
            s = socket.create_connection(("127.0.0.1", PORT), timeout=5)
            s.sendall(b"GET / HTTP/1.1\r\nHost: flood\r\n")
            held.append(s)
        except OSError:
            pass
    while not stop.is_set():
        for s in list(held):
            try:
                s.sendall(b"X")
            except OSError:
                held.remove(s)
        time.sleep(1)


def call(key, request):
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            seen[key + "_ok" if response.status == 200 else key + "_failed"] += 1
    except Exception as e:
        seen[key + "_failed"] += 1
        print(key, "failed:", e)


threading.Thread(target=reader, daemon=True).start()
time.sleep(1)
threading.Thread(target=idle, daemon=True).start()
threading.Thread(target=slowloris, daemon=True).start()
start = time.time()
n = 0
while time.time() - start < SECONDS:
    n += 1
    body = json.dumps({"headline": f"Flood check {n}"}).encode()
    call("publish", urllib.request.Request(BASE + "/api/v1/headlines", data=body,
                                           headers={"Content-Type": "application/json"}))
    call("ready", BASE + "/health/ready")
    time.sleep(0.5)
time.sleep(1)
stop.set()
print(json.dumps(seen))
with urllib.request.urlopen(BASE + "/metrics", timeout=5) as response:
    for line in response.read().decode().splitlines():
        if line.startswith(("newsticker_connections_open", "newsticker_connections_closed")):
            print(line)
