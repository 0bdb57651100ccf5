#!/usr/bin/env bash
# Runs the real streamstage binary live (full screen) in tmux at the default scenario, with
# `htop -d 15` beside it in the same tmux server as the reference, and reports for each over the
# same window: CPU share of one core (utime+stime from /proc/PID/stat) and bytes per second
# written to its terminal (tmux pipe-pane). Goals for streamstage: ≤ 5 % of a core, ≤ 50 KB/s.
#
#   swift build -c release --product streamstage && scripts/live-cpu.sh        # 30 s
#   DURATION=10 scripts/live-cpu.sh                                            # shorter
#   RUN_ARGS='--listen 19092' scripts/live-cpu.sh                              # more `run` arguments
#
# Exit status: 0 when both goals are met, 1 when one is not, 2 when it cannot measure.
set -euo pipefail

duration=${DURATION:-30}
warmup=${WARMUP:-2}
cols=${COLS:-120}
rows=${ROWS:-40}
root=$(cd "$(dirname "$0")/.." && pwd)
binary=${STREAMSTAGE:-$root/.build/release/streamstage}

for tool in tmux htop; do
    command -v "$tool" >/dev/null || { echo "live-cpu: $tool is missing (apt-get install $tool)" >&2; exit 2; }
done
[ -x "$binary" ] || { echo "live-cpu: no $binary; run: swift build -c release --product streamstage" >&2; exit 2; }

# The tmux server outlives its first client: it must not inherit a caller's pipes beyond
# stdin/stdout/stderr (a test harness would wait on them forever).
for descriptor in /proc/$$/fd/*; do
    number=${descriptor##*/}
    if [ "$number" -gt 2 ] && [ "$number" != 255 ]; then eval "exec $number>&-"; fi
done

work=$(mktemp -d)
socket="$work/tmux.sock"
app_pid=
ref_pid=
cleanup() {
    for pid in $app_pid $ref_pid; do kill "$pid" 2>/dev/null || true; done
    tmux -S "$socket" kill-server </dev/null >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

# Starts `command` in its own tmux session once its output is piped to a file; prints its pid.
start() {
    local name=$1 command=$2
    tmux -S "$socket" new-session -d -s "$name" -x "$cols" -y "$rows" -c "$root" \
        "sleep 0.5; exec $command" </dev/null >/dev/null 2>&1
    tmux -S "$socket" pipe-pane -t "$name" -o "cat >> '$work/$name.out'" </dev/null
    tmux -S "$socket" display-message -p -t "$name" '#{pane_pid}' </dev/null
}

# utime+stime of a process in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# Bytes written to a session's terminal so far.
bytes() { stat -c %s "$work/$1.out" 2>/dev/null || echo 0; }

app_pid=$(start streamstage "'$binary' run ${RUN_ARGS:-}")
ref_pid=$(start htop "htop -d 15")
sleep "$warmup"
for pid in "$app_pid" "$ref_pid"; do
    [ -r "/proc/$pid/stat" ] || { echo "live-cpu: process $pid exited early" >&2; exit 2; }
done

app_ticks0=$(cpu_ticks "$app_pid"); ref_ticks0=$(cpu_ticks "$ref_pid")
app_bytes0=$(bytes streamstage); ref_bytes0=$(bytes htop)
start_ns=$(date +%s%N)
sleep "$duration"
app_ticks1=$(cpu_ticks "$app_pid"); ref_ticks1=$(cpu_ticks "$ref_pid")
app_bytes1=$(bytes streamstage); ref_bytes1=$(bytes htop)
end_ns=$(date +%s%N)

hz=$(getconf CLK_TCK)
awk -v seconds="$(( (end_ns - start_ns) / 1000000 ))" -v hz="$hz" -v cols="$cols" -v rows="$rows" \
    -v at="$app_ticks0" -v at1="$app_ticks1" -v ab="$app_bytes0" -v ab1="$app_bytes1" \
    -v rt="$ref_ticks0" -v rt1="$ref_ticks1" -v rb="$ref_bytes0" -v rb1="$ref_bytes1" '
BEGIN {
    seconds /= 1000
    app_cpu = (at1 - at) / hz / seconds * 100; app_rate = (ab1 - ab) / seconds
    ref_cpu = (rt1 - rt) / hz / seconds * 100; ref_rate = (rb1 - rb) / seconds
    printf "live at %dx%d for %.1f s (default scenario)\n", cols, rows, seconds
    printf "%-22s %12s %14s  %s\n", "PROCESS", "CPU % CORE", "TERMINAL B/S", "GOAL"
    printf "%-22s %12.2f %14.0f  %s\n", "streamstage run", app_cpu, app_rate, "<= 5 % and <= 50000 B/s"
    printf "%-22s %12.2f %14.0f  %s\n", "htop -d 15", ref_cpu, ref_rate, "reference"
    met = app_cpu <= 5 && app_rate <= 50000
    printf "goals %s\n", met ? "met" : "NOT met"
    exit met ? 0 : 1
}'
