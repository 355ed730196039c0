#!/usr/bin/env bash
# jupyter-extension/ against real peers: the %sky magics in a real IPython shell and a real
# ipykernel (nbclient), and the JupyterLab panel in headless Chromium (playwright-core), all
# against the real API server on the local cloud. Output (executed notebook, screenshots) goes
# to jupyter-extension/test-output/. Under SKY4J_TEST_STRICT=1 a missing prerequisite fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bash "$root/scripts/deps/jupyter-ext.sh"
if [ ! -f "$root/server/target/sky4j-server.jar" ] || [ ! -f "$root/cli/target/sky.jar" ]; then
  echo "jupyter e2e: build the jars first (mvn -B -q -o package -DskipTests)" >&2
  if [ "${SKY4J_TEST_STRICT:-}" = 1 ]; then exit 1; fi
  echo "SKIPPED"; exit 0
fi
cd "$root/jupyter-extension"
exec "$root/.venv-jupyter/bin/python" -m pytest -q -p no:cacheprovider tests "$@"
