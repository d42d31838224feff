#!/usr/bin/env bash
# How many bytes `rlterm watch` sends to the terminal per second while it trains: tmux runs it in a 120x40
# window at 30 frames a second, pipe-pane copies everything the program writes to a file for SECONDS seconds
# (after the first full frame and a second of warm-up), and the rate is printed in KB/s (1 KB = 1000 bytes).
#
#   benchmarks/watch_output_rate.sh PATH/TO/rlterm [SECONDS] [watch arguments...]
#
# Without arguments it measures the default session (DQN on cliffwalking at full speed, the busiest screen:
# every frame has a new step count, map, plot and heatmap). Try `--env cartpole` for the moving pole.
set -euo pipefail

if [[ $# -lt 1 || ! -x "$1" ]]; then
    echo "usage: $0 PATH/TO/rlterm [SECONDS] [watch arguments...]" >&2
    exit 64
fi
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
seconds=${2:-10}
shift $(($# >= 2 ? 2 : 1))
socket="rlterm-bytes-$$"
capture=$(mktemp)
tmux_() { tmux -L "$socket" "$@"; }
cleanup() { tmux_ kill-server 2>/dev/null || true; rm -f "$capture"; }
trap cleanup EXIT

tmux_ -f /dev/null new-session -d -s bytes -x 120 -y 40 \
    env -i HOME="$HOME" PATH="$PATH" TERM=screen-256color LANG=C.UTF-8 "$binary" watch --fps 30 "$@"
tmux_ set-option -t bytes status off
deadline=$((SECONDS + 20))
until tmux_ capture-pane -p -t bytes | grep -qF "Episode return"; do
    ((SECONDS < deadline)) || { echo "rlterm watch did not draw its panels" >&2; exit 1; }
    sleep 0.1
done
sleep 1
tmux_ pipe-pane -o -t bytes "cat >> '$capture'"
sleep "$seconds"
tmux_ pipe-pane -t bytes
sleep 0.2
bytes=$(wc -c < "$capture")
status=$(tmux_ capture-pane -p -t bytes | head -n 1 | sed 's/  */ /g')
awk -v b="$bytes" -v s="$seconds" -v status="$status" \
    'BEGIN { printf "%d bytes in %d s at 120x40, 30 fps: %.2f KB/s\n(%s)\n", b, s, b / s / 1000, status }'
