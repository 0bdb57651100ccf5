#!/usr/bin/env bash
# Creates .venv-oracle with asciinema 2.4.0 and pyte 0.8.2, the recordings' test oracles.
# Idempotent: does nothing when the venv already has both.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-oracle
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import pyte, asciinema' 2>/dev/null; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install -q asciinema==2.4.0 pyte==0.8.2
