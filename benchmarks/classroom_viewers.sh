#!/usr/bin/env bash
# What classroom mode costs the teacher: the same shared run (DQN on CartPole, seed 1, full speed, the
# teacher's screen at 120x40 and 30 frames a second in tmux) with no viewer and with VIEWERS headless viewers
# (benchmarks/share_readers.py: each reads every frame the session sends, at the server's 30 frames a second,
# without drawing, so only the server's cost lands on the teacher's process). Both train the identical steps,
# so their steps per second of training time at step STEPS (progress.csv) compare directly. Also reports
# the bytes each viewer receives per second and the teacher's resident memory per viewer, read from
# /proc at step STEPS·0.8. ROUNDS rounds alternate the two; the best rate of each is kept (other jobs only
# ever slow a run down).
#
#   benchmarks/classroom_viewers.sh PATH/TO/rlterm [VIEWERS] [STEPS] [ROUNDS]
set -euo pipefail

if [[ $# -lt 1 || ! -x "$1" ]]; then
    echo "usage: $0 PATH/TO/rlterm [VIEWERS] [STEPS] [ROUNDS]" >&2
    exit 64
fi
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
viewers=${2:-30}
steps=${3:-60000}
rounds=${4:-2}
readers=$(dirname "$0")/share_readers.py
work=$(mktemp -d)
mkdir -m 0700 "$work/runtime"
socket="rlterm-classroom-bench-$$"
tmux_() { tmux -L "$socket" "$@"; }
trap 'tmux_ kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
run=(--env cartpole --algo dqn --seed 1 --steps "$steps")

rate_at() { awk -F, -v s="$steps" '$1 == s { print $5 }' "$1"; }
step_reached() { awk -F, -v s="$1" 'NR > 1 && $1 >= s { found = 1 } END { exit !found }' "$2" 2> /dev/null; }

# wait_for_step STEP LOG NAME: waits until LOG/progress.csv reaches STEP. A run that stops learning (DQN on
# CartPole can fail past its 50k budget) never gets there: after 30 s without a new progress row, say so with
# the teacher's screen and give up, instead of waiting for ever.
wait_for_step() {
    local target=$1 progress=$2/progress.csv name=$3 rows=-1 still=0
    until step_reached "$target" "$progress"; do
        local now
        now=$(wc -l < "$progress" 2> /dev/null || echo 0)
        if [[ "$now" == "$rows" ]]; then still=$((still + 1)); else rows=$now still=0; fi
        if ((still >= 150)); then
            echo "classroom_viewers.sh: $name stopped advancing before step $target; its screen:" >&2
            tmux_ capture-pane -p -t "$name" | head -3 >&2
            exit 1
        fi
        sleep 0.2
    done
}

# one_run NAME READERS: a shared watch to step STEPS with READERS headless viewers; prints
# "RATE RSS_KB [reader summary]".
one_run() {
    local name=$1 count=$2 log=$work/$1 pid rss summary=""
    tmux_ -f /dev/null new-session -d -s "$name" -x 120 -y 40 \
        env -i HOME="$HOME" PATH="$PATH" TERM=screen-256color LANG=C.UTF-8 XDG_RUNTIME_DIR="$work/runtime" \
        "$binary" watch "${run[@]}" --fps 30 --log-dir "$log" --share "bench-$name"
    until [[ -S "$work/runtime/rlterm/bench-$name.sock" ]]; do sleep 0.1; done
    pid=$(tmux_ display-message -p -t "$name" '#{pane_pid}')
    if ((count > 0)); then
        python3 "$readers" "$count" "$work/runtime/rlterm/bench-$name.sock" 600 > "$work/$name.readers" &
    fi
    wait_for_step $((steps * 8 / 10)) "$log" "$name"
    rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")
    wait_for_step "$steps" "$log" "$name"
    tmux_ send-keys -t "$name" q
    wait
    [[ -f "$work/$name.readers" ]] && summary=$(cat "$work/$name.readers")
    echo "$(rate_at "$log/progress.csv") $rss $summary"
}

best_alone=0 best_watched=0
for ((round = 1; round <= rounds; round++)); do
    # Assignments first, so that a run that gave up (wait_for_step) stops the script under set -e.
    alone_result=$(one_run "alone-$round" 0)
    watched_result=$(one_run "watched-$round" "$viewers")
    read -r alone alone_rss _ <<< "$alone_result"
    read -r watched watched_rss summary <<< "$watched_result"
    echo "round $round: no viewer $alone steps/s (RSS $alone_rss kB); $viewers viewers $watched steps/s" \
        "(RSS $watched_rss kB); $summary"
    best_alone=$(awk -v a="$best_alone" -v b="$alone" 'BEGIN { print (b > a ? b : a) }')
    best_watched=$(awk -v a="$best_watched" -v b="$watched" 'BEGIN { print (b > a ? b : a) }')
    memory_per_viewer=$(awk -v a="$alone_rss" -v w="$watched_rss" -v n="$viewers" 'BEGIN { printf "%.0f", (w - a) / n }')
    echo "round $round: resident memory per viewer ${memory_per_viewer} kB"
done
awk -v a="$best_alone" -v w="$best_watched" -v n="$viewers" -v l="$(cut -d' ' -f1-3 /proc/loadavg)" \
    'BEGIN { printf "best: no viewer %.0f, %d viewers %.0f steps/s: the viewers cost %.1f%% (load %s)\n", a, n, w, 100 * (1 - w / a), l }'
echo "cpu: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), $(nproc) cores"
