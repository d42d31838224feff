#!/usr/bin/env bash
# Sweeps run the three ways docs/SWEEPS.md shows, then compared with `rlterm plot`:
#   - `rlterm sweep … | parallel -j 2` with the real GNU parallel: every run writes its directory;
#   - `rlterm sweep … --slurm FILE`: the script's #SBATCH lines are parsed (all before the first command, an
#     array 0-(N-1) with one case line per index), and its body runs under bash with SLURM_ARRAY_TASK_ID set
#     as Slurm would, for a few indices, each training just its own run; a missing or unknown index fails;
#   - `rlterm sweep … --run -j 2`: bounded local runs, each with its train.log; SIGINT stops the sweep with 130
#     and the running trainings save their networks;
#   - a value train would refuse prints nothing and exits 64; `rlterm plot` reads the results, writes --csv,
#     and reports a damaged monitor.csv as file:line without failing.
#
#   Tests/e2e/sweep_plot.sh PATH/TO/rlterm
#
# Needs GNU parallel (Debian package parallel). Prints "N passed, M failed" last and exits non-zero when
# anything failed. Takes about half a minute on 2 cores.
set -euo pipefail

source "$(dirname "$0")/lib.sh"
binary_argument "$@"
# The printed commands call `rlterm`, as a user's PATH would provide it.
export PATH="$(dirname "$rlterm"):$PATH"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

run_complete() { [[ -s "$1/run.json" && $(wc -l < "$1/monitor.csv") -gt 2 && -s "$1/model.safetensors" ]]; }
all_complete() {
    local directory
    for directory in "$@"; do run_complete "$directory" || return 1; done
}

# GNU parallel.
rlterm sweep --env cartpole --algo dqn,vpg --seeds 0-2 --steps 1500 --out par > par.txt
check "sweep prints one command per run (6)" test "$(wc -l < par.txt)" -eq 6
run_parallel() { parallel -j 2 --halt now,fail=1 < par.txt > parallel.log 2>&1; }
check "GNU parallel runs every printed command" run_parallel
check "each run wrote its own directory" all_complete par/dqn_cartpole/seed={0,1,2} par/vpg_cartpole/seed={0,1,2}
check "run.json records each run's seed" grep -q '"seed" : 2' par/vpg_cartpole/seed=2/run.json

# rlterm plot on the results.
status=0
rlterm plot par --csv curves.csv --solved 20 --width 70 > plot.txt 2> plot.err || status=$?
check "plot exits 0 (got $status)" test "$status" -eq 0
check "plot's table has a row per algorithm with its three runs" grep -Eq '^dqn +3/3 ' plot.txt
check "plot's table has vpg too" grep -Eq '^vpg +3/3 ' plot.txt
check "--csv has its header and rows of both groups" \
    bash -c 'head -1 curves.csv | grep -qx "group,step,runs,iqm,ci_low,ci_high" && grep -q "^dqn," curves.csv && grep -q "^vpg," curves.csv'
cp -r par/vpg_cartpole/seed=2 par/vpg_cartpole/seed=9
sed -i '5s/.*/12.0,oops,0.1/' par/vpg_cartpole/seed=9/monitor.csv
status=0
rlterm plot par > /dev/null 2> damaged.err || status=$?
check "a damaged monitor.csv is reported at its line and left out (status $status)" \
    bash -c "[[ $status -eq 0 ]] && grep -q 'seed=9/monitor.csv:5: l must be a whole number' damaged.err"

# Slurm.
rlterm sweep --env cartpole --algo dqn --seeds 0-3 --steps 1200 --out slurm --slurm job.sh 2> slurm.err
check "the Slurm script passes bash -n" bash -n job.sh
sbatch_lines() { awk '/^#SBATCH/ { if (code) { print "late: " $0; exit 1 } print; next } /^[^#]/ && NF { code = 1 }' job.sh; }
check "every #SBATCH line comes before the first command (Slurm ignores later ones)" eval 'sbatch_lines > /dev/null'
array=$(sbatch_lines | sed -n 's/^#SBATCH --array=\(.*\)$/\1/p')
check "the array is 0-3 (got '$array')" test "$array" = "0-3"
check "one case line per task index" test "$(grep -cE '^[0-9]+\) exec rlterm train ' job.sh)" -eq 4
check "the output directive names the sweep's folder" grep -qx '#SBATCH --output=slurm/slurm-%A_%a.out' job.sh
for index in 0 3; do
    check "task $index trains its own run" eval "SLURM_ARRAY_TASK_ID=$index bash job.sh 2> task$index.err"
done
check "tasks 0 and 3 wrote seed=0 and seed=3 only" \
    bash -c 'ls slurm/dqn_cartpole | tr "\n" " " | grep -qx "seed=0 seed=3 "'
status=0
SLURM_ARRAY_TASK_ID=4 bash job.sh 2> task4.err || status=$?
check "an index beyond the array fails with 64 (got $status)" test "$status" -eq 64
status=0
env -u SLURM_ARRAY_TASK_ID bash job.sh 2> unset.err || status=$?
check "run outside Slurm it says so and fails" bash -c "[[ $status -ne 0 ]] && grep -q 'SLURM_ARRAY_TASK_ID is not set' unset.err"

# Locally, with a bound on processes.
status=0
rlterm sweep --env cartpole --algo dqn,vpg --seeds 0-1 --steps 1200 --out local --run -j 2 2> local.err || status=$?
check "--run -j 2 finishes every run (status $status)" test "$status" -eq 0
check "--run: each run complete, with its train.log" \
    bash -c 'for d in local/*/seed=*; do [[ -s $d/monitor.csv && -f $d/train.log && -s $d/model.safetensors ]] || exit 1; done'
check "--run: four runs" test "$(ls -d local/*/seed=* | wc -l)" -eq 4
check "--run reports each run when not on a terminal" test "$(grep -c '^sweep: run [0-9] done' local.err)" -eq 4

rlterm sweep --env cartpole --algo dqn --seeds 0-5 --steps 10000000 --out long --run -j 2 2> long.err &
pid=$!
wait_for 30 bash -c 'ls long/dqn_cartpole/seed=0/progress.csv long/dqn_cartpole/seed=1/progress.csv' > /dev/null 2>&1 || true
sleep 0.5
kill -INT "$pid"
status=0
wait "$pid" || status=$?
check "SIGINT stops the sweep with 130 (got $status)" test "$status" -eq 130
check "the two running trainings saved their networks" \
    test -s long/dqn_cartpole/seed=0/model.safetensors -a -s long/dqn_cartpole/seed=1/model.safetensors
check "no run started after the signal" test ! -e long/dqn_cartpole/seed=2

# Refusals.
status=0
rlterm sweep --env cartpole --algo dqn --seeds 0-3 --set lr=1e-3,5 > refused.txt 2> refused.err || status=$?
check "a value train refuses ends the sweep with 64 (got $status)" test "$status" -eq 64
check "and nothing is printed for parallel" test ! -s refused.txt
check "the message names the run and the range" grep -q 'must be a number in (0, 1], got 5' refused.err

finish
