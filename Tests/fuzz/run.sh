#!/usr/bin/env bash
# Builds a libFuzzer target from the project's own sources and runs it with the bad-file corpus as seeds.
#
#   Tests/fuzz/run.sh maps|checkpoints|runstate|share SECONDS [extra libFuzzer flags…]
#   Tests/fuzz/run.sh maps|checkpoints|runstate|share repro FILE…     run the target once on each FILE (a crash input)
#
# Everything is built and written under .build-fuzz/ (ignored by git): the modules, the fuzzer binary, the
# inputs it discovers (TARGET/corpus), its log (TARGET/fuzz-0.log) and crash inputs (TARGET/crash-…).
# Seeds are read from Tests/Corpus/TARGET/ and never written to; copy a crash input there by hand (and describe it
# in the README) once the bug it finds is fixed. Two targets take theirs from Tests/fuzz/seeds/TARGET/ instead,
# written by a test: share (frames; SharingTests with RLTERM_WRITE_SHARE_SEEDS=DIR) and runstate (small run
# checkpoints of every algorithm; TrainingTests with RLTERM_WRITE_RUNSTATE_SEEDS=DIR).
set -euo pipefail
cd "$(dirname "$0")/../.."

usage() { echo "usage: $0 maps|checkpoints|runstate|share SECONDS|repro [FILE…]" >&2; exit 64; }
[ $# -ge 2 ] || usage
target=$1
mode=$2
shift 2
case $target in
    maps) modules=(RLCore CLibm Environments) harness=MapParserFuzz max_len=8192 ;;
    share)
        modules=(RLCore CLibm Environments CNeuralNetShims NeuralNet Agents Training Sharing)
        harness=ShareFrameFuzz max_len=65536 ;;
    checkpoints)
        modules=(RLCore CLibm Environments CNeuralNetShims NeuralNet Agents Training)
        harness=CheckpointLoaderFuzz max_len=4096 ;;
    runstate)
        modules=(RLCore CLibm Environments CNeuralNetShims NeuralNet Agents Training)
        harness=RunStateFuzz max_len=131072 ;;
    *) usage ;;
esac

out=.build-fuzz
work=$out/$target
mkdir -p "$out/modules" "$work/corpus"
sanitizers=(-sanitize=fuzzer,address)
# The CPU flags Package.swift gives NeuralNet on x86-64 (its SIMD kernels assume FMA there).
cpu_flags=()
[ "$(uname -m)" = x86_64 ] && cpu_flags=(-mavx2 -mfma)
swift_flags=(-O -g -parse-as-library -swift-version 6 -I "$out/modules" "${sanitizers[@]}")

# One object file per module, in dependency order, each built when one of its sources is newer than it or
# a module before it was rebuilt.
objects=()
stale=0
for module in "${modules[@]}"; do
    object=$out/$module.o
    if [ -d "Sources/$module/include" ]; then
        # A C target (CNeuralNetShims, CLibm): each source file compiled by clang to its own object, its header
        # as a module.
        header=$PWD/Sources/$module/include/$module.h
        mkdir -p "$out/modules/$module"
        printf 'module %s {\n    header "%s"\n    export *\n}\n' "$module" "$header" \
            > "$out/modules/$module/module.modulemap"
        for source in Sources/"$module"/*.c; do
            object=$out/$module-$(basename "$source" .c).o
            objects+=("$object")
            if [ ! -f "$object" ] || [ -n "$(find "Sources/$module" -newer "$object" -type f)" ]; then
                stale=1
                clang -O2 -g "${cpu_flags[@]}" -fsanitize=fuzzer-no-link,address -I"Sources/$module/include" \
                    -c "$source" -o "$object"
            fi
        done
        swift_flags+=(-I "$out/modules/$module")
        continue
    fi
    objects+=("$object")
    if [ "$stale" = 0 ] && [ -f "$object" ] && [ -z "$(find "Sources/$module" -newer "$object" -type f)" ]; then
        continue
    fi
    stale=1
    extra=()
    if [ "$module" = NeuralNet ]; then
        for flag in "${cpu_flags[@]}" -fno-math-errno; do extra+=(-Xcc "$flag"); done
    fi
    echo "== building $module" >&2
    swiftc "${swift_flags[@]}" "${extra[@]}" -wmo -module-name "$module" -emit-module \
        -emit-module-path "$out/modules/$module.swiftmodule" -emit-object -o "$object" \
        $(find "Sources/$module" -name '*.swift' | sort)
    # A rebuilt module invalidates the fuzzer binaries linked against it.
    rm -f "$out"/fuzz-*
done

binary=$out/fuzz-$target
if [ ! -f "$binary" ] || [ "Tests/fuzz/$harness.swift" -nt "$binary" ]; then
    echo "== linking $binary" >&2
    swiftc "${swift_flags[@]}" -use-ld=lld -module-name "$harness" "Tests/fuzz/$harness.swift" "${objects[@]}" \
        -o "$binary"
fi

if [ "$mode" = repro ]; then
    exec "$binary" "$@"
fi
[[ $mode =~ ^[0-9]+$ ]] || usage
# The fuzzer runs as one job in a child process (-jobs=1) that libFuzzer restarts after a crash, so one run
# can find several; the log of the job is $work/fuzz-0.log. New inputs go to $work/corpus; the repository's
# corpus is a read-only second directory.
seeds=../../Tests/Corpus/$target
case $target in share|runstate) seeds=../../Tests/fuzz/seeds/$target ;; esac
cd "$work"
../fuzz-"$target" -jobs=1 -workers=1 -max_total_time="$mode" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
    -dict=../../Tests/fuzz/"$target".dict -print_final_stats=1 -artifact_prefix=./ \
    "$@" corpus "$seeds" || true
summary='^(stat::|#[0-9]+[[:space:]]+DONE|==[0-9]+==ERROR|SUMMARY)'
grep -E "$summary" fuzz-0.log | awk '!seen[$0]++' || tail -n 30 fuzz-0.log
if ls crash-* timeout-* oom-* leak-* 2>/dev/null; then
    echo "== findings above are in $work"
else
    echo "== no crash, timeout or out-of-memory input"
fi
