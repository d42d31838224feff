#!/usr/bin/env bash
# A new user's tour of the live view in a real terminal: from the default screen (DQN on cliffwalking),
# 'a' through every algorithm and back, then 'e' through every environment and back, a few seconds on each.
# After each switch: the status line names the new pair and its agent trains, and no watchdog or failure
# message appears. At the end, with --log-dir: every episode in monitor.csv that ended while a pair was on
# screen lasted no longer than that pair's time limit (REINFORCE's preset truncates cliffwalking at 100,000;
# the maps' own max_steps, CartPole's and Acrobot's 500, MountainCar's 200, n for bit flipping and the Blind
# Cliffwalk).
#
#   Tests/e2e/switch_tour_tmux.sh PATH/TO/rlterm [SECONDS-PER-STOP]
#
# Prints "N passed, M failed" last and exits non-zero when anything failed.
set -euo pipefail

if [[ $# -lt 1 || ! -x "$1" ]]; then
    echo "usage: $0 PATH/TO/rlterm [SECONDS-PER-STOP]" >&2
    exit 64
fi
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dwell=${2:-4}

source "$(dirname "$0")/lib.sh"
tmux_setup tour tour
on_failure() { screen; }

healthy() { screen_lacks "learning stopped" && screen_lacks "failed" && screen_lacks "diverg"; }

tmux_ -f /dev/null new-session -d -s "$session" -x 100 -y 30 \
    env -i HOME="$HOME" PATH="$PATH" TERM=screen-256color LANG=C.UTF-8 PS1='e2e$ ' bash --norc --noprofile
tmux_ set-option -t "$session" status off
wait_for 5 screen_has 'e2e$'
printf -v command '%q ' "$binary" watch --log-dir "$work/tour"
tmux_ send-keys -t "$session" "cd $(printf '%q' "$work") && $command; echo \"rlterm-exit=\$?\"" Enter
check "the default screen trains DQN on cliffwalking" wait_for 20 status_has "cliffwalking · DQN"

# Each stop: the key, what the status line then shows, and the time limit of its episodes ("-": none).
stops=(
    "a|cliffwalking · REINFORCE|100000" "a|cliffwalking · VPG|-" "a|cliffwalking · AC|-"
    "a|cliffwalking · online AC|-" "a|cliffwalking · FQI|-" "a|cliffwalking · online Q|-"
    "a|cliffwalking · DQN|-"
    "e|fourrooms · DQN|500" "e|frozenlake4x4 · DQN|100" "e|frozenlake8x8 · DQN|200" "e|maze · DQN|200"
    "e|cartpole · DQN|500" "e|acrobot · DQN|500" "e|mountaincar · DQN|200"
    "e|bitflip 10 · DQN|10" "e|cliffwalk 10 · DQN|10"
    "e|minatar-breakout · DQN|10000" "e|minatar-freeway · DQN|10000" "e|minatar-space-invaders · DQN|10000"
    "e|minatar-asterix · DQN|10000" "e|minatar-seaquest · DQN|10000" "e|cliffwalking · DQN|-"
)
: >"$work/stops.txt"
for stop in "${stops[@]}"; do
    IFS='|' read -r key label limit <<<"$stop"
    printf '%s %s\n' "$(date +%s.%N)" "$limit" >>"$work/stops.txt"
    tmux_ send-keys -t "$session" "$key"
    check "'$key' switches to $label" wait_for 5 status_has "$label"
    sleep "$dwell"
    check "$label trains" status_has "▶ train"
    check "$label: no watchdog or failure message" healthy
done
date +%s.%N >>"$work/stops.txt"

tmux_ send-keys -t "$session" q
check "q quits with status 0" wait_for 15 screen_has "rlterm-exit=0"

# Attributes each monitor.csv episode to the stop on screen when it ended (half a second after its key, so an
# episode that ended as the key went in counts for the stop before), and compares its length with the limit.
too_long() {
    python3 - "$work/tour/monitor.csv" "$work/stops.txt" <<'EOF'
import json, sys
monitor, stops = open(sys.argv[1]).read().splitlines(), open(sys.argv[2]).read().split("\n")
start = json.loads(monitor[0][1:])["t_start"]
marks = [line.split() for line in stops if line.strip()]
bad = []
for row in monitor[2:]:
    _, length, t = row.split(",")
    ended = start + float(t)
    for (begin, limit), following in zip(marks, marks[1:]):
        if float(begin) + 0.5 <= ended < float(following[0]) and limit != "-" and int(length) > int(limit):
            bad.append(f"an episode of {length} steps under a limit of {limit}")
print("\n".join(bad))
sys.exit(1 if bad else 0)
EOF
}
check "no episode outlasted its pair's time limit" too_long
finish
