#!/usr/bin/env bash
# The Jupyter kernel against real peers: jupyter_kernel_test in both modes (local, and attached to
# a local-cloud cluster), interrupt and restart on a running loop, a preempted node and a stopped
# cluster under the notebook, and examples/kernel-notebook.ipynb executed by nbclient. Everything
# is private: SKY4J_HOME, API port, SSH config and Jupyter's folders live in a temporary folder.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
missing() {
  if [ "${SKY4J_TEST_STRICT:-}" = 1 ]; then echo "kernel e2e: FAIL: $1" >&2; exit 1; fi
  echo "kernel e2e: skipped: $1" >&2; exit 0
}
bash scripts/deps/jupyter.sh >/dev/null
for jar in cli/target/sky.jar server/target/sky4j-server.jar kernel/target/sky4j-kernel.jar; do
  [ -f "$jar" ] || missing "$jar is not built (mvn -B -q package -DskipTests)"
done
command -v ssh >/dev/null || missing "OpenSSH's ssh is not installed (apt-get install openssh-client)"

tmp="$(mktemp -d)"
py="$root/.venv-jupyter/bin/python"
export SKY4J_HOME="$tmp/home" SKY4J_SSH_CONFIG="$tmp/ssh_config" SKY4J_NO_BUILD=1
export SKY4J_API_PORT="$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export JUPYTER_PATH="$tmp/prefix/share/jupyter" JUPYTER_DATA_DIR="$tmp/jupyter-data"
export JUPYTER_RUNTIME_DIR="$tmp/jupyter-runtime" JUPYTER_CONFIG_DIR="$tmp/jupyter-config"
# local-cloud nodes see this host's files, so the venv's Python (with matplotlib) is there too
export SKY4J_KERNEL_PYTHON="$py" SKY4J_KERNEL_REMOTE_PYTHON="$py"
cleanup() {
  ./sky down -a -y >/dev/null 2>&1 || true
  ./sky api stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

./sky kernel install --prefix "$tmp/prefix" >/dev/null
"$py" -m jupyter kernelspec list | grep -q "sky4j .*$tmp/prefix" || { echo "kernel e2e: FAIL: jupyter does not list the installed kernelspec" >&2; exit 1; }
./sky launch -c ktest kernel/e2e/cluster.yaml >/dev/null
export SKY4J_KERNEL_TEST_CLUSTER=ktest
(cd kernel/e2e && "$py" -m pytest -q -p no:cacheprovider .)
./sky kernel uninstall --prefix "$tmp/prefix" >/dev/null
if "$py" -m jupyter kernelspec list | grep -q "sky4j "; then
  echo "kernel e2e: FAIL: the kernelspec is still listed after sky kernel uninstall" >&2; exit 1
fi
echo "kernel e2e: passed"
