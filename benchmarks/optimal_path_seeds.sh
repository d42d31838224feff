#!/bin/sh
# The learning-test settings of Tests/TrainingTests/LearningTests.swift on seeds 1-6: return and length of
# the final greedy policy's episode from the start (optimal: cliffwalking -13 in 13 steps, frozenlake4x4 1
# in 6 steps; -10000 means it walked in circles until the 10,000-step cut).
# Usage: benchmarks/optimal_path_seeds.sh [OUTDIR]
set -eu
out=${1:-/tmp/rlterm-optimal-path}
bin=.build/release/rlterm
run() {
    env=$1; algo=$2; steps=$3; shift 3
    line="$env $algo:"
    for seed in 1 2 3 4 5 6; do
        dir="$out/$env-$algo-$seed"
        "$bin" train --env "$env" --algo "$algo" --steps "$steps" --seed "$seed" --log-dir "$dir" "$@" 2>/dev/null
        result=$("$bin" eval --checkpoint "$dir/model.safetensors" --episodes 1 --json |
            sed 's/.*"mean_return":\([^,]*\),.*"mean_length":\([^}]*\)}/\1|\2/')
        line="$line $result"
    done
    echo "$line"
}
run cliffwalking dqn 30000 --gamma 0.9 --eps-start 0.5 --eps-end 0.02 --eps-fraction 0.5 --learning-starts 500 --target-period 100
run frozenlake4x4 dqn 10000 --gamma 0.9 --eps-end 0.02 --eps-fraction 0.5 --learning-starts 500 --target-period 100
run cliffwalking fqi 20000 --gamma 0.9 --eps-end 0.02 --eps-fraction 0.5 --batch-size 128
run frozenlake4x4 fqi 10000 --gamma 0.9 --eps-end 0.02 --eps-fraction 0.5
run cliffwalking online-q 30000 --adam --gamma 0.9 --eps-end 0.02 --eps-fraction 0.5 --lr 3e-4
run frozenlake4x4 online-q 10000 --gamma 0.9 --eps-end 0.02 --eps-fraction 0.5 --lr 0.1
