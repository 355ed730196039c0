#!/usr/bin/env bash
# Jupyter figures for docs/benchmarks.md ("Jupyter: %sky status and the panel's refresh"):
# `%sky status` with 100 clusters, timed in a real ipykernel (execute_request to idle, HTML and
# text rendering included) against `sky status` (the CLI, cold process) and a bare GET /status
# in the same run; and the JupyterLab panel's refresh (through the server extension's proxy)
# in headless Chromium. Usage: bench/jupyter.sh  (N=30 bench/jupyter.sh for more runs).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/deps/jupyter-ext.sh
[ -f cli/target/sky.jar ] && [ -f server/target/sky4j-server.jar ] || ./sky --version >/dev/null
SKY4J_NO_BUILD=1 ./sky --version >/dev/null   # records the class-data archive if there is none
echo "machine: $(nproc) cores, $(uname -sr); load $(cut -d' ' -f1-3 /proc/loadavg)"
exec "$root/.venv-jupyter/bin/python" bench/jupyter_bench.py
