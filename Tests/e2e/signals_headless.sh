#!/usr/bin/env bash
# Signals during headless training, tried on purpose:
#   - SIGINT, SIGTERM and SIGHUP end `rlterm train` at the next step with status 130, 143 and 129; the logs keep
#     every row (each monitor.csv row parses), both checkpoints are written and load, and --resume continues.
#   - SIGKILL in the middle of a checkpoint write leaves the previous checkpoint intact: a preloaded shim makes
#     fsync slow, the script waits until the temporary file exists, kills the process, and checks that
#     model.safetensors is byte for byte the earlier one and still loads.
#
#   Tests/e2e/signals_headless.sh PATH/TO/rlterm
#
# Needs gcc for the shim. Prints "N passed, M failed" last and exits non-zero when anything failed.
set -euo pipefail

source "$(dirname "$0")/lib.sh"
headless_setup "$0" "$@"
rows_at_least() { [[ -f "$1" && $(wc -l < "$1") -ge $2 ]]; }
monitor_rows_parse() {
    # The header comment, the column names, then r,l,t numbers on every line.
    tail -n +3 "$1" | awk -F, 'NF != 3 || $1 !~ /^-?[0-9.e+-]+$/ || $2 !~ /^[0-9]+$/ { bad = 1 } END { exit bad }'
}
loads() { "$rlterm" eval --checkpoint "$1" --episodes 1 --json > /dev/null 2>&1; }

for signal in INT TERM HUP; do
    directory="$work/$signal"
    "$rlterm" train --env cartpole --algo dqn --steps 10000000 --log-dir "$directory" 2> "$work/$signal.err" &
    pid=$!
    wait_for 30 rows_at_least "$directory/progress.csv" 3 || true
    kill "-$signal" "$pid"
    status=0
    wait "$pid" || status=$?
    expected=$((128 + $(kill -l "$signal")))
    check "SIG$signal ends rlterm train with status $expected (got $status)" test "$status" -eq "$expected"
    check "SIG$signal: the message says where the networks went" grep -q "stopped by SIG$signal at step" "$work/$signal.err"
    check "SIG$signal: model.safetensors loads" loads "$directory/model.safetensors"
    check "SIG$signal: training-state.safetensors is written" test -s "$directory/training-state.safetensors"
    check "SIG$signal: every monitor.csv row is whole" monitor_rows_parse "$directory/monitor.csv"
    steps=$(tail -n 1 "$directory/progress.csv" | cut -d, -f1)
    check "SIG$signal: --resume continues the run" \
        "$rlterm" train --resume "$directory" --steps $((steps + 2000)) 2> /dev/null
done

# A shim that makes every fsync take two seconds, so a checkpoint write is caught half done.
cat > "$work/slow_fsync.c" << 'EOF'
#include <unistd.h>
int fsync(int descriptor) {
    (void)descriptor;
    sleep(2);
    return 0;
}
EOF
gcc -shared -fPIC -o "$work/slow_fsync.so" "$work/slow_fsync.c"

directory="$work/kill9"
"$rlterm" train --env cartpole --algo dqn --steps 3000 --seed 1 --log-dir "$directory" 2> /dev/null
before=$(sha256sum < "$directory/model.safetensors")
LD_PRELOAD="$work/slow_fsync.so" "$rlterm" train --resume "$directory" --steps 6000 2> /dev/null &
pid=$!
temporary_exists() { compgen -G "$directory/.model.safetensors.tmp-*" > /dev/null; }
check "a checkpoint write is caught in progress (temporary file present)" wait_for 60 temporary_exists
kill -9 "$pid"
wait "$pid" || true
check "after SIGKILL mid-write, model.safetensors is the previous one, byte for byte" \
    test "$(sha256sum < "$directory/model.safetensors")" = "$before"
check "after SIGKILL mid-write, model.safetensors still loads" loads "$directory/model.safetensors"
check "after SIGKILL mid-write, the run resumes from the previous checkpoint" \
    "$rlterm" train --resume "$directory" --steps 4000 2> /dev/null

finish
