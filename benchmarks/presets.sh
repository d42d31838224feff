#!/bin/sh
# Every environment × algorithm pair with a target, trained from its preset (envs/presets/) on SEEDS seeds,
# summarised as one Markdown table: how many seeds reach the pair's threshold within its budget, and the
# median steps and training seconds at which they do (over the seeds that reach it).
#
# What "reaching" means:
#   - CartPole, every algorithm but reinforce: the first greedy evaluation (10 episodes every 1,000 steps)
#     with a mean return >= 475 ('rlterm train --stop-when-solved').
#   - CartPole, reinforce: the mean return of the last 100 training episodes (monitor.csv) >= 195.
#   - Acrobot and MountainCar: the first greedy evaluation (10 episodes every 5,000 steps) with a mean return
#     >= -100 and >= -110, gymnasium's reward thresholds.
#   - cliffwalking, frozenlake4x4, fourrooms, maze: the first greedy evaluation (one episode; the maps and
#     greedy policies are deterministic) whose return is that of value iteration's optimal path.
#   - bitflip with 30 bits, dqn with HER future: a greedy evaluation (100 episodes) solving every goal.
# Seconds are training seconds (evaluations excluded) for evaluated pairs and monitor.csv's wall seconds for
# reinforce; with JOBS > 1 the runs share the machine's cores, so compare seconds only at the same JOBS.
#
# Usage: benchmarks/presets.sh [PAIR-FILTER]
#   SEEDS=10 JOBS=2 BIN=.build/release/rlterm OUT=/tmp/rlterm-presets benchmarks/presets.sh
#   benchmarks/presets.sh cartpole        only the pairs whose "env/algo" name contains "cartpole"
set -eu
seeds=${SEEDS:-10}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 1)}
bin=${BIN:-.build/release/rlterm}
out=${OUT:-/tmp/rlterm-presets}
[ -x "$bin" ] || { echo "presets.sh: $bin is missing: build it with 'swift build -c release'" >&2; exit 66; }

# env algo eval-every eval-episodes [extra train flags]. Every run takes its preset's budget (`steps`).
pairs() {
    cat <<'EOF'
cartpole dqn 1000 10
cartpole vpg 1000 10
cartpole ac 1000 10
cartpole online-ac 1000 10
cartpole reinforce 0 0
acrobot dqn 5000 10
acrobot fqi 5000 10
acrobot vpg 5000 10
acrobot ac 5000 10
acrobot online-ac 5000 10
acrobot reinforce 5000 10
mountaincar dqn 5000 10
mountaincar fqi 5000 10
cliffwalking dqn 1000 1
cliffwalking fqi 1000 1
cliffwalking online-q 1000 1
cliffwalking ac 5000 1
cliffwalking online-ac 5000 1
cliffwalking vpg 5000 1
cliffwalking reinforce 50000 1
frozenlake4x4 dqn 1000 1
frozenlake4x4 fqi 1000 1
frozenlake4x4 online-q 1000 1
frozenlake4x4 ac 1000 1
frozenlake4x4 online-ac 1000 1
frozenlake4x4 vpg 1000 1
frozenlake4x4 reinforce 1000 1
fourrooms dqn 1000 1
fourrooms fqi 1000 1
fourrooms online-q 1000 1
fourrooms ac 5000 1
fourrooms online-ac 5000 1
fourrooms vpg 5000 1
fourrooms reinforce 5000 1
maze dqn 1000 1
maze fqi 1000 1
maze online-q 1000 1
maze ac 5000 1
maze online-ac 5000 1
maze vpg 5000 1
maze reinforce 50000 1
EOF
}

# One run: prints "env algo budget seed reached steps seconds" (steps and seconds empty when not reached).
run_one() {
    env=$1 algo=$2 every=$3 episodes=$4 seed=$5
    shift 5
    dir="$out/$env-$algo-$seed"
    rm -rf "$dir"
    if [ "$every" = 0 ]; then
        "$bin" train --env "$env" --algo "$algo" --seed "$seed" --log-dir "$dir" "$@" 2>/dev/null || true
        result=$(awk -F, '
            NR > 2 { n++; r[n] = $1; total += $2; sum += $1; if (n > 100) sum -= r[n - 100]
                     if (n >= 100 && sum / 100 >= 195) { printf "%d %.2f", total, $3; exit } }' "$dir/monitor.csv")
    else
        "$bin" train --env "$env" --algo "$algo" --seed "$seed" --log-dir "$dir" \
            --eval-every "$every" --eval-episodes "$episodes" --stop-when-solved "$@" 2>"$dir.stderr" || true
        result=$(sed -n 's/^solved at step \([0-9]*\) after \([0-9.]*\) s.*/\1 \2/p' "$dir.stderr")
    fi
    budget=$(sed -n 's/.*"steps" *: *\([0-9]*\).*/\1/p' "$dir/run.json")
    if [ -n "$result" ]; then
        echo "$env $algo $budget $seed yes $result"
    else
        echo "$env $algo $budget $seed no"
    fi
}

if [ "${1:-}" = --run-one ]; then
    shift
    run_one "$@"
    exit 0
fi

threshold() {
    case "$1/$2" in
    cartpole/reinforce) echo "100-episode mean ≥ 195" ;;
    cartpole/*) echo "greedy ≥ 475" ;;
    acrobot/*) echo "greedy ≥ −100" ;;
    mountaincar/*) echo "greedy ≥ −110" ;;
    bitflip/*) echo "greedy solves 100 of 100 goals" ;;
    *) echo "optimal greedy path" ;;
    esac
}

filter=${1:-}
mkdir -p "$out"
results="$out/results.txt"
: >"$results"
pairs | while read -r env algo every episodes extra; do
    case "$env/$algo" in *"$filter"*) ;; *) continue ;; esac
    seed=0
    while [ "$seed" -lt "$seeds" ]; do
        echo "$env $algo $every $episodes $seed $extra" | sed 's/ *$//'
        seed=$((seed + 1))
    done
done >"$out/jobs.txt"
total=$(wc -l <"$out/jobs.txt")
echo "presets.sh: $total runs on $jobs jobs ($(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //'))" >&2
xargs -P "$jobs" -L 1 "$0" --run-one <"$out/jobs.txt" | tee -a "$results" |
    awk -v total="$total" '{ printf "\r%d/%d runs", NR, total > "/dev/stderr" }'
echo >&2

echo "| pair | budget (steps) | threshold | seeds reaching it | median steps | median seconds |"
echo "| --- | ---: | --- | ---: | ---: | ---: |"
sort -k1,1 -k2,2 -k4,4n "$results" | awk '
    function median(list, n,    sorted, i, j, swap) {
        for (i = 1; i <= n; i++) sorted[i] = list[i]
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (sorted[j] < sorted[i]) { swap = sorted[i]; sorted[i] = sorted[j]; sorted[j] = swap }
        return n % 2 ? sorted[(n + 1) / 2] : (sorted[n / 2] + sorted[n / 2 + 1]) / 2
    }
    function flush() {
        if (key == "") return
        printf "%s\t%s\t%d/%d\t%s\t%s\n", key, budget, reached, runs, reached ? median(steps, reached) : "–", reached ? sprintf("%.2f", median(secs, reached)) : "–"
    }
    { k = $1 "/" $2
      if (k != key) { flush(); key = k; budget = $3; runs = 0; reached = 0; delete steps; delete secs }
      runs++
      if ($5 == "yes") { reached++; steps[reached] = $6; secs[reached] = $7 } }
    END { flush() }' | while IFS="$(printf '\t')" read -r pair budget count msteps msecs; do
    printf '| %s | %s | %s | %s | %s | %s |\n' "$pair" "$budget" "$(threshold "${pair%/*}" "${pair#*/}")" "$count" "$msteps" "$msecs"
done
