#!/usr/bin/env bash
# The divergence watchdog on the binary: DQN on CartPole at α = 1 (seed 1) diverges at its first update;
# `rlterm train` stops with status 70, says what diverged and what helps, keeps the best checkpoint of the
# evaluation before it and writes no final checkpoint. The same run at the default α is not stopped.
#
#   Tests/e2e/divergence_headless.sh PATH/TO/rlterm
#
# Prints "N passed, M failed" last and exits non-zero when anything failed.
set -euo pipefail

source "$(dirname "$0")/lib.sh"
headless_setup "$0" "$@"
loads() { "$rlterm" eval --checkpoint "$1" --episodes 1 --json > /dev/null 2>&1; }

status=0
"$rlterm" train --env cartpole --algo dqn --lr 1 --steps 30000 --seed 1 --eval-every 500 --log-dir "$work/blowup" \
    > /dev/null 2> "$work/blowup.err" || status=$?
on_failure() { cat "$work/blowup.err"; }
check "α = 1 ends rlterm train with status 70 (got $status)" test "$status" -eq 70
check "the message names the quantity, its value and the bound" \
    grep -q "training stopped at step 1001: diverging: |Q| reached .*, beyond 1000 = 10·max|r|/(1−γ)" "$work/blowup.err"
check "the message names what helps" grep -q "lower α .*larger K .*Double DQN" "$work/blowup.err"
check "no final checkpoint carries the diverged networks" test ! -e "$work/blowup/model.safetensors"
check "the best checkpoint from before stays and loads" loads "$work/blowup/best.safetensors"
unset -f on_failure

status=0
"$rlterm" train --env cartpole --algo dqn --steps 20000 --seed 1 --log-dir "$work/healthy" \
    > /dev/null 2> "$work/healthy.err" || status=$?
check "the default α is not stopped (status $status)" test "$status" -eq 0

finish
