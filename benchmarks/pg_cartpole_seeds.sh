#!/bin/sh
# A policy-gradient algorithm on CartPole-v1 with rlterm's defaults, seeds 0-4. Two runs per seed:
#  1. with greedy evaluations (10 episodes every 1,000 steps) until the first mean >= 475: steps, training seconds;
#  2. without evaluations for the whole budget: the step (and wall seconds) at which the mean of the last 100
#     training episodes (monitor.csv) first reaches THRESHOLD.
# Usage: benchmarks/pg_cartpole_seeds.sh ALGO [STEPS] [THRESHOLD] [extra train flags...]
#   e.g. benchmarks/pg_cartpole_seeds.sh vpg 300000 475
#        benchmarks/pg_cartpole_seeds.sh reinforce 300000 195 --psi reward-to-go
set -eu
algo=${1:-vpg}
steps=${2:-300000}
threshold=${3:-475}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && shift
out=/tmp/rlterm-$algo-cartpole
bin=.build/release/rlterm
printf 'seed,steps_to_solve,solve_train_seconds,steps_to_mean100_%s,mean100_seconds\n' "$threshold"
for seed in 0 1 2 3 4; do
    dir="$out/seed$seed"
    rm -rf "$dir" "$dir-mean"
    "$bin" train --env cartpole --algo "$algo" --steps "$steps" --seed "$seed" --eval-every 1000 --eval-episodes 10 \
        --stop-when-solved --log-dir "$dir" "$@" 2>/dev/null
    solved=$(awk -F, 'NR > 1 && $2 >= 475 { print $1 "," $4; exit }' "$dir/evaluations.csv")
    "$bin" train --env cartpole --algo "$algo" --steps "$steps" --seed "$seed" --log-dir "$dir-mean" "$@" 2>/dev/null
    reached=$(awk -F, -v goal="$threshold" '
        NR > 2 { n++; r[n] = $1; total += $2; sum += $1; if (n > 100) sum -= r[n - 100]
                 if (n >= 100 && sum / 100 >= goal) { printf "%d,%.2f", total, $3; exit } }' "$dir-mean/monitor.csv")
    printf '%s,%s,%s\n' "$seed" "${solved:-unsolved,}" "${reached:-not reached,}"
done
