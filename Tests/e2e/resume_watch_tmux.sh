#!/usr/bin/env bash
# End-to-end test of a run going from headless to the terminal UI and back (issue 21, watch ↔ train):
#   - `rlterm train --log-dir D` runs a short DQN run on CartPole headless and leaves its run checkpoint;
#   - `rlterm watch --resume D` in tmux shows that run going on from its step (not from 0) and training;
#   - `w` writes a run checkpoint of the step the paused watch stands at, and says so on screen; `q` ends it;
#   - `rlterm train --resume D --steps N` continues the watched session headless to N: the newest checkpoint
#     is N's, and monitor.csv and progress.csv go on from the watched rows (their step counts keep rising).
#
#   Tests/e2e/resume_watch_tmux.sh PATH/TO/rlterm
#
# Builds nothing. Prints "N passed, M failed" last and exits non-zero when anything failed.
set -euo pipefail

source "$(dirname "$0")/lib.sh"
require_binary "$@"
tmux_setup resume-watch watch
on_failure() { screen; }

run="$work/run"
first_steps=3000
# The newest run checkpoint's step, from its file name (0 when there is none).
newest_checkpoint() {
    local newest
    newest=$(find "$run/checkpoints" -name 'step-*.safetensors' 2> /dev/null | sort | tail -n 1)
    [[ -n "$newest" ]] || { echo 0; return; }
    newest=${newest##*/step-}
    echo $((10#${newest%.safetensors}))
}
# The step column of progress.csv's last row, and the number of episode rows in monitor.csv.
last_progress_step() { tail -n 1 "$run/progress.csv" | cut -d, -f1; }
episode_rows() { tail -n +3 "$run/monitor.csv" | wc -l; }
# Whether progress.csv's step column rises from row to row: a run restarted from 0 would fall back.
progress_rises() { tail -n +2 "$run/progress.csv" | cut -d, -f1 | awk 'NR > 1 && $1 <= last { exit 1 } { last = $1 }'; }
steps_at_least() { local count; count=$(step_count); [[ -n "$count" && "$count" -ge "$1" ]]; }
steps_shown() { [[ -n "$(step_count)" ]]; }

# --- Headless: a short run that leaves its checkpoint --------------------------------------------------
# The runs' progress lines go to a file: the checks are the script's output.
check "a headless train --log-dir run of $first_steps steps ends with 0" \
    "$binary" train --env cartpole --algo dqn --steps "$first_steps" --seed 4 --log-dir "$run" > "$work/train.out"
check "it leaves the run checkpoint of step $first_steps" test "$(newest_checkpoint)" -eq "$first_steps"
headless_rows=$(episode_rows)

# --- Live: watch --resume goes on from that step --------------------------------------------------------
tmux_fresh_session 100 30 \
    env -i HOME="$HOME" PATH="$PATH" TERM=screen-256color LANG=C.UTF-8 PS1='e2e$ ' bash --norc --noprofile
wait_for 5 screen_has 'e2e$'
printf -v command '%q ' "$binary" watch --resume "$run" --steps 2000000
tmux_ send-keys -t "$session" "$command; echo \"rlterm-exit=\$?\"" Enter
check "watch --resume shows the run" wait_for 20 steps_shown
shown=$(step_count)
check "the first step shown is the saved one or later, not 0 (shown: $shown)" test "${shown:-0}" -ge "$first_steps"
check "the status line names the run's environment and algorithm" status_has "cartpole · DQN"
check "the resumed run keeps training" wait_for 10 advancing

# Paused, the step stands still, so the checkpoint `w` writes is of the step on the status line.
tmux_ send-keys -t "$session" Space
check "space pauses it" wait_for 5 status_has "paused"
sleep 0.3
watched=$(step_count)
tmux_ send-keys -t "$session" w
check "'w' says on screen that a checkpoint was written" wait_for 10 screen_has "checkpoint saved to"
check "'w' wrote the run checkpoint of the watched step ($watched)" test "$(newest_checkpoint)" -eq "${watched:-0}"
check "'w' wrote the networks beside it" test -f "$run/checkpoint-dqn-$watched.safetensors"
tmux_ send-keys -t "$session" q
check "'q' ends the watch with 0" wait_for 20 screen_has "rlterm-exit=0"
check "the watched episodes were appended to monitor.csv" test "$(episode_rows)" -gt "$headless_rows"
watched_rows=$(episode_rows)

# --- Headless again: train --resume continues the watched session ---------------------------------------
target=$((watched + 4000))
check "train --resume --steps $target continues the watched session and ends with 0" \
    "$binary" train --resume "$run" --steps "$target" > "$work/train.out"
check "its newest checkpoint is step $target's" test "$(newest_checkpoint)" -eq "$target"
check "progress.csv ends at step $target" test "$(last_progress_step)" -eq "$target"
check "progress.csv's steps rise from the headless rows through the watched ones to the end, never back to 0" \
    progress_rises
check "monitor.csv goes on after the watched episodes" test "$(episode_rows)" -gt "$watched_rows"
on_failure() { head -n 3 "$run/monitor.csv"; tail -n 3 "$run/monitor.csv"; }
check "monitor.csv has one header, not a second run's" test "$(grep -c '^#' "$run/monitor.csv")" -eq 1

finish
