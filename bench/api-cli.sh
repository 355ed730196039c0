#!/usr/bin/env bash
# API server and CLI figures for docs/benchmarks.md ("API server and CLI"): sky exec to first
# output, sky status with 500 clusters, a fresh local launch to first output, and SkyPilot's
# `sky status` (empty state, offline) as the baseline when bench/setup-skypilot.sh has run.
# Usage: bench/api-cli.sh  (N=20 bench/api-cli.sh for more runs). Cleans up its clusters/servers.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# Measure the jars as built (a rebuild here would race other work); build only when missing.
[ -f cli/target/sky.jar ] && [ -f server/target/sky4j-server.jar ] || ./sky --version >/dev/null
SKY4J_NO_BUILD=1 ./sky --version >/dev/null   # records the class-data archive if there is none
echo "machine: $(nproc) cores, $(uname -sr); $(java -version 2>&1 | head -1)"
exec python3 bench/api_cli.py
