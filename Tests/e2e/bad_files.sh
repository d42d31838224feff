#!/usr/bin/env bash
# End-to-end test of rlterm on bad files: runs the built binary on every file of the bad-file corpus
# (Tests/Corpus/maps, Tests/Corpus/checkpoints) and on a few paths that are not files at all.
#
#   Tests/e2e/bad_files.sh PATH/TO/rlterm
#
# Builds nothing. Maps go through `solve --env`, `train --env … --algo dqn --steps 10` and `watch --env`;
# checkpoints through `eval --checkpoint` and `eval --checkpoint … --q-values`. Every run has a time limit
# and must exit with the status in the corpus's expected.tsv and, when that is not 0, print exactly one line
# on stderr: "rlterm: FILE[:LINE:COL]: reason", the same line expected.tsv gives. A crash, a hang (the time
# limit), a second line or another message fails. Prints "N passed, M failed" last and exits non-zero when
# anything failed.
set -euo pipefail

if [[ $# -ne 1 || ! -x "$1" ]]; then
    echo "usage: $0 PATH/TO/rlterm" >&2
    exit 64
fi
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
corpus=$(cd "$(dirname "$0")/../Corpus" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Seconds one run may take; the slowest expected one (train on a map) takes well under one.
limit=20

passed=0
failed=0

# check LABEL STATUS EXPECTED_STDERR COMMAND…: runs COMMAND with the time limit, no standard input and
# TERM=dumb (watch must fail before it touches the terminal), and compares its status and stderr.
check() {
    local label=$1 status=$2 expected=$3
    shift 3
    local actual=0
    TERM=dumb timeout --kill-after=5 "$limit" "$@" </dev/null >"$scratch/stdout" 2>"$scratch/stderr" || actual=$?
    local lines
    lines=$(wc -l <"$scratch/stderr")
    local problem=""
    if [ "$actual" -eq 124 ] || [ "$actual" -eq 137 ]; then
        problem="did not finish within $limit s"
    elif [ "$actual" -ne "$status" ]; then
        problem="exit status $actual, expected $status"
    elif [ "$status" -ne 0 ] && [ "$lines" -ne 1 ]; then
        problem="$lines lines on stderr, expected 1"
    elif [ "$status" -ne 0 ] && [ "$(cat "$scratch/stderr")" != "$expected" ]; then
        problem="stderr differs"
    fi
    if [ -z "$problem" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $label: $problem"
        echo "     expected: $expected"
        sed 's/^/     stderr:   /' "$scratch/stderr" | head -n 5
    fi
}

# expected.tsv rows: file, status, and the stderr line after "rlterm: " and the file's path.
rows() { grep -v '^#' "$1/expected.tsv"; }

listed=$(rows "$corpus/maps" | cut -f1; rows "$corpus/checkpoints" | cut -f1)
for file in "$corpus"/maps/*.txt "$corpus"/checkpoints/*.safetensors; do
    if ! grep -qxF "$(basename "$file")" <<<"$listed"; then
        failed=$((failed + 1))
        echo "FAIL $file is not listed in its expected.tsv"
    fi
done

cd "$corpus"
while IFS=$'\t' read -r name status rest; do
    file=maps/$name
    line="rlterm: $file$rest"
    check "solve $file" "$status" "$line" "$binary" solve --env "$file"
    check "train $file" "$status" "$line" "$binary" train --env "$file" --algo dqn --steps 10
    check "watch $file" "$status" "$line" "$binary" watch --env "$file"
done < <(rows maps)

while IFS=$'\t' read -r name status rest; do
    file=checkpoints/$name
    line="rlterm: $file$rest"
    check "eval $file" "$status" "$line" "$binary" eval --checkpoint "$file" --episodes 1
    if [ "$status" -ne 0 ]; then
        check "eval --q-values $file" "$status" "$line" "$binary" eval --checkpoint "$file" --q-values "0,0,0,0"
    fi
done < <(rows checkpoints)

# Paths that are not (readable, regular, small) files: exit 66, or 65 for a map over the 1 MiB limit.
head -c 1048577 /dev/zero | tr '\0' 'F' >"$scratch/huge.txt"
truncate -s 64G "$scratch/sparse.safetensors"
mkfifo "$scratch/fifo"
check "solve huge map" 65 \
    "rlterm: $scratch/huge.txt:1:1: the file has 1048577 bytes; a map file may have at most 1048576" \
    "$binary" solve --env "$scratch/huge.txt"
check "eval sparse 64 GiB checkpoint" 65 \
    "rlterm: $scratch/sparse.safetensors: byte 8: invalid safetensors header: not valid JSON" \
    "$binary" eval --checkpoint "$scratch/sparse.safetensors"
# not_a_file PATH MAP_REASON CHECKPOINT_REASON: every command refuses PATH with status 66.
not_a_file() {
    check "solve $1" 66 "rlterm: $1: $2" "$binary" solve --env "$1"
    check "train $1" 66 "rlterm: $1: $2" "$binary" train --env "$1" --algo dqn --steps 10
    check "eval $1" 66 "rlterm: $1: $3" "$binary" eval --checkpoint "$1"
}
not_a_file "$scratch/missing.txt" "no such map file" "cannot read checkpoint: no such file"
not_a_file "$scratch" "cannot read map file: it is a directory, not a regular file" \
    "cannot read checkpoint: it is a directory, not a regular file"
for device in /dev/zero "$scratch/fifo"; do
    not_a_file "$device" "cannot read map file: it is a device, pipe or socket, not a regular file" \
        "cannot read checkpoint: it is a device, pipe or socket, not a regular file"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
