#!/usr/bin/env bash
# What the terminal UI costs training: the same run (DQN on CartPole, seed 1) headless with `rlterm train` and
# live with `rlterm watch` in a 120x40 tmux window at 30 frames a second, both at full speed. Both train the
# identical sequence of steps (same engine, same seed), so their steps per second of training time at step
# STEPS, read from each run's progress.csv, compare directly. ROUNDS rounds alternate the two; the best of
# each is kept (other jobs only ever slow a run down).
#
#   benchmarks/ui_overhead.sh PATH/TO/rlterm [STEPS] [ROUNDS]
set -euo pipefail

if [[ $# -lt 1 || ! -x "$1" ]]; then
    echo "usage: $0 PATH/TO/rlterm [STEPS] [ROUNDS]" >&2
    exit 64
fi
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
steps=${2:-60000}
rounds=${3:-3}
work=$(mktemp -d)
socket="rlterm-overhead-$$"
tmux_() { tmux -L "$socket" "$@"; }
trap 'tmux_ kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
run=(--env cartpole --algo dqn --seed 1 --steps "$steps")

# rate_at FILE: steps per second of training time at step STEPS in a progress.csv.
rate_at() { awk -F, -v s="$steps" '$1 == s { print $5 }' "$1"; }

best_headless=0
best_watch=0
for ((round = 1; round <= rounds; round++)); do
    "$binary" train "${run[@]}" --log-dir "$work/train-$round" 2> /dev/null
    headless=$(rate_at "$work/train-$round/progress.csv")

    tmux_ -f /dev/null new-session -d -s watch -x 120 -y 40 \
        env -i HOME="$HOME" PATH="$PATH" TERM=screen-256color LANG=C.UTF-8 \
        "$binary" watch "${run[@]}" --fps 30 --log-dir "$work/watch-$round"
    until [[ -n "$(rate_at "$work/watch-$round/progress.csv" 2> /dev/null)" ]]; do sleep 0.2; done
    tmux_ kill-server
    watch=$(rate_at "$work/watch-$round/progress.csv")

    echo "round $round: headless $headless steps/s, with the UI $watch steps/s"
    best_headless=$(awk -v a="$best_headless" -v b="$headless" 'BEGIN { print (b > a ? b : a) }')
    best_watch=$(awk -v a="$best_watch" -v b="$watch" 'BEGIN { print (b > a ? b : a) }')
done
awk -v h="$best_headless" -v w="$best_watch" -v l="$(cut -d' ' -f1-3 /proc/loadavg)" \
    'BEGIN { printf "best: headless %.0f, with the UI %.0f steps/s: the UI costs %.1f%% (load %s)\n", h, w, 100 * (1 - w / h), l }'
