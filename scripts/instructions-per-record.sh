#!/bin/sh
# Instructions per produced record, end to end, for the engine's speed scenario
# (BenchScenarios.oneMillionPerSecond: 1 M records/s × 12 partitions × 3 groups).
#
# Runs a stripped copy of the release binary under callgrind for two simulated durations
# (`streamstage bench --engine-run`, which prints the records it appended) and divides the
# difference in instructions by the difference in records, so start-up cancels. Goal: ≤ 1 200.
#
#   swift build -c release && scripts/instructions-per-record.sh
#
# Environment: STREAMSTAGE (binary, default .build/release/streamstage), SHORT and LONG
# (simulated durations, default 0.2s and 0.7s).
set -eu
cd "$(dirname "$0")/.."
binary=${STREAMSTAGE:-.build/release/streamstage}
short=${SHORT:-0.2s}
long=${LONG:-0.7s}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Valgrind cannot read the debug info of Swift release binaries; the symbol table is kept.
strip --strip-debug -o "$work/streamstage" "$binary"

# Prints "<instructions> <records>" for one run.
count() {
    records=$(valgrind --tool=callgrind --callgrind-out-file="$work/out.$1" \
        "$work/streamstage" bench --engine-run "$1" 2> "$work/err.$1") || { cat "$work/err.$1" >&2; exit 1; }
    echo "$(sed -n 's/^summary: //p' "$work/out.$1") $records"
}

set -- $(count "$short") $(count "$long")
per=$(( ($3 - $1) / ($4 - $2) ))
echo "$short: $1 instructions, $2 records"
echo "$long: $3 instructions, $4 records"
echo "instructions per record: $per (goal ≤ 1200)"
[ "$per" -le 1200 ]
