#!/usr/bin/env bash
# Runs `rlterm bench --json --group engine` and gymnasium's CartPole-v1, Acrobot-v1 and MountainCar-v0 (one after
# the other, same machine, same load) and prints environment steps per second side by side.
# Usage: benchmarks/compare_gym_steps.sh [SECONDS]   (from the repository root; needs python3 with gymnasium)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product rlterm >/dev/null
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
echo "load before: $(uptime)"
.build/release/rlterm bench --json --group engine >"$workdir/rlterm.json"
python3 benchmarks/gym_env_steps.py "${1:-2}" >"$workdir/gym.json"
echo "load after:  $(uptime)"
python3 - "$workdir/rlterm.json" "$workdir/gym.json" <<'PYTHON'
import json
import sys

rlterm = {figure["name"]: figure["value"] for figure in json.load(open(sys.argv[1]))}
gym = {figure["name"]: figure for figure in json.load(open(sys.argv[2]))}
print(f"gymnasium {gym['gym.version']['unit']}; actions cycling, reset at each episode's end, one thread")
print(f"| {'environment':<12} | {'rlterm steps/s':>15} | {'gymnasium steps/s':>18} | {'ratio':>7} |")
print(f"|{'-' * 14}|{'-' * 16}:|{'-' * 19}:|{'-' * 8}:|")
for name in ("cartpole", "acrobot", "mountaincar"):
    ours, theirs = rlterm[f"env.{name}"], gym[f"gym.{name}"]["value"]
    print(f"| {name:<12} | {ours:>15,.0f} | {theirs:>18,.0f} | {ours / theirs:>6.0f}× |")
PYTHON
