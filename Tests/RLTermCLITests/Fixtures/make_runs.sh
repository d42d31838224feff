#!/usr/bin/env bash
# Writes the fixture runs of the `rlterm plot` tests with rlterm itself: DQN and VPG on CartPole, 6,000 steps,
# seeds 0-3, keeping run.json and monitor.csv. Then two runs are damaged as real ones get damaged:
#   runs/dqn/seed=3: monitor.csv cut in the middle of a row, as when a run is killed while writing (the
#                    run is shorter than the others, and its last line has no line end);
#   runs/vpg/seed=3: a row overwritten with garbage at line 7.
# Usage (from the repository root): Tests/RLTermCLITests/Fixtures/make_runs.sh .build/release/rlterm
set -euo pipefail
binary=$1
cd "$(dirname "$0")"
rm -rf runs
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for algo in dqn vpg; do
    for seed in 0 1 2 3; do
        "$binary" train --env cartpole --algo "$algo" --steps 6000 --seed "$seed" --log-dir "$scratch/$algo/seed=$seed" 2>/dev/null
        mkdir -p "runs/$algo/seed=$seed"
        cp "$scratch/$algo/seed=$seed/run.json" "$scratch/$algo/seed=$seed/monitor.csv" "runs/$algo/seed=$seed/"
    done
done
monitor=runs/dqn/seed=3/monitor.csv
head -c "$(($(wc -c < "$monitor") / 2))" "$monitor" > "$monitor.cut"
mv "$monitor.cut" "$monitor"
sed -i '7s/.*/17.0,1?,0.0213/' runs/vpg/seed=3/monitor.csv
