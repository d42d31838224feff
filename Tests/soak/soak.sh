#!/usr/bin/env bash
# Soak test of the terminal UI: `rlterm watch` trains in tmux for MINUTES minutes while the algorithm and the
# environment are switched every PHASE seconds, in a cycle of four configurations that repeats:
#   REINFORCE on fourrooms → REINFORCE on frozenlake4x4 → DQN on frozenlake4x4 → DQN on fourrooms → …
# (maps with a time limit: on cliffwalking, which has none, a policy-gradient batch holds whole episodes, and
# one long episode of an untrained policy raises the peak memory by itself — a cost, not a leak).
# The session is shared (--share), and viewers come and go all along: after every sample an `rlterm attach`
# at one of three sizes joins for two seconds and quits, or is killed with its terminal after one.
# Every 5 seconds it records the resident memory, the open file descriptors and the step count into
# OUT/soak.csv. At the end it checks that
#   - resident memory is flat after the warm-up (the first full cycle): the last cycle's peak is within 10%
#     (and 16 MB) of the first cycle's peak after warm-up;
#   - the number of file descriptors never grows (so every viewer's connection was closed);
#   - every viewer that attached is logged as gone again;
#   - steps/s do not sag: each configuration's mean rate in the last cycle is at least 65% of its first
#     (other jobs on the machine make the rates noisy; a leak or a growing history would slow every cycle);
#   - q still quits with status 0 and the networks are saved.
#
#   Tests/soak/soak.sh PATH/TO/rlterm [MINUTES] [PHASE] [OUT]
#
# MINUTES defaults to 60 (CI runs 5 with PHASE 30). A run under AddressSanitizer: build with
# `swift build -c release --sanitize=address --scratch-path .build-asan` and pass that binary.
set -euo pipefail

if [[ $# -lt 1 || ! -x "$1" ]]; then
    echo "usage: $0 PATH/TO/rlterm [MINUTES] [PHASE] [OUT]" >&2
    exit 64
fi
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
minutes=${2:-60}
phase=${3:-60}
out=${4:-$(mktemp -d)}
mkdir -p "$out"
csv="$out/soak.csv"

source "$(dirname "$0")/../e2e/lib.sh"
tmux_setup soak soak
# The status line names the program only when it has room: "rlterm · " is optional.
configuration() {
    status_line | sed -n 's/^ *\(rlterm · \)\{0,1\}\([^·]*\) · \([^·]*\) · .*/\3 on \2/p' | sed 's/  */ /g; s/ $//'
}

share=soak-$$
mkdir -p -m 0700 "$out/runtime"
tmux_ -f /dev/null new-session -d -s "$session" -x 120 -y 40 -c "$out" \
    env -i HOME="$HOME" PATH="$PATH" TERM=screen-256color LANG=C.UTF-8 XDG_RUNTIME_DIR="$out/runtime" PS1='soak$ ' \
    bash --norc --noprofile
tmux_ set-option -t "$session" status off
sleep 1
tmux_ send-keys -t "$session" "$binary watch --env fourrooms --log-dir $out/run --share $share 2> $out/stderr.log; echo \"rlterm-exit=\$?\"" Enter
for _ in $(seq 100); do
    pid=$(pgrep -f -- "$binary watch --env fourrooms --log-dir $out/run" | head -n 1 || true)
    [[ -n "$pid" ]] && break
    sleep 0.1
done
sleep 3

# The keys that move to the next configuration of the cycle: e steps through every environment of
# 'rlterm envs', so one press fewer than there are goes round to where it started; fourrooms and
# frozenlake4x4 are neighbours in that list.
environments=$("$binary" envs | wc -l)
back=$(printf 'e %.0s' $(seq $((environments - 1))))
keys=("a" "e" "A" "$back")
echo "seconds,rss_kb,fds,steps,configuration" > "$csv"
viewers=0
start=$SECONDS
start_time=$EPOCHREALTIME
next_switch=$phase
switch=0
while ((SECONDS - start < minutes * 60)); do
    elapsed=$((SECONDS - start))
    if ((elapsed >= next_switch)); then
        for key in ${keys[switch % 4]}; do tmux_ send-keys -t "$session" "$key"; sleep 0.2; done
        switch=$((switch + 1))
        next_switch=$((next_switch + phase))
        sleep 1
    fi
    # The time of the sample itself: a switch through every environment takes seconds of its own, and a rate
    # over an interval that counts them would read low for the configuration after it.
    sampled=$(awk -v now="$EPOCHREALTIME" -v start="$start_time" 'BEGIN { printf "%.2f", now - start }')
    steps=$(step_count)
    rss=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")
    fds=$(ls "/proc/$pid/fd" | wc -l)
    echo "$sampled,$rss,$fds,$steps,$(configuration)" >> "$csv"
    viewers=$((viewers + 1))
    sizes=("80 24" "100 30" "132 43")
    read -r width height <<< "${sizes[viewers % 3]}"
    tmux_ -f /dev/null new-session -d -s "viewer-$viewers" -x "$width" -y "$height" \
        env -i HOME="$HOME" PATH="$PATH" TERM=screen-256color LANG=C.UTF-8 XDG_RUNTIME_DIR="$out/runtime" \
        "$binary" attach "$share" --seconds 2
    if ((viewers % 2)); then
        sleep 1
        tmux_ kill-session -t "viewer-$viewers" 2> /dev/null || true
        sleep 4
    else
        sleep 5
    fi
done

tmux_ send-keys -t "$session" q
# The command line shows "rlterm-exit=$?"; the status is a line of its own.
for _ in $(seq 150); do
    screen | grep -qx "rlterm-exit=[0-9]*" && break
    sleep 0.1
done
exit_line=$(screen | grep -x "rlterm-exit=[0-9]*" || echo "rlterm-exit=none")

python3 - "$csv" "$phase" "$exit_line" "$out/run/model.safetensors" "$out/runtime/rlterm/$share.log" "$viewers" << 'EOF'
import csv, os, sys
path, phase, exit_line, model, share_log, viewers = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6])
rows = list(csv.DictReader(open(path)))
cycle = 4 * phase
results = []
def check(name, ok, detail):
    results.append(ok)
    print(("ok   " if ok else "FAIL ") + f"{name} ({detail})")

after = [r for r in rows if float(r["seconds"]) >= cycle]
last_cycle_start = max(float(r["seconds"]) for r in rows) - cycle
first = [int(r["rss_kb"]) for r in after if float(r["seconds"]) < 2 * cycle]
last = [int(r["rss_kb"]) for r in rows if float(r["seconds"]) >= max(last_cycle_start, 2 * cycle)]
if first and last:
    growth = max(last) - max(first)
    check("resident memory is flat after the warm-up cycle", growth <= max(0.10 * max(first), 16384) ,
          f"peak {max(first) / 1024:.1f} MB in the first cycle after warm-up, {max(last) / 1024:.1f} MB in the last")
else:
    print("note: too short for a memory comparison (needs three cycles)")
fds = [int(r["fds"]) for r in rows]
check("file descriptors do not grow", max(fds) <= fds[0], f"{fds[0]} at the start, at most {max(fds)}")
log = open(share_log).read().splitlines()
came = sum(" attached" in line for line in log)
went = sum(line.endswith(" left") or " dropped" in line or "connection failed" in line for line in log)
check("every viewer that came went again", came >= viewers - 1 and went == came,
      f"{viewers} started, {came} attached, {went} gone")

# Steps per second of each configuration, per cycle, from consecutive samples within one phase.
rates = {}
for previous, current in zip(rows, rows[1:]):
    if previous["configuration"] != current["configuration"] or not previous["steps"] or not current["steps"]:
        continue
    seconds = float(current["seconds"]) - float(previous["seconds"])
    if seconds <= 0:
        continue
    cycle_index = int(float(previous["seconds"]) // cycle)
    rates.setdefault(current["configuration"], {}).setdefault(cycle_index, []).append(
        (int(current["steps"]) - int(previous["steps"])) / seconds)
for name, cycles in sorted(rates.items()):
    complete = sorted(cycles)
    if len(complete) < 2:
        continue
    early, late = cycles[complete[0]], cycles[complete[-1]]
    mean_early, mean_late = sum(early) / len(early), sum(late) / len(late)
    check(f"steps/s of {name} do not sag", mean_late >= 0.65 * mean_early,
          f"{mean_early:,.0f} in cycle {complete[0] + 1}, {mean_late:,.0f} in cycle {complete[-1] + 1}")
check("q quits with status 0", exit_line == "rlterm-exit=0", exit_line)
check("the networks are saved on quitting", os.path.exists(model) and os.path.getsize(model) > 0, model)
errors = open(os.path.join(os.path.dirname(os.path.dirname(model)), "stderr.log")).read()
check("nothing on stderr but the saved checkpoint's path (no sanitizer report)",
      all(line.startswith("saved ") for line in errors.splitlines()), errors[:2000] or "empty")
print(f"{sum(results)} passed, {len(results) - sum(results)} failed; samples in {path}")
sys.exit(0 if all(results) else 1)
EOF
