#!/usr/bin/env python3
"""N headless viewers of a shared rlterm session: each connects to the socket and reads every frame the
session sends (the length prefix of each is checked, the body discarded), as `rlterm attach` would receive
them, without drawing. Runs until SECONDS pass or the session ends, then prints one line:

    viewers N, frames F, bytes per viewer per second B

    benchmarks/share_readers.py N SOCKET SECONDS
"""
import selectors
import socket
import sys
import time


def main():
    count, path, seconds = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
    selector = selectors.DefaultSelector()
    state = {}
    for _ in range(count):
        viewer = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        viewer.connect(path)
        viewer.setblocking(False)
        selector.register(viewer, selectors.EVENT_READ)
        state[viewer] = {"buffer": b"", "bytes": 0, "frames": 0}
    start = time.monotonic()
    open_viewers = count
    while open_viewers and time.monotonic() - start < seconds:
        for key, _ in selector.select(timeout=0.5):
            viewer = key.fileobj
            data = viewer.recv(1 << 20)
            if not data:
                selector.unregister(viewer)
                open_viewers -= 1
                continue
            entry = state[viewer]
            entry["bytes"] += len(data)
            buffer = entry["buffer"] + data
            while len(buffer) >= 4:
                length = int.from_bytes(buffer[:4], "big")
                if length > 8 << 20:
                    sys.exit(f"frame of {length} bytes exceeds the protocol's limit")
                if len(buffer) < 4 + length:
                    break
                buffer = buffer[4 + length:]
                entry["frames"] += 1
            entry["buffer"] = buffer
    elapsed = time.monotonic() - start
    total = sum(entry["bytes"] for entry in state.values())
    frames = sum(entry["frames"] for entry in state.values())
    print(f"viewers {count}, frames {frames}, bytes per viewer per second {total / count / elapsed:.0f}")


if __name__ == "__main__":
    main()
