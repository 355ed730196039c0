#!/usr/bin/env bash
# Jupyter kernel figures (docs/benchmarks.md, "Jupyter kernel"): cell round trip on an attached
# local-cloud cluster vs a stock ipykernel in the same run, and %sky attach -> first result.
# Private SKY4J_HOME/API port/SSH config; launches and downs its own cluster. RUNS=200 by default.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/deps/jupyter.sh >/dev/null
tmp="$(mktemp -d)"
py="$root/.venv-jupyter/bin/python"
export SKY4J_HOME="$tmp/home" SKY4J_SSH_CONFIG="$tmp/ssh_config" SKY4J_NO_BUILD=1
export SKY4J_API_PORT="$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export JUPYTER_PATH="$tmp/prefix/share/jupyter" JUPYTER_RUNTIME_DIR="$tmp/jupyter-runtime"
export SKY4J_KERNEL_PYTHON="$py" SKY4J_KERNEL_REMOTE_PYTHON="$py" SKY4J_KERNEL_TEST_CLUSTER=kbench
trap './sky down -a -y >/dev/null 2>&1 || true; ./sky api stop >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
./sky kernel install --prefix "$tmp/prefix" >/dev/null
./sky launch -c kbench kernel/e2e/cluster.yaml >/dev/null 2>&1
"$py" bench/kernel_roundtrip.py
