#!/usr/bin/env bash
# Kernel choices on the binary: the same seed trains the same networks, byte for byte, under every kernel choice
# this CPU has (DQN and VPG on CartPole, 5,000 steps each), and RLTERM_KERNELS with an unknown or unavailable
# value stops rlterm with status 64 and one line naming the choices there are. On x86-64 with qemu-user, the
# binary run as a CPU without AVX2 (qemu's Westmere model) stops with status 69 and says why, instead of dying
# on an illegal instruction.
#
#   Tests/e2e/kernel_choices.sh PATH/TO/rlterm
#
# Prints "N passed, M failed" last and exits non-zero when anything failed.
set -euo pipefail

source "$(dirname "$0")/lib.sh"
headless_setup "$0" "$@"

status=0
RLTERM_KERNELS=sse9 "$rlterm" envs > /dev/null 2> "$work/unknown.err" || status=$?
on_failure() { cat "$work/unknown.err"; }
check "an unknown RLTERM_KERNELS exits 64 (got $status)" test "$status" -eq 64
check "the message names the value and the choices" \
    grep -q "^rlterm: RLTERM_KERNELS=sse9 is not a kernel choice; this CPU has: " "$work/unknown.err"

if [ "$(uname -m)" = x86_64 ] && command -v qemu-x86_64 > /dev/null; then
    status=0
    qemu-x86_64 -cpu Westmere "$rlterm" envs > /dev/null 2> "$work/old-cpu.err" || status=$?
    on_failure() { cat "$work/old-cpu.err"; }
    check "on a CPU without AVX2 (qemu's Westmere) rlterm exits 69 (got $status)" test "$status" -eq 69
    check "and says the CPU lacks AVX2 and FMA" grep -q "^rlterm: this CPU has no AVX2 and FMA" "$work/old-cpu.err"
else
    echo "note: no qemu-x86_64 here, so the refusal on a CPU without AVX2 is not checked"
fi

# The choices the CPU has: every name rlterm does not refuse.
choices=()
for choice in avx512 avx2 portable; do
    if RLTERM_KERNELS=$choice "$rlterm" envs > /dev/null 2>&1; then choices+=("$choice"); fi
done
check "at least one kernel choice runs (${choices[*]})" test "${#choices[@]}" -ge 1

for algorithm in dqn vpg; do
    for choice in "${choices[@]}"; do
        RLTERM_KERNELS=$choice "$rlterm" train --env cartpole --algo "$algorithm" --steps 5000 --seed 3 \
            --log-dir "$work/$algorithm-$choice" > /dev/null 2> "$work/$algorithm-$choice.err"
    done
    for choice in "${choices[@]:1}"; do
        on_failure() { cat "$work/$algorithm-$choice.err"; }
        check "$algorithm: $choice trains the same networks as ${choices[0]}, byte for byte" \
            cmp -s "$work/$algorithm-${choices[0]}/model.safetensors" "$work/$algorithm-$choice/model.safetensors"
    done
done

finish
