#!/usr/bin/env python3
"""A storm of random bytes on the terminal UI's keyboard, through a pseudo-terminal of our own.

Runs `rlterm watch` on a pty (100x30, TERM=xterm-256color, UTF-8), keeps a screen model of its output with
pyte, and writes BYTES random bytes to it while it trains: printable keys, control bytes, escape sequences
(arrows, function keys, broken and unfinished ones) and invalid UTF-8. Ctrl-C, q and Q are left out, since
they end the run. Then it checks that the process is alive, that training still advances, that the screen is
whole (the same picture as a full repaint forced by a resize gives), and that q still quits with status 0
and saves the networks.

tmux is not used for this: through tmux 3.3a's `send-keys -H` such a storm did not arrive intact (send-keys
failed part-way and the pane or the server went away, with `cat` in rlterm's place as well).

    Tests/e2e/key_storm.py PATH/TO/rlterm [BYTES] [SEED]

Needs `pip install pyte`. Prints "N passed, M failed" last and exits 1 when anything failed.
"""
import fcntl
import os
import pty
import random
import re
import select
import struct
import sys
import tempfile
import termios
import time

import pyte

ESCAPES = [b"\x1b[A", b"\x1b[B", b"\x1b[C", b"\x1b[D", b"\x1bOP", b"\x1b[15;5~", b"\x1b[", b"\x1b", b"\x1b[?",
           b"\x1b[1;2", b"\xc3", b"\xff", b"\xfe", b"\xe2\x82", b"\xf0\x9f\x98", b"\xed\xa0\x80"]
FORBIDDEN = {0x03, ord("q"), ord("Q")}


class Terminal:
    def __init__(self, binary, directory, columns=100, rows=30):
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(directory)
            environment = {"HOME": os.environ.get("HOME", "/"), "PATH": os.environ.get("PATH", "/usr/bin"),
                           "TERM": "xterm-256color", "LANG": "C.UTF-8"}
            os.execve(binary, [binary, "watch", "--log-dir", os.path.join(directory, "run")], environment)
        self.resize(columns, rows)
        self.status = None

    def resize(self, columns, rows):
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.screen.resize(rows, columns)

    def pump(self, seconds):
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    data = os.read(self.fd, 65536)
                except OSError:
                    return
                if not data:
                    return
                self.stream.feed(data)

    def write(self, data):
        os.write(self.fd, data)

    def alive(self):
        if self.status is not None:
            return False
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        if pid == 0:
            return True
        self.status = status
        return False

    def text(self):
        return "\n".join(self.screen.display)

    def steps(self):
        match = re.search(r"step ([0-9,]+)", self.screen.display[0])
        return int(match.group(1).replace(",", "")) if match else None


def main():
    binary = os.path.abspath(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    results = []

    def check(name, ok, detail=""):
        results.append(ok)
        print(("ok   " if ok else "FAIL ") + name)
        if not ok and detail:
            print("\n".join("     | " + line for line in detail.splitlines()))

    directory = tempfile.mkdtemp()
    terminal = Terminal(binary, directory)
    terminal.pump(4)
    check("the UI starts and shows its panels", "Environment" in terminal.text() and "Hyperparameters" in terminal.text(),
          terminal.text())

    sent = 0
    while sent < count and terminal.alive():
        chunk = bytearray()
        while len(chunk) < 40:
            if rng.random() < 0.2:
                chunk += rng.choice(ESCAPES)
            else:
                byte = rng.randrange(256)
                if byte not in FORBIDDEN:
                    chunk.append(byte)
        terminal.write(bytes(chunk))
        sent += len(chunk)
        terminal.pump(0.01)
    terminal.pump(1)
    check(f"after {sent} random bytes the process is alive", terminal.alive(), terminal.text())
    if not terminal.alive():
        finish(results)

    # Whatever the storm left on (help, a pause, a slow pace) is undone with keys a user would press.
    terminal.write(b"\x1b")
    terminal.pump(0.5)
    if "Keys" in terminal.text():
        terminal.write(b"?")
    terminal.write(b"+" * 20)
    terminal.pump(0.5)
    if "paused" in terminal.screen.display[0]:
        terminal.write(b" ")
    terminal.pump(1)
    first = terminal.steps()
    terminal.pump(2)
    second = terminal.steps()
    check("after the storm training still advances", first is not None and second is not None and second > first,
          f"step {first} then {second}\n" + terminal.text())

    # Paused, the picture changes only when a message from the storm (a switch names its headless command and
    # stays up for several seconds) runs out: the comparison waits until the key bar is back and the picture still.
    terminal.write(b" ")
    terminal.pump(1)
    before = terminal.text()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        terminal.pump(1)
        if terminal.text() == before and "space run" in terminal.screen.display[-1]:
            break
        before = terminal.text()
    terminal.resize(101, 31)
    terminal.pump(0.5)
    terminal.resize(100, 30)
    terminal.pump(1)
    after = terminal.text()
    check("after the storm the screen is whole (the same as a full repaint)", before == after,
          "before:\n" + before + "\nafter:\n" + after)

    terminal.write(b"q")
    deadline = time.monotonic() + 15
    while terminal.alive() and time.monotonic() < deadline:
        terminal.pump(0.1)
    check("q still quits, with status 0", terminal.status is not None and os.waitstatus_to_exitcode(terminal.status) == 0)
    check("the networks were saved on the way out", os.path.getsize(os.path.join(directory, "run", "model.safetensors")) > 0)
    finish(results)


def finish(results):
    print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
