#!/usr/bin/env python3
"""A raw TCP proxy that records every byte it forwards, in both directions (a packet capture
without privileges). Usage: tcp_tap.py LISTEN_PORT TARGET_PORT CAPTURE_FILE. Prints "ready"
once listening; forwards connections until killed, appending the bytes to CAPTURE_FILE."""
import socket, sys, threading

listen_port, target_port, capture = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
lock = threading.Lock()
out = open(capture, "ab", buffering=0)

def pump(src, dst):
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            with lock:
                out.write(data)
            dst.sendall(data)
    except OSError:
        pass
    finally:
        for s in (src, dst):
            try: s.shutdown(socket.SHUT_RDWR)
            except OSError: pass

server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", listen_port))
server.listen(16)
print("ready", flush=True)
while True:
    client, _ = server.accept()
    upstream = socket.create_connection(("127.0.0.1", target_port))
    threading.Thread(target=pump, args=(client, upstream), daemon=True).start()
    threading.Thread(target=pump, args=(upstream, client), daemon=True).start()
