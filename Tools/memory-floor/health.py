"""Exit 0 when the service at ENDPOINT answers the `health` command (used by run.sh to know that
a service is up); exit 1 after a 1 s timeout."""
import json, sys, uuid
import zmq

socket = zmq.Context().socket(zmq.REQ)
socket.setsockopt(zmq.LINGER, 0)
socket.setsockopt(zmq.RCVTIMEO, 1000)
socket.connect(sys.argv[1])
socket.send(json.dumps({"id": uuid.uuid4().hex, "command": "health", "args": {}}).encode())
try:
    sys.exit(0 if json.loads(socket.recv()).get("ok") else 1)
except zmq.Again:
    sys.exit(1)
