#!/usr/bin/env bash
# Kill-point sweep for docs/benchmarks.md ("Kill-point sweep"): 58 points across launch, exec,
# stop, start, down, autostop and managed-job recovery; each kills a node, freezes its SSH or
# kills the API server, then checks every command ends within 30 s and nothing is left behind.
# Usage: bench/killpoints.sh [--quick] [--only=launch,exec]   (about 25 min in full on 2 cores)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ -f cli/target/sky.jar ] && [ -f server/target/sky4j-server.jar ] || ./sky --version >/dev/null
exec python3 bench/killpoints.py "$@"
