#!/usr/bin/env bash
# The terminal UI under abuse, in tmux, while it trains at full speed:
#   - 200 resizes to random sizes between 20x5 and 250x80; afterwards the process is alive, training still
#     advances, and the screen is whole — the same picture as a full repaint gives (a resize forces one);
#   - a non-UTF-8 locale (LANG=C: ASCII drawing), TERM=vt100 (no colour), TERM=dumb (refused with a message).
# The storm of random key bytes is Tests/e2e/key_storm.py (on a pty of its own: tmux's send-keys cannot carry it).
#
#   Tests/e2e/terminal_abuse.sh PATH/TO/rlterm [RESIZES]
#
# Prints "N passed, M failed" last and exits non-zero when anything failed.
set -euo pipefail

if [[ $# -lt 1 || ! -x "$1" ]]; then
    echo "usage: $0 PATH/TO/rlterm [RESIZES]" >&2
    exit 64
fi
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
resizes=${2:-200}

source "$(dirname "$0")/lib.sh"
tmux_setup abuse abuse
on_failure() { screen; }
alive() { pgrep -f -- "$binary watch" > /dev/null; }

# whole_after_repaint: pauses, captures, forces a full repaint by a resize there and back, captures again,
# resumes; the two pictures must agree (a diff-based screen that lost track of the terminal would not).
whole_after_repaint() {
    tmux_ send-keys -t "$session" Space
    wait_for 5 screen_has "paused" || return 1
    sleep 0.3
    local before after
    before=$(screen)
    tmux_ resize-window -t "$session" -x 101 -y 31
    sleep 0.3
    tmux_ resize-window -t "$session" -x 100 -y 30
    sleep 0.5
    after=$(screen)
    tmux_ send-keys -t "$session" Space
    [[ "$before" == "$after" ]] || { diff <(echo "$before") <(echo "$after") | head -n 20; return 1; }
}

# start ENV...: a fresh 100x30 window running rlterm watch with the environment variables ENV.
start() {
    tmux_fresh_session 100 30 -c "$work" \
        env -i HOME="$HOME" PATH="$PATH" PS1='abuse$ ' "$@" bash --norc --noprofile
    wait_for 5 screen_has 'abuse$'
    tmux_ send-keys -t "$session" "$binary watch; echo \"rlterm-exit=\$?\"" Enter
}

start TERM=screen-256color LANG=C.UTF-8
check "the UI starts and trains" wait_for 20 common_panels_shown

for ((index = 0; index < resizes; index++)); do
    tmux_ resize-window -t "$session" -x $((20 + RANDOM % 231)) -y $((5 + RANDOM % 76))
    sleep 0.02
done
tmux_ resize-window -t "$session" -x 100 -y 30
check "after $resizes random resizes the process is alive" alive
check "after the resizes the panels are back" wait_for 5 common_panels_shown
check "after the resizes training still advances" wait_for 5 advancing
check "after the resizes the screen is whole (same as a full repaint)" whole_after_repaint

tmux_ send-keys -t "$session" q
check "q still quits cleanly" wait_for 10 screen_has "rlterm-exit=0"

start TERM=screen-256color LANG=C LC_ALL=C
check "under LANG=C it draws in ASCII" wait_for 20 screen_has "+ Environment"
check "under LANG=C no Unicode box drawing appears" bash -c "! tmux -L $socket capture-pane -p -t $session | grep -q '┌'"
check "under LANG=C training advances" wait_for 5 advancing
tmux_ send-keys -t "$session" q
check "under LANG=C q quits cleanly" wait_for 10 screen_has "rlterm-exit=0"

start TERM=vt100 LANG=C.UTF-8
check "under TERM=vt100 the panels appear" wait_for 20 common_panels_shown
check "under TERM=vt100 training advances" wait_for 5 advancing
tmux_ send-keys -t "$session" q
check "under TERM=vt100 q quits cleanly" wait_for 10 screen_has "rlterm-exit=0"

start TERM=dumb LANG=C.UTF-8
check "under TERM=dumb it refuses with a message and status 70" wait_for 10 screen_has "rlterm-exit=70"
check "the message says the terminal cannot move its cursor" screen_has "cannot move its cursor"

finish
