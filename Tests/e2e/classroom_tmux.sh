#!/usr/bin/env bash
# End-to-end test of classroom mode: `rlterm watch --share` in one tmux window and `rlterm attach` viewers
# in others, each drawing at its own size from the session's snapshots.
#
#   Tests/e2e/classroom_tmux.sh PATH/TO/rlterm
#
# Builds nothing; takes about a minute. Checks that three viewers at 80x24 (ASCII), 100x30 (NO_COLOR) and
# 132x43 show the teacher's step count, and follow its steps, a switch of algorithm and a reset; that their
# training keys say "read-only" and change nothing in the teacher's run while their view keys change their
# own screen only; that a stopped (SIGSTOP) and a killed (SIGKILL) viewer leave the teacher training at its
# pace, the stopped one dropped after the stall timeout; that another user (nobody, through setpriv) is
# refused without the shared group and admitted with it; that a session killed with SIGKILL leaves a stale
# socket that attach reports and sessions removes; that the viewers say the session ended and exit 0
# when the teacher quits; and that the teacher's and a resized viewer's --record files are asciicast v2
# (Tests/e2e/asciicast_check.py, and asciinema's own reader when it is installed). Needs root (for setpriv) and the group "users".
# Prints "N passed, M failed" last and exits non-zero when anything failed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require_binary "$@"
tmux_setup classroom teacher
name="e2e-$$"
group=users
on_failure() { for each in "${windows[@]}"; do echo "== $each"; screen_of "$each" | head -n 3; done; }
windows=()

screen_of() { tmux_ capture-pane -p -t "$1"; }
has() { screen_of "$1" | grep -qF -- "$2"; }
lacks() { ! has "$@"; }
steps_of() { screen_of "$1" | head -n 1 | sed -n 's/.*step \([0-9,][0-9,]*\).*/\1/p' | tr -d ,; }
steps_are() { [[ "$(steps_of "$1")" == "$2" ]]; }
rate_of() { screen_of "$1" | head -n 1 | sed -n 's/.* \([0-9.]*\) steps\/s.*/\1/p'; }
all_show_steps() {
    local each count=$1
    for each in "${windows[@]}"; do steps_are "$each" "$count" || return 1; done
}

# open_window NAME WIDTH HEIGHT COMMAND...: a tmux session NAME running COMMAND, then printing its exit
# status; COMMAND's pid (rlterm's, as it is exec'd) goes to $work/NAME.pid.
open_window() {
    local window=$1 width=$2 height=$3
    shift 3
    local command
    printf -v command '%q ' "$@"
    tmux_ -f /dev/null new-session -d -s "$window" -x "$width" -y "$height" \
        env -i HOME=/tmp PATH="$PATH" TERM=screen-256color LANG=C.UTF-8 XDG_RUNTIME_DIR="$work/runtime" \
        bash --norc --noprofile -c "bash -c 'echo \$\$ > $work/$window.pid; exec $command'; echo rlterm-exit=\$?; sleep 600"
    tmux_ set-option -t "$window" status off
    windows+=("$window")
}
pid_of() { cat "$work/$1.pid"; }

mkdir -m 0700 "$work/runtime"
open_window teacher 132 40 "$binary" watch --share "$name" --share-group "$group" --env cartpole --paused --pace 100 \
    --record "$work/teacher.cast"
wait_for 10 has teacher "shared $name: 0 viewers"
check "the teacher's status line says the session is shared" has teacher "shared $name"
socket_path=/tmp/rlterm-$(id -u)-$group/$name.sock
check "the socket and its directory carry the group's modes" \
    [ "$(stat -c '%a %G' "$socket_path")" = "660 $group" ] && [ "$(stat -c '%a %G' "$(dirname "$socket_path")")" = "750 $group" ]
check "rlterm sessions lists it" bash -c "'$binary' sessions | grep -q '^$name '"

open_window small 80 24 "$binary" attach "$name" --ascii
open_window medium 100 30 env NO_COLOR=1 "$binary" attach "$name"
open_window large 132 43 "$binary" attach "$socket_path" --record "$work/large.cast"
for viewer in small medium large; do
    check "$viewer viewer attaches" wait_for 10 has "$viewer" "viewing"
done
check "the widest says it is read-only" has large "viewing $name, read-only"
check "the teacher counts three viewers" wait_for 5 has teacher "3 viewers"
check "every screen shows step 0 while paused" all_show_steps 0
check "the small viewer draws in ASCII at 80 columns" bash -c "! tmux -L '$socket' capture-pane -p -t small | grep -q '[│─┌]'"

for _ in 1 2 3 4 5; do tmux_ send-keys -t teacher .; done
check "the teacher's five single steps reach every viewer" wait_for 5 all_show_steps 5

for key in Space . r + a e Left; do tmux_ send-keys -t medium "$key"; done
check "a viewer's training keys say read-only" wait_for 3 has medium "read-only"
sleep 1
check "and change nothing: the teacher is still paused at step 5 on DQN" \
    bash -c "tmux -L '$socket' capture-pane -p -t teacher | head -n 1 | grep -q 'DQN.*paused.*step 5 '"
tmux_ send-keys -t large x
check "a viewer's explain key opens its own panel" wait_for 3 has large "Explain"
check "and not the teacher's or another viewer's" bash -c "! tmux -L '$socket' capture-pane -p -t teacher | grep -q 'Explain' && ! tmux -L '$socket' capture-pane -p -t medium | grep -q 'Explain'"

tmux_ resize-window -t large -x 120 -y 40
check "a resized viewer redraws at its new size" wait_for 5 bash -c "tmux -L '$socket' capture-pane -p -t large | head -n 1 | grep -q 'viewing'"
tmux_ send-keys -t teacher Space
check "viewers follow the teacher's run" wait_for 5 bash -c "[ \"\$(tmux -L '$socket' capture-pane -p -t small | head -n 1 | sed -n 's/.*step \([0-9,]*\).*/\1/p' | tr -d ,)\" -gt 50 ]"
tmux_ send-keys -t teacher a
check "viewers follow a switch of algorithm" wait_for 5 has small "REINFORCE"
tmux_ send-keys -t teacher r
check "viewers follow a reset" wait_for 5 has medium "(reset)"

open_window stopped 80 24 "$binary" attach "$name"
open_window killed 80 24 "$binary" attach "$name"
check "two more viewers attach" wait_for 10 has teacher "5 viewers"
kill -STOP "$(pid_of stopped)"
kill -KILL "$(pid_of killed)"
check "the killed viewer is gone at once" wait_for 5 has teacher "4 viewers"
check "the stopped viewer is dropped after the stall timeout" wait_for 20 has teacher "3 viewers"
check "the teacher still trains at its pace of 100 steps/s" \
    bash -c "r=\$(tmux -L '$socket' capture-pane -p -t teacher | head -n 1 | sed -n 's/.* \([0-9.]*\) steps\/s.*/\1/p'); [ \"\${r%.*}\" -ge 80 ]"
kill -CONT "$(pid_of stopped)"
check "the dropped viewer is told the connection closed" wait_for 10 has stopped "rlterm-exit="

check "nobody, outside the group, is refused with exit status 77" \
    bash -c "cd /tmp && setpriv --reuid=nobody --regid=nogroup --clear-groups '$binary' attach $socket_path 2>&1 | grep -q 'permission denied'; [ \${PIPESTATUS[0]} -eq 77 ]"
open_window student 132 30 setpriv --reuid=nobody --regid=nogroup --groups="$(getent group $group | cut -d: -f3)" \
    "$binary" attach "$socket_path"
check "nobody, in the group, is admitted read-only" wait_for 10 has student "viewing $name, read-only"
check "and counted as the teacher's fourth viewer" wait_for 5 has teacher "4 viewers"

tmux_ send-keys -t teacher q
for viewer in small medium large student; do
    check "$viewer viewer says the session ended and exits 0" wait_for 10 has "$viewer" "rlterm-exit=0"
    check "$viewer viewer's message names the reason" has "$viewer" "the teacher ended the session"
done
for cast in teacher large; do
    check "the $cast recording is a valid asciicast v2 whose replay ends on the dashboard" \
        "$(dirname "$0")/asciicast_check.py" "$work/$cast.cast" --expect "Episode return" --expect "Hyperparameters"
done
check "the resized viewer's recording holds its resize" "$(dirname "$0")/asciicast_check.py" "$work/large.cast" --resizes 1
if python3 -c 'import asciinema' 2>/dev/null; then
    check "asciinema itself reads the recording" bash -c "python3 -m asciinema cat '$work/large.cast' > /dev/null"
fi
check "the teacher exits 0 and removes its socket" wait_for 10 bash -c "tmux -L '$socket' capture-pane -p -t teacher | grep -q 'rlterm-exit=0' && [ ! -e '$socket_path' ]"

open_window ghost 100 30 "$binary" watch --share "$name-ghost" --env cartpole --paused
check "a private share lives in the runtime directory, 0700 and 0600" \
    wait_for 10 bash -c "[ \"\$(stat -c %a '$work/runtime/rlterm/$name-ghost.sock' 2>/dev/null)\" = 600 ] && [ \"\$(stat -c %a '$work/runtime/rlterm')\" = 700 ]"
kill -KILL "$(pid_of ghost)"
check "attaching to a killed session's socket says it is stale, exit 69" \
    bash -c "XDG_RUNTIME_DIR='$work/runtime' '$binary' attach $name-ghost 2>&1 | grep -q 'stale'; [ \${PIPESTATUS[0]} -eq 69 ]"
check "rlterm sessions removes the stale socket" \
    bash -c "XDG_RUNTIME_DIR='$work/runtime' '$binary' sessions 2>&1 | grep -q 'removed a stale socket' && [ ! -e '$work/runtime/rlterm/$name-ghost.sock' ]"

rm -f "/tmp/rlterm-$(id -u)-$group/$name.log"
finish
