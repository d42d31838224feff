#!/usr/bin/env bash
# Every hyperparameter of the table, given a value it must refuse, through every way a user can give it:
# `train --KEY VALUE`, `train --set KEY=VALUE` and `watch --KEY VALUE`. The keys, their ranges and the
# algorithms that read them come from `rlterm algos`, so a new hyperparameter is covered without editing
# this script. The values: below the range (its minimum when that is excluded), above it (when it is
# bounded), a fraction for a whole-number key, nan, inf and text. Each run must exit 64 with one line on
# stderr that names the key and its valid range, before anything trains or any screen opens.
#
#   Tests/e2e/bad_values.sh PATH/TO/rlterm
set -euo pipefail

if [[ $# -ne 1 || ! -x "$1" ]]; then
    echo "usage: $0 PATH/TO/rlterm" >&2
    exit 64
fi
rlterm=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source "$(dirname "$0")/lib.sh"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# refused KEY RANGE COMMAND...: COMMAND exits 64 with one stderr line naming KEY and RANGE.
refused() {
    local key=$1 range=$2 status=0
    shift 2
    TERM=dumb timeout 20 "$@" < /dev/null > /dev/null 2> "$scratch/stderr" || status=$?
    [[ $status -eq 64 && $(wc -l < "$scratch/stderr") -eq 1 ]] && grep -qF -- "($key) must be $range" "$scratch/stderr"
}

cases=0
# Lines of the table: "  KEY  SYMBOL  MEANING; RANGE[; new agents only][; WHEN IT ACTS] [ALGORITHMS]".
while IFS= read -r line; do
    key=$(awk '{ print $1 }' <<< "$line")
    range=$(sed 's/ \[[a-z, -]*\]$//' <<< "$line" | tr ';' '\n' | sed 's/^ *//' | grep -m1 '^a \(whole \)\{0,1\}number')
    algorithm=$(sed -n 's/.*\[\([a-z-]*\)[],].*/\1/p' <<< "$line")
    low=$(sed -n 's/.*[[(]\(-*[0-9.e+]*\), .*/\1/p' <<< "$range")
    high=$(sed -n 's/.*, \([0-9.e+]*\)\]$/\1/p' <<< "$range")
    [[ -n "$low" ]] || low=$(sed -n 's/.*≥ \([0-9.]*\)$/\1/p' <<< "$range")
    [[ -n "$low" ]] || low=$(sed -n 's/.*> \([0-9.]*\)$/\1/p' <<< "$range")
    values=(nan inf abc)
    if [[ "$range" == *"(0,"* || "$range" == *"> "* ]]; then values+=("$low"); else values+=("$(awk -v l="$low" 'BEGIN { print l - 1 }')"); fi
    [[ -n "$high" ]] && values+=("$(awk -v h="$high" 'BEGIN { printf "%.17g", h * 2 + 1 }')")
    [[ "$range" == "a whole number"* ]] && values+=("$(awk -v l="$low" 'BEGIN { print l + 1.5 }')")
    for value in "${values[@]}"; do
        run=(train --env cliffwalking --algo "$algorithm" --steps 1)
        check "train --$key $value is refused with the range" refused "$key" "$range" "$rlterm" "${run[@]}" "--$key" "$value"
        check "train --set $key=$value is refused with the range" refused "$key" "$range" "$rlterm" "${run[@]}" --set "$key=$value"
        check "watch --algo $algorithm --$key $value is refused with the range" \
            refused "$key" "$range" "$rlterm" watch --algo "$algorithm" "--$key" "$value"
        cases=$((cases + 3))
    done
done < <("$rlterm" algos | sed -n '/^hyperparameters$/,$p' | tail -n +2 | grep '^  ')

echo "$cases bad values tried"
finish
