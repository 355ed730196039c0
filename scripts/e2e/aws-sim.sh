#!/usr/bin/env bash
# The AWS simulator (scripts/aws-sim) end to end: moto, the fault proxy and simulated VMs behind
# the real OpenSSH sshd, driven by boto3 and the system's ssh client. Needs root and
# scripts/deps/aws-sim.sh; skips (or fails under SKY4J_TEST_STRICT=1) without them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
missing=""
[ "$(id -u)" = 0 ] || missing="root"
[ -x /usr/sbin/sshd ] || missing="$missing openssh-server"
[ -x "$root/.venv-moto/bin/python" ] || missing="$missing .venv-moto"
if [ -n "$missing" ]; then
  echo "aws-sim e2e: missing$missing (run scripts/deps/aws-sim.sh as root)" >&2
  [ "${SKY4J_TEST_STRICT:-0}" = 1 ] && exit 1
  exit 0
fi
exec "$root/.venv-moto/bin/python" "$root/scripts/e2e/aws_sim_smoke.py"
