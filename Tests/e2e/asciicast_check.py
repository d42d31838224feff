#!/usr/bin/env python3
"""Strict reader of an asciicast v2 recording (asciinema's format, docs.asciinema.org/manual/asciicast/v2/).

    Tests/e2e/asciicast_check.py FILE.cast [--expect TEXT]... [--resizes N]

Checks that the file is UTF-8; that its first line is a JSON object with version 2, positive integer width
and height, an integer timestamp and an env object of strings; that every other line is a JSON array
[time, code, data] with a non-negative time that never decreases, a code of "o", "i", "r" or "m" and string
data, a resize's data being WIDTHxHEIGHT. It then replays the output on a pyte terminal of the header's
size (resized at each "r") and checks that the final screen shows each --expect TEXT, and that at least N
resizes were recorded. Prints a one-line summary; exits 1 naming the first problem (file:line).
"""
import json
import re
import sys

import pyte


def fail(message):
    print(f"asciicast_check: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    args = sys.argv[1:]
    if not args:
        fail("usage: asciicast_check.py FILE.cast [--expect TEXT]... [--resizes N]")
    path, rest = args[0], args[1:]
    expected, minimum_resizes = [], 0
    while rest:
        if rest[0] == "--expect" and len(rest) > 1:
            expected.append(rest[1])
        elif rest[0] == "--resizes" and len(rest) > 1:
            minimum_resizes = int(rest[1])
        else:
            fail(f"unknown argument {rest[0]}")
        rest = rest[2:]

    try:
        with open(path, encoding="utf-8", errors="strict", newline="\n") as file:
            lines = file.read().split("\n")
    except UnicodeDecodeError as error:
        fail(f"{path}: not UTF-8: {error}")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        fail(f"{path}: empty")

    try:
        header = json.loads(lines[0])
    except json.JSONDecodeError as error:
        fail(f"{path}:1: header is not JSON: {error}")
    if not isinstance(header, dict) or header.get("version") != 2:
        fail(f"{path}:1: header must be an object with version 2")
    for key in ("width", "height", "timestamp"):
        value = header.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or (key != "timestamp" and value <= 0):
            fail(f"{path}:1: header {key} must be a positive integer, got {value!r}")
    env = header.get("env", {})
    if not isinstance(env, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in env.items()):
        fail(f"{path}:1: env must be an object of strings")

    screen = pyte.Screen(header["width"], header["height"])
    stream = pyte.Stream(screen)
    last_time, outputs, resizes = 0.0, 0, 0
    for number, line in enumerate(lines[1:], start=2):
        try:
            event = json.loads(line)
        except json.JSONDecodeError as error:
            fail(f"{path}:{number}: event is not JSON: {error}")
        if not isinstance(event, list) or len(event) != 3:
            fail(f"{path}:{number}: an event is [time, code, data]")
        time, code, data = event
        if not isinstance(time, (int, float)) or isinstance(time, bool) or time < 0:
            fail(f"{path}:{number}: time must be a non-negative number, got {time!r}")
        if time < last_time:
            fail(f"{path}:{number}: time {time} goes back from {last_time}")
        last_time = time
        if code not in ("o", "i", "r", "m") or not isinstance(data, str):
            fail(f"{path}:{number}: code must be o, i, r or m with string data")
        if code == "r":
            match = re.fullmatch(r"([1-9][0-9]*)x([1-9][0-9]*)", data)
            if not match:
                fail(f"{path}:{number}: a resize's data is WIDTHxHEIGHT, got {data!r}")
            screen.resize(int(match.group(2)), int(match.group(1)))
            resizes += 1
        elif code == "o":
            stream.feed(data)
            outputs += 1

    shown = "\n".join(screen.display)
    for text in expected:
        if text not in shown:
            fail(f"{path}: the final screen does not show {text!r}:\n{shown}")
    if resizes < minimum_resizes:
        fail(f"{path}: {resizes} resizes recorded, expected at least {minimum_resizes}")
    print(f"{path}: asciicast v2, {header['width']}x{header['height']}, {outputs} output and {resizes} resize "
          f"events over {last_time:.1f} s")


if __name__ == "__main__":
    main()
