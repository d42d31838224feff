#!/usr/bin/env bash
# End-to-end test of `rlterm watch` in a real terminal: tmux runs the built binary in a shell, sends keys
# and reads the screen back with capture-pane.
#
#   Tests/e2e/watch_tmux.sh PATH/TO/rlterm
#
# Builds nothing. Checks that the default session (DQN on cliffwalking) trains at once with every panel
# shown; that space pauses, '.' steps once, '←' edits γ, 'd' restores its preset, 'a' and 'e' switch algorithm and environment, 'v',
# 'p', 'x' and '?' change the views; that a window below 80x24 shows the too-small notice and that resizes,
# many of them, leave the panels intact; that 'q' exits 0, gives the terminal back and saves the networks
# into --log-dir; and that SIGINT, SIGTERM and SIGHUP (an SSH connection dropping) end the UI with 130, 143
# and 129, restore the terminal and save the networks and logs too.
# Prints "N passed, M failed" last and exits non-zero when anything failed.
set -euo pipefail

if [[ $# -ne 1 || ! -x "$1" ]]; then
    echo "usage: $0 PATH/TO/rlterm" >&2
    exit 64
fi
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")

source "$(dirname "$0")/lib.sh"
tmux_setup e2e watch
on_failure() { screen; }

prompt_is_last() { screen | grep -v '^$' | tail -n 1 | grep -qx 'e2e\$ \?'; }
steps_above() { local count; count=$(step_count); [[ -n "$count" && "$count" -gt "$1" ]]; }
panels_shown() { common_panels_shown && screen_has "max_a Q(s,a)"; }

# start_watch ARGS...: a fresh shell in a fresh 100x30 window, running rlterm watch ARGS and then printing
# its exit status.
start_watch() {
    tmux_fresh_session 100 30 \
        env -i HOME="$HOME" PATH="$PATH" TERM=screen-256color LANG=C.UTF-8 PS1='e2e$ ' bash --norc --noprofile
    wait_for 5 screen_has 'e2e$'
    local command
    printf -v command '%q ' "$binary" watch "$@"
    tmux_ send-keys -t "$session" "$command; echo \"rlterm-exit=\$?\"" Enter
}

# --- The default session, driven by keys -------------------------------------------------------------
start_watch --log-dir "$work/keys"
check "the four panels appear with their titles" wait_for 20 panels_shown
check "the status line names the default environment and algorithm" status_has "cliffwalking · DQN"
check "training starts at once" wait_for 10 steps_above 500
check "the key hints are shown" screen_has "space pause"

tmux_ send-keys -t "$session" Space
check "space pauses (status shows paused)" wait_for 5 status_has "paused"
before=$(step_count)
sleep 0.5
check "no steps are taken while paused" step_is "$before"
tmux_ send-keys -t "$session" .
check "'.' advances the step counter by one while paused" wait_for 5 step_is "$((before + 1))"

tmux_ send-keys -t "$session" Left
check "'←' lowers γ from dqn/cliffwalking's preset 0.900 to 0.890, marked * in the panel" wait_for 5 screen_has "0.890*"
check "the edit is marked on the return plot" wait_for 5 screen_has "γ 0.890"
tmux_ send-keys -t "$session" d
check "'d' restores γ to its preset: the panel's * is gone" wait_for 5 screen_lacks "0.890*"
check "'d' restores γ to its preset, 0.900" screen_has "0.900"

tmux_ send-keys -t "$session" v
check "'v' shows one action's Q-values" wait_for 5 screen_has "Q(s,↑)"
tmux_ send-keys -t "$session" x
check "'x' opens the explain panel" wait_for 5 screen_has "Explain: last update"
check "the explain panel writes out the DQN target" wait_for 5 screen_has "y = r + γ·max Q(s′,a′;θ⁻)"
tmux_ send-keys -t "$session" x p
check "'p' shows the loss plot" wait_for 5 screen_has "Loss"
tmux_ send-keys -t "$session" p '?'
check "'?' shows the help overlay" wait_for 5 screen_has "Keys"
tmux_ send-keys -t "$session" '?'
check "'?' again closes it" wait_for 5 screen_lacks "Keys"

tmux_ send-keys -t "$session" a
check "'a' switches to the next algorithm (REINFORCE)" wait_for 5 status_has "REINFORCE"
tmux_ send-keys -t "$session" e
check "'e' switches to the next environment (fourrooms)" wait_for 5 status_has "fourrooms"
tmux_ send-keys -t "$session" Space
check "space resumes, and the new agent trains" wait_for 10 status_has "training"

tmux_ resize-window -t "$session" -x 60 -y 20
check "at 60x20 the too-small notice is shown" wait_for 5 screen_has "rlterm needs 80"
check "at 60x20 the panels are gone" screen_lacks "Episode return"
for size in 81x24 200x60 80x24 45x12 130x41 90x25 20x5 250x80 100x30; do
    tmux_ resize-window -t "$session" -x "${size%x*}" -y "${size#*x}"
    sleep 0.05
done
check "after a run of resizes, back at 100x30, the panels return" wait_for 5 common_panels_shown
check "after the resizes the notice is gone" screen_lacks "rlterm needs"
check "after the resizes it still trains" status_has "training"

tmux_ send-keys -t "$session" q
check "q quits with exit status 0" wait_for 10 screen_has_line "rlterm-exit=0"
check "the terminal is given back (normal screen, visible cursor)" terminal_restored
tmux_ send-keys -t "$session" "stty -a | grep -q ' icanon' && stty -a | grep -q ' echo ' && echo \"tty-\"cooked" Enter
check "the tty is back in cooked mode with echo" wait_for 5 screen_has_line "tty-cooked"
check "the shell prompt is back" wait_for 5 prompt_is_last
check "quitting with --log-dir saved the networks" test -s "$work/keys/model.safetensors"
check "monitor.csv has an episode row per finished episode" test "$(wc -l < "$work/keys/monitor.csv")" -gt 10

# --- Signals: SIGTERM and SIGHUP end the UI cleanly ---------------------------------------------------
for signal in INT TERM HUP; do
    directory="$work/signal-$signal"
    start_watch --log-dir "$directory"
    wait_for 20 panels_shown || true
    wait_for 10 test -s "$directory/progress.csv" || true
    pid=$(pgrep -f -- "watch --log-dir $directory" | head -n 1)
    kill "-$signal" "$pid"
    status=$((128 + $(kill -l "$signal")))
    check "SIG$signal ends rlterm watch with status $status" wait_for 10 screen_has_line "rlterm-exit=$status"
    check "after SIG$signal the terminal is given back" terminal_restored
    check "after SIG$signal the networks are saved" test -s "$directory/model.safetensors"
    check "after SIG$signal progress.csv holds its rows" test "$(wc -l < "$directory/progress.csv")" -gt 1
done

finish
