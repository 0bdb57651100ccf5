#!/bin/sh
# Instructions per produced record, end to end, for the engine's speed scenario
# (BenchScenarios.oneMillionPerSecond: 1 M records/s × 12 partitions × 3 groups).
#
# Runs a stripped copy of the release binary headless under callgrind for two simulated
# durations and divides the difference in instructions by the difference in records, so
# start-up and scenario loading cancel out. Goal: ≤ 1 200.
#
#   swift build -c release && scripts/instructions-per-record.sh
#
# Environment: STREAMSTAGE (binary, default .build/release/streamstage), SHORT and LONG
# (simulated durations, default 0.2s and 0.7s), RATE (records/s of the scenario, 1000000).
set -eu
cd "$(dirname "$0")/.."
binary=${STREAMSTAGE:-.build/release/streamstage}
short=${SHORT:-0.2s}
long=${LONG:-0.7s}
rate=${RATE:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The scenario text, straight from the Swift source, so the two never drift apart.
sed -n '/static let oneMillionPerSecond = """/,/^        """/p' Sources/Simulation/BenchScenarios.swift \
    | sed '1d;$d' | sed 's/^        //' > "$work/bench-1m.yaml"
strip -o "$work/streamstage" "$binary"

count() {
    valgrind --tool=callgrind --callgrind-out-file="$work/out.$1" \
        "$work/streamstage" run "$work/bench-1m.yaml" --headless --duration "$1" > /dev/null 2> "$work/err.$1"
    sed -n 's/^summary: //p' "$work/out.$1"
}

seconds() { echo "$1" | sed 's/s$//'; }

small=$(count "$short")
large=$(count "$long")
records=$(echo "($(seconds "$long") - $(seconds "$short")) * $rate" | bc)
per=$(echo "($large - $small) / $records" | bc)
echo "instructions: $small ($short) $large ($long)"
echo "records: $records"
echo "instructions per record: $per (goal ≤ 1200)"
