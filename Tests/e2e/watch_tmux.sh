#!/usr/bin/env bash
# End-to-end test of `rlterm watch` in a real terminal: tmux runs the built binary in a shell, sends keys
# and reads the screen back with capture-pane.
#
#   Tests/e2e/watch_tmux.sh PATH/TO/rlterm [extra watch arguments...]
#
# Builds nothing. Checks that the panels appear, that space pauses, that '.' steps once while paused,
# that a window below 80x24 shows the too-small notice and the panels come back when it grows, and that
# 'q' exits with status 0 and gives the terminal back (normal screen, visible cursor, cooked tty, prompt).
# Prints "N passed, M failed" last and exits non-zero when anything failed.
set -euo pipefail

if [[ $# -lt 1 || ! -x "$1" ]]; then
    echo "usage: $0 PATH/TO/rlterm [watch arguments...]" >&2
    exit 64
fi
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
extra=("$@")

# A private tmux server, so the test neither sees nor disturbs anyone else's sessions.
socket="rlterm-e2e-$$"
session=watch
tmux_() { tmux -L "$socket" "$@"; }
cleanup() { tmux_ kill-server 2>/dev/null || true; }
trap cleanup EXIT

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() {
    failed=$((failed + 1))
    echo "FAIL $1"
    screen | sed 's/^/     | /'
}

screen() { tmux_ capture-pane -p -t "$session"; }
status_line() { screen | head -n 1; }

# wait_for SECONDS COMMAND...: polls COMMAND every 0.1 s until it succeeds or time runs out.
wait_for() {
    local deadline=$((SECONDS + $1))
    shift
    until "$@"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.1
    done
}
screen_has() { screen | grep -qF -- "$1"; }
screen_lacks() { ! screen | grep -qF -- "$1"; }
screen_has_line() { screen | grep -qx -- "$1"; }
status_has() { status_line | grep -qF -- "$1"; }
step_count() { status_line | sed -n 's/.*step \([0-9][0-9]*\).*/\1/p'; }
step_is() { [[ "$(step_count)" == "$1" ]]; }
prompt_is_last() { screen | grep -v '^$' | tail -n 1 | grep -qx 'e2e\$ \?'; }
panels_shown() {
    local title
    for title in "Environment" "Episode return" "V* = max_a Q*" "What this shows"; do
        screen_has "$title" || return 1
    done
}

# check NAME COMMAND...: records COMMAND's success as a passed or failed check.
check() {
    local name=$1
    shift
    if "$@"; then pass "$name"; else fail "$name"; fi
}

tmux_ -f /dev/null new-session -d -s "$session" -x 100 -y 30 \
    env -i HOME="$HOME" PATH="$PATH" TERM=screen-256color LANG=C.UTF-8 PS1='e2e$ ' bash --norc --noprofile
tmux_ set-option -t "$session" status off
wait_for 5 screen_has 'e2e$'
printf -v command '%q ' "$binary" watch "${extra[@]}"
tmux_ send-keys -t "$session" "$command; echo \"rlterm-exit=\$?\"" Enter

check "the four panels appear with their titles" wait_for 20 panels_shown
check "the status line says it is running" wait_for 5 status_has "running"
check "the key hints are shown" screen_has "space pause"

tmux_ send-keys -t "$session" Space
check "space pauses (status shows paused)" wait_for 5 status_has "paused"
before=$(step_count)
sleep 0.5
check "no steps are taken while paused" step_is "$before"
tmux_ send-keys -t "$session" .
check "'.' advances the step counter by one while paused" wait_for 5 step_is "$((before + 1))"

tmux_ resize-window -t "$session" -x 60 -y 20
check "at 60x20 the too-small notice is shown" wait_for 5 screen_has "rlterm needs 80"
check "at 60x20 the panels are gone" screen_lacks "Episode return"
tmux_ resize-window -t "$session" -x 100 -y 30
check "back at 100x30 the panels return" wait_for 5 panels_shown
check "back at 100x30 the notice is gone" screen_lacks "rlterm needs"

tmux_ send-keys -t "$session" Space
check "space resumes" wait_for 5 status_has "running"

tmux_ send-keys -t "$session" q
check "q quits with exit status 0" wait_for 5 screen_has_line "rlterm-exit=0"
check "the normal screen is back (alternate screen off)" \
    test "$(tmux_ display-message -p -t "$session" '#{alternate_on}')" = 0
check "the cursor is visible again" test "$(tmux_ display-message -p -t "$session" '#{cursor_flag}')" = 1
tmux_ send-keys -t "$session" "stty -a | grep -q ' icanon' && stty -a | grep -q ' echo ' && echo \"tty-\"cooked" Enter
check "the tty is back in cooked mode with echo" wait_for 5 screen_has_line "tty-cooked"
check "the shell prompt is back" wait_for 5 prompt_is_last

echo "$passed passed, $failed failed"
((failed == 0))
