#!/usr/bin/env bash
# The batch against its floor, on an idle machine (README.md, "Performance").
#
#   benches/batch_floor.sh [FILE.jsonl ...]      (default: the two datasets below)
#   RUNS=9 benches/batch_floor.sh ...            (runs per figure; the median is given)
#   CALLGRIND=1 benches/batch_floor.sh ...       (also instructions per case of the batch and of
#                                                the floor, on the first 30,000 lines)
#
# For each file: the floor (benches/batch_floor.rs: read the file, parse each line into a
# serde_json::Value on every core, nothing else; mimalloc, as qualif), `qualif batch FILE
# -o /dev/null` on one core (`taskset -c 0`) and on both, the two ratios (batch on 2 cores
# / floor; 1 core / 2 cores, the parallel speed-up) and the peak resident memory of the
# 2-core run (/usr/bin/time). Without files it makes, under $DIR (default /tmp/qualif-bench):
#   synthetic-200k.jsonl  `qualif batch --synthesize 200000 --seed 7`
#   golden-200k.jsonl     the hand-written cases of tests/batch/golden.jsonl, repeated to
#                         200,000 lines (keys in the order people write them)
# and the peak memory of 100,000 and 2,000,000 synthetic cases (flat, not growing).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
DIR=${DIR:-/tmp/qualif-bench}
export QUALIF_TODAY=${QUALIF_TODAY:-2026-12-07}
export CARGO_INCREMENTAL=0
cargo build --release --quiet
# cargo names the bench's executable on standard error: "Executable ... (target/...)".
FLOOR=$(cargo bench --bench batch_floor --no-run 2>&1 | tee /dev/stderr |
    sed -n 's/.*(\(.*batch_floor-[^)]*\)).*/\1/p' | tail -1)
QUALIF=target/release/qualif
mkdir -p "$DIR"

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Seconds of one run of the command (wall clock), its peak resident memory (KB) into $PEAK.
timed() {
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f %M -o "$DIR/peak" "$@" >/dev/null 2>"$DIR/stderr" || {
        cat "$DIR/stderr" >&2
        return 1
    }
    end=$(date +%s.%N)
    PEAK=$(tail -1 "$DIR/peak")
    echo "$end - $start" | bc -l
}

if [ $# -eq 0 ]; then
    [ -s "$DIR/synthetic-200k.jsonl" ] ||
        $QUALIF batch --synthesize 200000 --seed 7 -o "$DIR/synthetic-200k.jsonl"
    [ -s "$DIR/golden-200k.jsonl" ] ||
        awk '{ l[NR] = $0 } END { for (i = 0; i < 200000; i++) print l[i % NR + 1] }' \
            tests/batch/golden.jsonl >"$DIR/golden-200k.jsonl"
    set -- "$DIR/synthetic-200k.jsonl" "$DIR/golden-200k.jsonl"
    MEMORY=1
fi

printf '%-24s %8s %8s %8s %9s %11s %9s %9s\n' dataset cases floor 1-core 2-core 2c/floor 1c/2c peak-MB
for f in "$@"; do
    cases=$(grep -c . "$f")
    floor=$(for _ in $(seq "$RUNS"); do "$FLOOR" "$f" 1 | awk '/median/ {print $3}'; done | median)
    one=$(for _ in $(seq "$RUNS"); do timed taskset -c 0 $QUALIF batch "$f" -o /dev/null; done | median)
    two=$(for _ in $(seq "$RUNS"); do timed $QUALIF batch "$f" -o /dev/null; echo "$PEAK" >>"$DIR/peaks"; done | median)
    peak=$(median <"$DIR/peaks"); rm -f "$DIR/peaks"
    printf '%-24s %8d %8.3f %8.3f %8.3f %9.2f %11.2f %9.1f\n' "$(basename "$f")" "$cases" \
        "$floor" "$one" "$two" "$(echo "$two / $floor" | bc -l)" "$(echo "$one / $two" | bc -l)" \
        "$(echo "$peak / 1024" | bc -l)"
    if [ "${CALLGRIND:-0}" = 1 ]; then
        head -30000 "$f" >"$DIR/cg-input.jsonl"
        valgrind --tool=callgrind --callgrind-out-file="$DIR/cg.out" \
            $QUALIF batch "$DIR/cg-input.jsonl" -o /dev/null 2>"$DIR/cg.log"
        total=$(awk '/refs:/ {gsub(",", "", $NF); print $NF}' "$DIR/cg.log")
        valgrind --tool=callgrind --callgrind-out-file="$DIR/cg-floor.out" \
            "$FLOOR" "$DIR/cg-input.jsonl" 1 >/dev/null 2>"$DIR/cg-floor.log"
        floor_total=$(awk '/refs:/ {gsub(",", "", $NF); print $NF}' "$DIR/cg-floor.log")
        echo "  instructions per case (callgrind, first 30,000 lines): batch $((total / 30000))," \
            "floor $((floor_total / 30000)), ratio $(echo "$total / $floor_total" | bc -l | cut -c1-4)"
    fi
done

if [ "${MEMORY:-0}" = 1 ]; then
    for n in 100000 2000000; do
        f="$DIR/synthetic-$n.jsonl"
        [ -s "$f" ] || $QUALIF batch --synthesize $n --seed 7 -o "$f"
        timed $QUALIF batch "$f" -o /dev/null >/dev/null
        echo "peak resident memory, $n synthetic cases: $((PEAK / 1024)) MB"
    done
fi
