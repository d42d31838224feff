#!/usr/bin/env bash
# How many bytes `rlterm watch` sends to the terminal per second while the rollout runs: tmux runs it in a
# 120x40 window at the default frame cap, pipe-pane copies everything the program writes to a file for
# SECONDS seconds (after the first full frame), and the rate is printed in KB/s (1 KB = 1000 bytes).
#
#   benchmarks/watch_output_rate.sh PATH/TO/rlterm [SECONDS] [FASTER]
#
# FASTER is how many times '+' is pressed first (each press moves the pace 10 → 20 → 50 → 100 → 200 →
# 500 → 1000 steps/s), to measure busier screens than the default 10 steps/s.
set -euo pipefail

if [[ $# -lt 1 || ! -x "$1" ]]; then
    echo "usage: $0 PATH/TO/rlterm [SECONDS] [FASTER]" >&2
    exit 64
fi
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
seconds=${2:-10}
faster=${3:-0}
socket="rlterm-bytes-$$"
capture=$(mktemp)
tmux_() { tmux -L "$socket" "$@"; }
cleanup() { tmux_ kill-server 2>/dev/null || true; rm -f "$capture"; }
trap cleanup EXIT

tmux_ -f /dev/null new-session -d -s bytes -x 120 -y 40 \
    env -i HOME="$HOME" PATH="$PATH" TERM=screen-256color LANG=C.UTF-8 "$binary" watch
tmux_ set-option -t bytes status off
deadline=$((SECONDS + 20))
until tmux_ capture-pane -p -t bytes | grep -qF "Episode return"; do
    ((SECONDS < deadline)) || { echo "rlterm watch did not draw its panels" >&2; exit 1; }
    sleep 0.1
done
for ((i = 0; i < faster; i++)); do tmux_ send-keys -t bytes +; done
sleep 1
tmux_ pipe-pane -o -t bytes "cat >> '$capture'"
sleep "$seconds"
tmux_ pipe-pane -t bytes
sleep 0.2
bytes=$(wc -c < "$capture")
pace=$(tmux_ capture-pane -p -t bytes | grep -o 'pace [0-9]*/s' || true)
awk -v b="$bytes" -v s="$seconds" -v p="$pace" \
    'BEGIN { printf "%d bytes in %d s at 120x40 (%s): %.2f KB/s\n", b, s, p, b / s / 1000 }'
