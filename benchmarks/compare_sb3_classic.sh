#!/usr/bin/env bash
# rlterm's DQN presets against Stable-Baselines3 DQN with rl-zoo3's settings on Acrobot-v1 and MountainCar-v0,
# measured in one go on the same machine and the same seeds. "Solved" = the first greedy evaluation (10
# episodes every 5,000 steps) with a mean of at least gymnasium's reward threshold (Acrobot −100, MountainCar
# −110); seconds are training wall-clock seconds without evaluation time. SB3 trains up to the zoo's
# n_timesteps (100k, 120k), rlterm up to its preset's budget. Prints per-seed CSV blocks, medians and ratios.
# rlterm also scores each seed's best network over 100 episodes (the issue's "solved" is that mean).
#   SEEDS="0 1 2" benchmarks/compare_sb3_classic.sh [OUTDIR]    (SEEDS defaults to "0 1 2")
# Needs: swift build -c release; pip install stable-baselines3 (rl_zoo3 optional: its values are read from
# benchmarks/zoo_dqn_classic.yml). SB3 is slow here (256×256 networks, one or half a gradient step per
# environment step on one thread): expect minutes per seed.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/rlterm-vs-sb3-classic}
seeds=${SEEDS:-0 1 2}
bin=.build/release/rlterm
[ -x "$bin" ] || { echo "compare_sb3_classic.sh: $bin is missing: run 'swift build -c release'" >&2; exit 66; }
mkdir -p "$out"
echo "== $(date -u '+%F %H:%M UTC'), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) cores"
echo "== seeds: $seeds; load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# task, gymnasium id, threshold, SB3 step cap (the zoo's n_timesteps)
tasks="acrobot Acrobot-v1 -100 100000
mountaincar MountainCar-v0 -110 120000"

while read -r task gym threshold cap; do
    echo "== sb3 dqn $gym"
    # shellcheck disable=SC2086  # seeds are words on purpose
    python3 benchmarks/sb3_cartpole.py --algo dqn --env "$gym" --hyperparams benchmarks/zoo_dqn_classic.yml \
        --threshold "$threshold" --eval-every 5000 --eval-episodes 10 --seeds $seeds --max-steps "$cap" \
        --json "$out/sb3-$task.json" | tail -n +2 | grep -E '^  seed|^solved'
    echo "== rlterm dqn $task (preset)"
    printf 'seed,steps_to_solve,train_seconds,best_eval_100\n' | tee "$out/rlterm-$task.csv"
    for seed in $seeds; do
        dir="$out/rlterm-$task-$seed"
        rm -rf "$dir"
        "$bin" train --env "$task" --algo dqn --seed "$seed" --eval-every 5000 --eval-episodes 10 \
            --stop-when-solved --log-dir "$dir" 2>/dev/null
        solved=$(awk -F, -v t="$threshold" 'NR > 1 && $2 >= t { print $1 "," $4; exit }' "$dir/evaluations.csv")
        best=$("$bin" eval --checkpoint "$dir/best.safetensors" --episodes 100 --seed 1000 --json)
        printf '%s,%s,%s\n' "$seed" "${solved:-unsolved,}" "$best" | tee -a "$out/rlterm-$task.csv"
    done
done <<<"$tasks"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$out" <<'PY'
import csv, json, statistics, sys
out = sys.argv[1]

def median(values):
    return f"{statistics.median(values):.0f}" if values else "—", f"{statistics.median(values):.2f}" if values else "—"

print("\ntask,who,solved_seeds,median_steps,median_seconds,seconds_ratio")
for task in ("acrobot", "mountaincar"):
    rows = list(csv.DictReader(open(f"{out}/rlterm-{task}.csv")))
    ours = [r for r in rows if r["steps_to_solve"] != "unsolved"]
    seeds = json.load(open(f"{out}/sb3-{task}.json"))["seeds"]
    theirs = [s for s in seeds if s["steps_to_solve"] is not None]
    a_steps, a_secs = [int(r["steps_to_solve"]) for r in ours], [float(r["train_seconds"]) for r in ours]
    b_steps, b_secs = [s["steps_to_solve"] for s in theirs], [s["train_seconds_to_solve"] for s in theirs]
    ratio = (f"{statistics.median(b_secs) / statistics.median(a_secs):.1f}x slower than rlterm"
             if a_secs and b_secs else "")
    print(f"{task},rlterm-dqn,{len(ours)}/{len(rows)},{median(a_steps)[0]},{median(a_secs)[1]},")
    print(f"{task},sb3-dqn,{len(theirs)}/{len(seeds)},{median(b_steps)[0]},{median(b_secs)[1]},{ratio}")
PY
