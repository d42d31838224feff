#!/usr/bin/env bash
# Runs `rlterm bench --json --group network` and the same DQN updates in PyTorch (one thread) one after the other, and
# prints a side-by-side table: microseconds per update, and PyTorch's time divided by rlterm's.
# Usage: benchmarks/compare_pytorch.sh [--repeats N] [--run-seconds S]   (from the repository root;
# needs python3 with torch: pip install torch)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product rlterm >/dev/null
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
echo "load before: $(uptime)"
.build/release/rlterm bench --json --group network "$@" >"$workdir/rlterm.json"
python3 benchmarks/pytorch_dqn_update.py "$@" >"$workdir/pytorch.json"
echo "load after:  $(uptime)"
python3 - "$workdir/rlterm.json" "$workdir/pytorch.json" <<'PYTHON'
import json
import sys

rlterm = {figure["name"]: figure for figure in json.load(open(sys.argv[1]))}
pytorch = {figure["name"]: figure for figure in json.load(open(sys.argv[2]))}
print(f"PyTorch {pytorch['torch.version']['unit']}, one thread; rlterm FMA peak {rlterm['peak.fma']['value']:.1f} GFLOP/s")
print(f"| {'figure':<28} | {'rlterm µs':>10} | {'GFLOP/s':>8} | {'% peak':>6} | {'PyTorch µs':>10} | {'speed-up':>8} |")
print(f"|{'-' * 30}|{'-' * 11}:|{'-' * 9}:|{'-' * 7}:|{'-' * 11}:|{'-' * 9}:|")
for name, figure in rlterm.items():
    if figure["unit"] != "us" or name not in pytorch:
        continue
    gflops = rlterm.get(f"gflops.{name}", {}).get("value")
    fraction = rlterm.get(f"peak-fraction.{name}", {}).get("value")
    theirs = pytorch[name]["value"]
    gflops_text = f"{gflops:.1f}" if gflops is not None else "—"
    fraction_text = f"{fraction:.1f}" if fraction is not None else "—"
    print(f"| {name:<28} | {figure['value']:>10.2f} | {gflops_text:>8} | {fraction_text:>6} | {theirs:>10.2f} | "
          f"{theirs / figure['value']:>7.1f}× |")
PYTHON
