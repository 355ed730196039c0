#!/usr/bin/env bash
# jupyter-extension/: the JupyterLab panel's build (npm ci from the committed lockfile, then tsc +
# `jupyter labextension build` into sky4j/labextension), the package installed editable into
# .venv-jupyter (magics, server extension, prebuilt panel), and Debian's chromium for the browser
# test (playwright-core drives /usr/bin/chromium; no browser download). Idempotent: each step runs
# only when its output is missing or older than its inputs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ext="$root/jupyter-extension"
venv="$root/.venv-jupyter"
bash "$root/scripts/deps/jupyter.sh"
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium (for the JupyterLab browser test)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get install -y -q chromium >/dev/null || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q chromium >/dev/null; }
fi
cd "$ext"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "npm ci in jupyter-extension/"
  npm ci --no-audit --no-fund --loglevel=error
fi
built="sky4j/labextension/package.json"
if [ ! -f "$built" ] || [ -n "$(find src style package.json tsconfig.json -newer "$built" -print -quit)" ]; then
  echo "Building the JupyterLab extension (tsc + jupyter labextension build)"
  log="$(mktemp)"
  if ! PATH="$venv/bin:$PATH" npm run --silent build >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"; exit 1
  fi
  rm -f "$log"
fi
if ! "$venv/bin/python" -c "import sky4j.serverext" 2>/dev/null \
   || [ ! -f "$venv/share/jupyter/labextensions/sky4j-jupyterlab/package.json" ] \
   || [ "$built" -nt "$venv/share/jupyter/labextensions/sky4j-jupyterlab/package.json" ]; then
  echo "Installing jupyter-extension/ into .venv-jupyter (editable)"
  "$venv/bin/pip" install -q --disable-pip-version-check -e "$ext"
fi
