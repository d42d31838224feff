#!/usr/bin/env bash
# rlterm against Stable-Baselines3 on CartPole-v1, measured in one go on the same machine:
# DQN (rlterm defaults) vs SB3 DQN (rl-zoo3 settings), and VPG (rlterm defaults) vs SB3 PPO (rl-zoo3).
# "Solved" = the first greedy evaluation (10 episodes every 1,000 steps) with mean >= 475; seconds are
# training wall-clock seconds without evaluation time. Prints per-seed CSV blocks, then medians and ratios.
#   benchmarks/compare_sb3.sh [OUTDIR]      (needs: swift build -c release; pip install stable-baselines3 rl-zoo3)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/rlterm-vs-sb3}
mkdir -p "$out"
echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== rlterm dqn"
benchmarks/dqn_cartpole_seeds.sh "$out/rlterm-dqn" | tee "$out/rlterm-dqn.csv"
echo "== sb3 dqn"
python3 benchmarks/sb3_cartpole.py --algo dqn --seeds 0 1 2 3 4 --max-steps 100000 --json "$out/sb3-dqn.json" >/dev/null
echo "== rlterm vpg"
SEEDS="0 1 2 3 4" benchmarks/pg_cartpole_seeds.sh vpg 300000 475 | tee "$out/rlterm-vpg.csv"
echo "== sb3 ppo"
python3 benchmarks/sb3_cartpole.py --algo ppo --seeds 0 1 2 3 4 --max-steps 100000 --json "$out/sb3-ppo.json" >/dev/null
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$out" <<'PY'
import csv, json, statistics, sys
out = sys.argv[1]

def rlterm(name):
    rows = [r for r in csv.DictReader(open(f"{out}/{name}.csv")) if r["steps_to_solve"] != "unsolved"]
    seconds_key = "train_seconds" if "train_seconds" in rows[0] else "solve_train_seconds"
    return [int(r["steps_to_solve"]) for r in rows], [float(r[seconds_key]) for r in rows]

def sb3(name):
    seeds = [s for s in json.load(open(f"{out}/{name}.json"))["seeds"] if s["steps_to_solve"] is not None]
    return [s["steps_to_solve"] for s in seeds], [s["train_seconds_to_solve"] for s in seeds]

print("\ncomparison,solved_seeds,median_steps,median_seconds,seconds_ratio")
for ours, theirs in (("rlterm-dqn", "sb3-dqn"), ("rlterm-vpg", "sb3-ppo")):
    (a_steps, a_secs), (b_steps, b_secs) = rlterm(ours), sb3(theirs)
    ratio = statistics.median(b_secs) / statistics.median(a_secs)
    print(f"{ours},{len(a_steps)}/5,{statistics.median(a_steps):.0f},{statistics.median(a_secs):.2f},")
    print(f"{theirs},{len(b_steps)}/5,{statistics.median(b_steps):.0f},{statistics.median(b_secs):.2f},{ratio:.1f}x slower than rlterm")
PY
