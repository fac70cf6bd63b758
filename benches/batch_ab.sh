#!/usr/bin/env bash
# Two builds of qualif against each other on one file, on a machine whose wall clock moves
# from minute to minute (README.md, "Performance"): runs alternate between the two, so that a
# slow minute slows both, and the medians and minima of the wall clock and of the CPU time
# (user + system) are printed.
#
#   benches/batch_ab.sh BIN_A BIN_B FILE.jsonl [RUNS] [CPUS]
#
# RUNS (default 7) runs of each `BIN batch FILE -o /dev/null`, pinned with taskset to CPUS
# (default 0: one core; 0,1 for two).
set -euo pipefail
A=$1
B=$2
FILE=$3
RUNS=${4:-7}
CPUS=${5:-0}
export QUALIF_TODAY=${QUALIF_TODAY:-2026-12-07}
TIMES=$(mktemp)
trap 'rm -f "$TIMES"' EXIT
wall_a=() wall_b=() cpu_a=() cpu_b=()
for _ in $(seq "$RUNS"); do
    for which in A B; do
        bin=$A
        [ "$which" = B ] && bin=$B
        start=$(date +%s.%N)
        /usr/bin/time -f "%U %S" -o "$TIMES" taskset -c "$CPUS" "$bin" batch "$FILE" -o /dev/null
        end=$(date +%s.%N)
        wall=$(echo "$end - $start" | bc -l)
        cpu=$(awk '{print $1 + $2}' "$TIMES")
        if [ "$which" = A ]; then
            wall_a+=("$wall") cpu_a+=("$cpu")
        else
            wall_b+=("$wall") cpu_b+=("$cpu")
        fi
    done
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]}'; }
least() { printf '%s\n' "$@" | sort -g | head -1 | awk '{printf "%.3f", $1}'; }
echo "wall s   A median $(median "${wall_a[@]}") min $(least "${wall_a[@]}")   B median $(median "${wall_b[@]}") min $(least "${wall_b[@]}")"
echo "cpu s    A median $(median "${cpu_a[@]}") min $(least "${cpu_a[@]}")   B median $(median "${cpu_b[@]}") min $(least "${cpu_b[@]}")"
