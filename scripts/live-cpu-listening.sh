#!/usr/bin/env bash
# scripts/live-cpu.sh while a real Kafka client produces 10 000 records/s into the live run:
# `run --listen` on a free loopback port, and confluent-kafka (scripts/paced_producer.py, acks=1)
# producing 100-byte records to the default scenario's `orders` for the whole measurement.
# Same goals as live-cpu.sh (≤ 5 % of a core, ≤ 50 KB/s to the terminal).
#
#   swift build -c release --product streamstage && bash Tests/kafka/setup.sh && scripts/live-cpu-listening.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
python=$root/.venv-kafka/bin/python
[ -x "$python" ] || { echo "live-cpu-listening: no .venv-kafka; run: bash Tests/kafka/setup.sh" >&2; exit 2; }
duration=${DURATION:-30}
warmup=${WARMUP:-2}
port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

"$python" "$root/scripts/paced_producer.py" "127.0.0.1:$port" orders 10000 $((duration + warmup + 2)) &
producer=$!
trap 'kill $producer 2>/dev/null || true' EXIT
RUN_ARGS="--listen 127.0.0.1:$port" DURATION=$duration WARMUP=$warmup "$root/scripts/live-cpu.sh"
