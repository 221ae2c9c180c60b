"""The three commands the profiles measure, for driver.py and instructions.py: a REQ client on an
odop-catalogue's command endpoint, and per command a function giving the next request's args."""
import json, uuid
import zmq


def connect(endpoint, timeout_ms):
    """Returns call(command, args) -> result over one REQ socket; exits on a failure reply."""
    sock = zmq.Context.instance().socket(zmq.REQ)
    sock.setsockopt(zmq.LINGER, 0)
    sock.setsockopt(zmq.RCVTIMEO, timeout_ms)
    sock.connect(endpoint)

    def call(command, args):
        sock.send(json.dumps({"id": uuid.uuid4().hex, "command": command, "args": args}).encode())
        reply = json.loads(sock.recv())
        if not reply.get("ok"):
            raise SystemExit(f"{command} failed: {reply}")
        return reply["result"]

    return call


def cases(call):
    """Registers a district and a product, then returns [(command, next_args)] for `health`,
    `product.get` (of that product) and `product.register` (a new name each time)."""
    call("health", {})
    call("district.register", {"state": "Bihar", "name": "Bhagalpur"})
    product = call("product.register", {"state": "Bihar", "district": "Bhagalpur", "name": "Silk 0", "sector": "textile"})
    counter = [0]

    def register_args():
        counter[0] += 1
        return {"state": "Bihar", "district": "Bhagalpur", "name": f"Silk {counter[0]}", "sector": "textile"}

    return [("health", lambda: {}), ("product.get", lambda: {"id": product["id"]}), ("product.register", register_args)]
