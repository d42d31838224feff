#!/usr/bin/env bash
# Runs `rlterm bench --json --group network` under every kernel choice this CPU has (RLTERM_KERNELS) and the same
# updates in PyTorch (one thread), one after the other, ROUNDS times, all pinned to one core, and prints one
# side-by-side table of medians: microseconds per update for each kernel choice (the MLP DQN updates, the MinAtar
# paper's convolutional DQN update and acting, the policy step), % of the widest unit's peak,
# PyTorch's time and PyTorch's median divided by rlterm's. The 1-minute load average is recorded before every
# run and its range printed beside the table, since a busy machine slows both sides.
# Usage: [ROUNDS=5] [CPU=1] benchmarks/compare_pytorch.sh [--repeats N] [--run-seconds S]
#   (from the repository root; needs python3 with torch: pip install torch; taskset from util-linux)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-5}
cpu=${CPU:-1}
swift build -c release --product rlterm >/dev/null
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
load() { cut -d' ' -f1 /proc/loadavg; }
choices=$(.build/release/rlterm bench --json --group network --repeats 1 --run-seconds 0.001 |
    python3 -c 'import json, sys
text = next(f["text"] for f in json.load(sys.stdin) if f["name"] == "kernels")
print(" ".join(name.strip() for name in text.split("available:")[1].rstrip(")").split(",")))')
for round in $(seq "$rounds"); do
    for choice in $choices; do
        echo "$(load)" >"$workdir/rlterm-$choice-$round.load"
        RLTERM_KERNELS=$choice taskset -c "$cpu" .build/release/rlterm bench --json --group network "$@" \
            >"$workdir/rlterm-$choice-$round.json"
    done
    echo "$(load)" >"$workdir/pytorch-$round.load"
    taskset -c "$cpu" python3 benchmarks/pytorch_dqn_update.py "$@" >"$workdir/pytorch-$round.json"
done
python3 - "$workdir" "$rounds" $choices <<'PYTHON'
import json
import statistics
import sys

workdir, rounds, choices = sys.argv[1], int(sys.argv[2]), sys.argv[3:]


def runs(prefix):
    figures = [json.load(open(f"{workdir}/{prefix}-{r}.json")) for r in range(1, rounds + 1)]
    loads = [float(open(f"{workdir}/{prefix}-{r}.load").read()) for r in range(1, rounds + 1)]
    return [{figure["name"]: figure for figure in run} for run in figures], loads


def median(runs_, name):
    values = [run[name]["value"] for run in runs_ if name in run]
    return statistics.median(values) if values else None


rlterm = {choice: runs(f"rlterm-{choice}") for choice in choices}
pytorch, pytorch_loads = runs("pytorch")
first = rlterm[choices[0]][0][0]
print(f"CPU: {first['cpu.model']['text']}; kernel choices: {', '.join(choices)}; PyTorch "
      f"{pytorch[0]['torch.version']['unit']}, one thread; medians of {rounds} rounds, each run pinned to one core")
peaks = ", ".join(f"{name.removeprefix('peak.fma.')} {median(rlterm[choices[0]][0], name):.1f}"
                  for name in first if name.startswith("peak.fma."))
print(f"peak.fma (GFLOP/s, median): {peaks}; % peak is against the widest ({choices[0]})")
for choice in choices:
    loads = rlterm[choice][1]
    print(f"load average (1 min) before the {choice} runs: {min(loads):.2f}–{max(loads):.2f}")
print(f"load average (1 min) before the PyTorch runs: {min(pytorch_loads):.2f}–{max(pytorch_loads):.2f}")
header = f"| {'figure':<33} |"
rule = f"|{'-' * 35}|"
for choice in choices:
    header += f" {choice + ' µs':>11} | {'% peak':>6} | {'speed-up':>8} |"
    rule += f"{'-' * 12}:|{'-' * 7}:|{'-' * 9}:|"
header += f" {'PyTorch µs':>10} |"
rule += f"{'-' * 11}:|"
print(header)
print(rule)
for name, figure in first.items():
    if figure.get("unit") != "us":
        continue
    theirs = median(pytorch, name)
    line = f"| {name:<33} |"
    for choice in choices:
        ours = median(rlterm[choice][0], name)
        fraction = median(rlterm[choice][0], f"peak-fraction.{name}")
        fraction_text = f"{fraction:.1f}" if fraction is not None else "—"
        speed_up = f"{theirs / ours:.1f}×" if theirs is not None else "—"
        line += f" {ours:>11.2f} | {fraction_text:>6} | {speed_up:>8} |"
    line += f" {theirs:>10.2f} |" if theirs is not None else f" {'—':>10} |"
    print(line)
PYTHON
