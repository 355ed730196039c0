#!/usr/bin/env bash
# Installs SkyPilot (the baseline for docs/benchmarks.md) into .venv-bench and makes it run offline
# on sky4j's bundled catalog, in a throw-away HOME (.venv-bench/home), never the real ~/.sky.
# Idempotent: rerunning keeps the venv and rebuilds the throw-away HOME. Needs python3 (3.11) and PyPI.
# Prints the env to use: HOME=.venv-bench/home SKYPILOT_DISABLE_USAGE_COLLECTION=1.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv-bench"
home="$venv/home"
version="${SKYPILOT_VERSION:-0.14.1}"

grep -qxF '.venv-bench/' "$root/.gitignore" || echo '.venv-bench/' >> "$root/.gitignore"

[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
# Plain `skypilot`, no cloud extras: without boto3 SkyPilot skips the AWS zone-mapping call.
if ! "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('skypilot') != '$version')" 2>/dev/null; then
  "$venv/bin/pip" install -q --disable-pip-version-check "skypilot==$version"
fi

# Catalog: sky4j's CSVs in SkyPilot's v8 layout (no md5 meta, so SkyPilot never re-downloads).
# A fresh ~/.sky each time: no state left by an earlier run (or a `sky` CLI call) leaks in.
rm -rf "$home/.sky" && mkdir -p "$home/.sky"
"$venv/bin/python" "$root/bench/skypilot_catalog.py" \
  "$root/core/src/main/resources/dev/sky4j/catalog/builtin" "$home/.sky/catalogs/v8"
# Only the clouds we have catalogs for; any other would make SkyPilot download its catalog.
printf 'allowed_clouds: [aws, gcp, azure, lambda, nebius, vast]\n' > "$home/.sky/config.yaml"

# Enabled-clouds cache instead of `sky check` (which needs credentials and the network).
HOME="$home" SKYPILOT_DISABLE_USAGE_COLLECTION=1 "$venv/bin/python" "$root/bench/skypilot_ops.py" prep
echo "SkyPilot $version ready: HOME=$home $venv/bin/python bench/skypilot_ops.py ..."
