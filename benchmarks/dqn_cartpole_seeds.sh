#!/bin/sh
# DQN on CartPole-v1 with rlterm's defaults, seeds 0-4: steps and training seconds to the first greedy
# evaluation (10 episodes every 1,000 steps) with mean >= 475, and best.safetensors over 100 episodes.
# Usage: [SEEDS="0 1 2 3 4"] benchmarks/dqn_cartpole_seeds.sh [OUTDIR] [extra train flags...]
set -eu
out=${1:-/tmp/rlterm-dqn-cartpole}
[ $# -gt 0 ] && shift
bin=.build/release/rlterm
printf 'seed,steps_to_solve,train_seconds,best_eval_100\n'
for seed in ${SEEDS:-0 1 2 3 4}; do
    dir="$out/seed$seed"
    rm -rf "$dir"
    "$bin" train --env cartpole --algo dqn --steps 50000 --seed "$seed" --eval-every 1000 --eval-episodes 10 \
        --stop-when-solved --log-dir "$dir" "$@" 2>/dev/null
    solved=$(awk -F, 'NR > 1 && $2 >= 475 { print $1 "," $4; exit }' "$dir/evaluations.csv")
    best=$("$bin" eval --checkpoint "$dir/best.safetensors" --episodes 100 --json)
    printf '%s,%s,%s\n' "$seed" "${solved:-unsolved,}" "$best"
done
