#!/usr/bin/env bash
# What a request costs the generated server: builds landmine-server in release (wrk from
# Debian's packages when missing) and runs cost.py, which writes Benchmarks/results/cost.md.
#
#   Benchmarks/cost/run.sh [cost.py options, such as --rounds 3 --seconds 5]
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v wrk > /dev/null; then
    echo "installing wrk (Debian package)…" >&2
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk > /dev/null; else sudo apt-get install -y wrk; fi
fi
swift build -c release --product landmine-server >&2
python3 Benchmarks/cost/cost.py --server .build/release/landmine-server --results Benchmarks/results/cost.md "$@"
