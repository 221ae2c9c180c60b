#!/usr/bin/env python3
"""An independent ZeroMQ client (pyzmq) for the security tests.

Usage: curve_probe.py ENDPOINT MODE [options] -- sends one request per --command (JSON
{"id","command","args"}) on a DEALER socket and prints one JSON line per outcome:
  {"event": "handshake_failed", "kind": "auth|protocol|no_detail", "value": N}   (socket monitor)
  {"event": "handshake_succeeded"}
  {"event": "disconnected"}   (socket monitor: the connection was lost; once per loss)
  {"event": "reply", "reply": {...}}
  {"event": "timeout"}
MODE is `plain` (no security), `curve` (needs --server-key, --public, --secret: key files).
--hold-stdin: after the first reply, wait for a line on stdin, then send the remaining commands
on the SAME connection (to prove that a key removed meanwhile is cut off on its open socket).
"""
import argparse, json, os, sys, threading, time, uuid
import zmq
from zmq.utils.monitor import recv_monitor_message

def key(path):
    with open(path, "rb") as f:
        return f.read().strip()

def main():
    p = argparse.ArgumentParser()
    p.add_argument("endpoint")
    p.add_argument("mode", choices=["plain", "curve"])
    p.add_argument("--server-key")
    p.add_argument("--public")
    p.add_argument("--secret")
    p.add_argument("--command", action="append", default=[], help="JSON: {\"command\":..., \"args\":...}")
    p.add_argument("--timeout", type=float, default=3.0)
    p.add_argument("--hold-stdin", action="store_true")
    a = p.parse_args()

    ctx = zmq.Context()
    s = ctx.socket(zmq.DEALER)
    s.linger = 0
    if a.mode == "curve":
        s.curve_serverkey = key(a.server_key)
        s.curve_publickey = key(a.public)
        s.curve_secretkey = key(a.secret)
    mon = s.get_monitor_socket(zmq.EVENT_HANDSHAKE_SUCCEEDED | zmq.EVENT_HANDSHAKE_FAILED_AUTH
                               | zmq.EVENT_HANDSHAKE_FAILED_PROTOCOL | zmq.EVENT_HANDSHAKE_FAILED_NO_DETAIL
                               | zmq.EVENT_DISCONNECTED)
    out_lock = threading.Lock()
    def emit(obj):
        with out_lock:
            print(json.dumps(obj), flush=True)
    names = {zmq.EVENT_HANDSHAKE_FAILED_AUTH: "auth", zmq.EVENT_HANDSHAKE_FAILED_PROTOCOL: "protocol",
             zmq.EVENT_HANDSHAKE_FAILED_NO_DETAIL: "no_detail"}
    seen = set()
    def watch():
        while True:
            try:
                m = recv_monitor_message(mon)
            except zmq.ZMQError:
                return
            ev = m["event"]
            if ev == zmq.EVENT_HANDSHAKE_SUCCEEDED:
                key_ = "ok"
                if key_ not in seen:
                    seen.add(key_); emit({"event": "handshake_succeeded"})
            elif ev == zmq.EVENT_DISCONNECTED:
                emit({"event": "disconnected"})
            elif ev in names:
                key_ = names[ev]
                if key_ not in seen:  # a refused client reconnects and fails again: report once
                    seen.add(key_); emit({"event": "handshake_failed", "kind": names[ev], "value": m["value"]})
    t = threading.Thread(target=watch, daemon=True)
    t.start()
    s.connect(a.endpoint)

    def call(spec, index):
        body = json.loads(spec)
        body.setdefault("id", str(uuid.uuid4()))
        body.setdefault("args", {})
        s.send_multipart([b"", json.dumps(body).encode()])
        if s.poll(int(a.timeout * 1000)):
            frames = s.recv_multipart()
            emit({"event": "reply", "reply": json.loads(frames[-1])})
        else:
            emit({"event": "timeout"})

    for i, spec in enumerate(a.command):
        if a.hold_stdin and i == 1:
            emit({"event": "holding"})
            sys.stdin.readline()
        call(spec, i)
    time.sleep(0.3)  # let the monitor report
    sys.stdout.flush()
    os._exit(0)  # the monitor thread still blocks in a receive: leave without waiting for it

if __name__ == "__main__":
    main()
