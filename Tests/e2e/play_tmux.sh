#!/usr/bin/env bash
# End-to-end test of `rlterm play` in a real terminal: tmux runs the built binary in a shell, sends keys and
# reads the screen back with capture-pane.
#
#   Tests/e2e/play_tmux.sh PATH/TO/rlterm
#
# Builds nothing. Checks that `rlterm play minatar-breakout` starts with the board, the bricks and the paddle
# on the bottom row, the score and the keys, waiting for space; that ← and → move the paddle; that a run directory's best
# training episode is shown beside the player's; that a window below 60x18 says so; that LANG=C draws in
# ASCII; that q exits 0 and gives the terminal back, and SIGTERM exits 143 and gives it back too; that --help
# explains the keys and a game that is not MinAtar is refused with status 64.
# Prints "N passed, M failed" last and exits non-zero when anything failed.
set -euo pipefail

source "$(dirname "$0")/lib.sh"
require_binary "$@"
tmux_setup play play
on_failure() { screen; }

# start_play LANG ARGS...: a fresh shell in a fresh 100x30 window running rlterm play ARGS, then printing its
# exit status.
start_play() {
    local language=$1
    shift
    tmux_fresh_session 100 30 \
        env -i HOME="$HOME" PATH="$PATH" TERM=screen-256color LANG="$language" PS1='e2e$ ' bash --norc --noprofile
    wait_for 5 screen_has 'e2e$'
    local command
    printf -v command '%q ' "$binary" play "$@"
    tmux_ send-keys -t "$session" "$command; echo \"rlterm-exit=\$?\"" Enter
}

# The board's bottom row is the screen's 12th line (status, blank, ten rows); without colour the paddle is the
# only cell drawn as PADDLE there ("██", or "##" in ASCII): its column, empty when it is not there.
paddle_column() {
    screen | sed -n 12p | awk -v glyph="$1" '{ print index($0, glyph) }' | sed 's/^0$//'
}
paddle_shown() { [[ -n "$(paddle_column "$1")" ]]; }
paddle_left_of() { local now; now=$(paddle_column "$1"); [[ -n "$now" && "$now" -lt "$2" ]]; }
paddle_right_of() { local now; now=$(paddle_column "$1"); [[ -n "$now" && "$now" -gt "$2" ]]; }
# The game is alive until the ball passes the paddle; space starts the next episode after that.
replay_if_over() { if screen_has "game over"; then tmux_ send-keys -t "$session" Space; sleep 0.5; fi; }

# A run directory whose monitor.csv has a best training episode of 7.
mkdir -p "$work/run"
printf '#{"t_start": 1.0, "env_id": "minatar-breakout"}\nr,l,t\n2.0,100,1.0\n7.0,400,2.0\n3.0,150,3.0\n' \
    > "$work/run/monitor.csv"

# --- A game at 2 frames a second, slow enough for keys sent one by one ---------------------------------
start_play C.UTF-8 minatar-breakout --mono --fps 2 --seed 3 --run "$work/run"
check "the status line names the game" wait_for 10 status_has "rlterm play · minatar-breakout"
check "the paddle is on the board's bottom row" wait_for 5 paddle_shown "██"
check "the bricks are drawn" screen_has "▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓"
check "the score and the episode are shown" screen_has "score        0"
check "the agent's best from --run is shown" screen_has "agent's best 7"
check "the keys are explained beside the board" screen_has "space    fire"
check "the legend names the channels" screen_has "paddle"

check "the game waits for space" screen_has "space starts the game"
tmux_ send-keys -t "$session" Space
check "space starts it" wait_for 3 screen_lacks "space starts the game"
# A key counts for one frame, and one frame in ten repeats the previous action instead (sticky actions): the
# key is pressed on three frames running, as a player holding it down would.
hold() { local i; for i in 1 2 3; do tmux_ send-keys -t "$session" "$1"; sleep 0.5; done; }
start=$(paddle_column "██")
hold Left
check "← moves the paddle left" wait_for 3 paddle_left_of "██" "$start"
# The next episode gives → a paddle back in the middle and the whole fall of the ball.
wait_for 8 screen_has "game over" || true
replay_if_over
start=$(paddle_column "██")
hold Right
check "→ moves the paddle right" wait_for 3 paddle_right_of "██" "$start"

tmux_ resize-window -t "$session" -x 50 -y 15
check "at 50x15 the screen says it is too small" wait_for 5 screen_has "rlterm needs 60×18"
tmux_ resize-window -t "$session" -x 100 -y 30
check "back at 100x30 the board returns" wait_for 5 paddle_shown "██"

tmux_ send-keys -t "$session" q
check "q quits with exit status 0" wait_for 10 screen_has_line "rlterm-exit=0"
check "q gives the terminal back (normal screen, cursor shown)" terminal_restored

# --- ASCII outside a UTF-8 locale; SIGTERM -------------------------------------------------------------
start_play C minatar-breakout --mono --seed 3
check "in the C locale the board is ASCII: the paddle is ##" wait_for 10 paddle_shown "##"
check "in the C locale the status line is ASCII" status_has "rlterm play | minatar-breakout"
pid=$(pgrep -f -- "play minatar-breakout --mono --seed 3" | head -n 1)
kill -TERM "$pid"
check "SIGTERM ends rlterm play with status 143" wait_for 10 screen_has_line "rlterm-exit=143"
check "SIGTERM gives the terminal back" terminal_restored

# --- Help and refusals ---------------------------------------------------------------------------------
check "play --help explains the keys" bash -c "'$binary' play --help | grep -q 'space fires'"
status=0
"$binary" play cartpole > /dev/null 2>&1 || status=$?
check "a game that is not MinAtar is refused with status 64" test "$status" -eq 64
status=0
"$binary" play minatar-freeway --run "$work/run" > "$work/refused.txt" 2>&1 || status=$?
check "a run of another game is refused with status 65, naming both" \
    bash -c "test $status -eq 65 && grep -q 'minatar-breakout, not minatar-freeway' '$work/refused.txt'"

finish
