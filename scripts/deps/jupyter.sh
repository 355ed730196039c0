#!/usr/bin/env bash
# Jupyter for the kernel and notebook-extension tests: JupyterLab, ipykernel, nbclient,
# jupyter_kernel_test, matplotlib and pytest in .venv-jupyter under the repo (shared by the
# kernel module's tests and jupyter-extension/). Idempotent.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
venv="$root/.venv-jupyter"
pkgs=("jupyterlab>=4.5,<4.7" ipykernel nbclient nbformat "jupyter_kernel_test==0.7.0" matplotlib pytest)
if [ ! -x "$venv/bin/jupyter-lab" ] || ! "$venv/bin/python" -c "import jupyter_kernel_test, nbclient, matplotlib, pytest, ipykernel" 2>/dev/null; then
  echo "Installing JupyterLab, ipykernel, nbclient, jupyter_kernel_test, matplotlib, pytest into .venv-jupyter"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "${pkgs[@]}"
fi
