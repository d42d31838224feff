#!/usr/bin/env python3
"""Writes the malformed-map corpus next to this script (see README.md there).

Most maps are short text and could be written by hand; they are generated with the binary ones so the whole
corpus has one source. The output is deterministic: running this again reproduces the committed files.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

LAKE = "SFFF\nFHFH\nFFFH\nHFFG\n"


def settings(*lines):
    """A map with `lines` as its settings section above the 4x4 lake."""
    return "\n".join(lines) + "\nmap:\n" + LAKE


def files():
    # Nothing to read.
    yield "empty.txt", ""
    yield "blank-lines.txt", "\n   \n\t\n\n"
    yield "bom-only.txt", "\ufeff"
    yield "only-comments.txt", "# a map\n# nothing else\n"
    yield "map-line-only.txt", "name: nothing\nmap:\n\n"
    # Start and goal.
    yield "no-start.txt", "FFFF\nFHFH\nFFFH\nHFFG\n"
    yield "two-starts.txt", "SFFF\nFHFH\nFFSH\nHFFG\n"
    yield "no-goal.txt", "SFFF\nFHFH\nFFFH\nHFFF\n"
    yield "only-walls.txt", "####\n####\n"
    yield "lowercase-cells.txt", "sfff\nfhfh\nfffh\nhffg\n"
    # Shape.
    yield "ragged-short-row.txt", "SFFF\nFHF\nFFFH\nHFFG\n"
    yield "ragged-long-row.txt", "SFFF\nFHFHF\nFFFH\nHFFG\n"
    yield "blank-row-inside.txt", "SFFF\nFHFH\n\nFFFH\nHFFG\n"
    yield "too-many-rows.txt", "SG\n" + "FF\n" * 256
    yield "too-many-columns.txt", "S" + "F" * 256 + "G\n"
    yield "long-line.txt", "S" + "F" * 100000 + "G\n"
    yield "many-newlines.txt", "\n" * 200000
    # Characters.
    yield "unknown-character.txt", "SFFF\nFHXH\nFFFH\nHFFG\n"
    yield "space-inside-row.txt", "SF F\nFHFH\nFFFH\nHFFG\n"
    yield "tab-inside-row.txt", "SF\tF\nFHFH\nFFFH\nHFFG\n"
    yield "emoji-cell.txt", "SFFF\nFH\U0001F600H\nFFFH\nHFFG\n"
    yield "combining-mark.txt", "S\u0301FFF\nFHFH\nFFFH\nHFFG\n"
    yield "comment-without-map-line.txt", "# my lake\n" + LAKE
    yield "setting-without-map-line.txt", "slippery: true\n" + LAKE
    # Bytes that are not text.
    yield "nul-byte.txt", b"SFFF\nFH\0H\nFFFH\nHFFG\n"
    yield "invalid-utf8.txt", b"SFFF\nFHFH\nFF\xffH\nHFFG\n"
    yield "truncated-utf8.txt", "# caf\u00e9\nmap:\nSG\n".encode()[:6]
    yield "overlong-utf8.txt", b"SF\xc0\xafG\n"
    yield "surrogate-utf8.txt", b"SF\xed\xa0\x80G\n"
    yield "utf16.txt", "SFFF\nFHFH\nFFFH\nHFFG\n".encode("utf-16")
    yield "png-header.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0\x90\x91h6"
    yield "binary-garbage.txt", bytes((index * 73 + 41) % 256 for index in range(512))
    yield "escape-sequence.txt", "SFFF\n\x1b[2J\x1b[31mFHFH\nFFFH\nHFFG\n"
    yield "form-feed.txt", "SFFF\nFHFH\x0c\nFFFH\nHFFG\n"
    # Settings.
    yield "unknown-setting.txt", settings("colour: blue")
    yield "duplicate-setting.txt", settings("max_steps: 50", "slippery: false", "max_steps: 60")
    yield "not-a-setting.txt", settings("this is not a setting")
    yield "empty-key.txt", settings(": 3")
    yield "slippery-maybe.txt", settings("slippery: maybe")
    yield "success-rate-above-one.txt", settings("success_rate: 1.5")
    yield "success-rate-negative.txt", settings("success_rate: -0.1")
    yield "reward-nan.txt", settings("step_reward: nan")
    yield "reward-infinite.txt", settings("goal_reward: 1e999")
    yield "reward-divide-by-zero.txt", settings("hole_reward: 1/0")
    yield "reward-hex.txt", settings("cliff_reward: 0x10")
    yield "reward-two-slashes.txt", settings("step_reward: 1/2/3")
    yield "max-steps-zero.txt", settings("max_steps: 0")
    yield "max-steps-negative.txt", settings("max_steps: -5")
    yield "max-steps-fraction.txt", settings("max_steps: 2.5")
    yield "max-steps-huge.txt", settings("max_steps: 99999999999999999999999999")
    yield "max-steps-above-limit.txt", settings("max_steps: 10000001")
    yield "name-empty.txt", settings("name:")
    yield "comment-after-value.txt", settings("slippery: true  # icy")
    yield "crlf-bad-value.txt", settings("name: lake", "max_steps: ten").replace("\n", "\r\n")
    yield "cr-only-ragged.txt", "SFFF\rFHF\rFFFH\rHFFG\r"


def main():
    for name, content in files():
        data = content if isinstance(content, bytes) else content.encode()
        with open(os.path.join(HERE, name), "wb") as file:
            file.write(data)


if __name__ == "__main__":
    main()
