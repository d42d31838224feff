#!/usr/bin/env bash
# A run SIGKILLed at 20 random moments and resumed each time from its newest checkpoint ends with the files of
# the run that never stopped:
#   - `rlterm train --checkpoint-every N` is killed with SIGKILL after a random 0.05 to 0.44 s (in the middle of a
#     step, of an episode, of a checkpoint write or of the start-up), then `rlterm train --resume D` goes on from
#     the newest complete checkpoint (a fresh run if none was written yet);
#   - after the 20th kill the run is resumed to its end; monitor.csv's rewards and lengths and progress.csv but
#     its time columns must equal those of the same run uninterrupted, bit for bit;
#   - SIGTERM mid-run and --resume give the same files too; a checkpoint cut short is refused with 65 naming it.
#
#   Tests/e2e/resume_kill.sh PATH/TO/rlterm [SEED]
#
# SEED (default: the time) seeds the kill moments and is printed, so a failure can be replayed.
set -euo pipefail

source "$(dirname "$0")/lib.sh"
headless_setup "$0" "${1:-}"
seed=${2:-$(date +%s)}
RANDOM=$seed
echo "kill moments seeded with $seed"

settings=(--env cartpole --algo dqn --steps 150000 --seed 5 --hidden 32 --learning-starts 500 --buffer-size 20000)
deterministic() {
    # r,l of every episode, then progress.csv without steps_per_second and train_seconds.
    tail -n +3 "$1/monitor.csv" | cut -d, -f1,2
    cut -d, -f1-4,7- "$1/progress.csv"
}

"$rlterm" train "${settings[@]}" --log-dir "$work/whole" 2> /dev/null
deterministic "$work/whole" > "$work/whole.txt"

directory="$work/killed"
kills=0
# A kill can land after a run wrote its final checkpoint, while it exits: the next --resume then finds the run
# complete and refuses to go past its budget, which is a good end too.
ended_well() {
    local status=0
    wait "$1" || status=$?
    ((status == 0)) || grep -q "the run already has [0-9]* steps" "$work/resume.err"
}

while ((kills < 20)); do
    if compgen -G "$directory/checkpoints/step-*.safetensors" > /dev/null; then
        "$rlterm" train --resume "$directory" --checkpoint-every 1000 2> "$work/resume.err" &
    else
        "$rlterm" train "${settings[@]}" --log-dir "$directory" --checkpoint-every 1000 2> "$work/resume.err" &
    fi
    pid=$!
    sleep "$(printf '0.%02d' $((5 + RANDOM % 40)))"
    if kill -9 "$pid" 2> /dev/null; then
        kills=$((kills + 1))
        wait "$pid" 2> /dev/null || true
    else
        # The run ended before its kill; it must have ended well. Start again on a fresh run, so the one compared
        # below has been killed 20 times.
        on_failure() { cat "$work/resume.err"; }
        check "a run that ended before its kill ended well" ended_well "$pid"
        unset -f on_failure
        rm -rf "$directory"
        kills=0
    fi
done
check "after 20 SIGKILLs, --resume finishes the run" "$rlterm" train --resume "$directory" 2> "$work/resume.err"
deterministic "$directory" > "$work/killed.txt"
on_failure() { diff "$work/whole.txt" "$work/killed.txt" | head -n 8; }
check "after 20 SIGKILLs and resumes, monitor.csv and progress.csv equal the uninterrupted run's" \
    cmp -s "$work/whole.txt" "$work/killed.txt"
unset -f on_failure
check "at most two checkpoints are kept (--keep-checkpoints defaults to 2)" \
    test "$(find "$directory/checkpoints" -name 'step-*.safetensors' | wc -l)" -le 2

directory="$work/term"
"$rlterm" train "${settings[@]}" --log-dir "$directory" 2> /dev/null &
pid=$!
has_rows() { [[ -f "$directory/progress.csv" && $(wc -l < "$directory/progress.csv") -ge 4 ]]; }
wait_for 30 has_rows || true
kill -TERM "$pid"
wait "$pid" || true
"$rlterm" train --resume "$directory" 2> /dev/null
deterministic "$directory" > "$work/term.txt"
check "SIGTERM and --resume give the uninterrupted run's files" cmp -s "$work/whole.txt" "$work/term.txt"

latest=$(find "$directory/checkpoints" -name 'step-*.safetensors' | sort | tail -n 1)
head -c 5000 "$latest" > "$work/cut" && mv "$work/cut" "$latest"
status=0
"$rlterm" train --resume "$directory" --steps 40000 2> "$work/cut.err" || status=$?
check "a checkpoint cut short is refused with 65 (got $status)" test "$status" -eq 65
check "the message names the checkpoint" grep -qF "$(basename "$latest")" "$work/cut.err"

finish
