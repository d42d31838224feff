#!/bin/sh
# An actor-critic algorithm on cliffwalking with rlterm's defaults, seeds 0-4: steps and training seconds to the
# first greedy evaluation (one episode every 5,000 steps; the map is deterministic) that walks the optimal path
# (return -13: the only 13-step path, the one value iteration's policy takes), and that evaluation's return at
# the end of the budget when never reached.
# Usage: benchmarks/pg_cliffwalking_seeds.sh ALGO [STEPS] [extra train flags...]
#   e.g. benchmarks/pg_cliffwalking_seeds.sh online-ac
#        benchmarks/pg_cliffwalking_seeds.sh ac 300000 --bootstrap-critic
set -eu
algo=${1:-online-ac}
steps=${2:-300000}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && shift
out=/tmp/rlterm-$algo-cliffwalking
bin=.build/release/rlterm
printf 'seed,steps_to_optimal_path,train_seconds,last_greedy_return\n'
for seed in 0 1 2 3 4; do
    dir="$out/seed$seed"
    rm -rf "$dir"
    "$bin" train --env cliffwalking --algo "$algo" --steps "$steps" --seed "$seed" --eval-every 5000 --eval-episodes 1 \
        --stop-when-solved --log-dir "$dir" "$@" 2>/dev/null
    solved=$(awk -F, 'NR > 1 && $2 >= -13 { print $1 "," $4; exit }' "$dir/evaluations.csv")
    last=$(tail -n 1 "$dir/evaluations.csv" | cut -d, -f2)
    printf '%s,%s,%s\n' "$seed" "${solved:-not reached,}" "$last"
done
