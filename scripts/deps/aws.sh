#!/usr/bin/env bash
# The AWS simulator's Python side: moto's server (EC2, S3, STS, IAM wire protocol) and boto3, in
# .venv-moto under the repo. Idempotent: does nothing when the pinned versions are there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
venv="$root/.venv-moto"
want="moto[server]==5.2.5"
if [ ! -x "$venv/bin/moto_server" ] || ! "$venv/bin/python" -c "import moto, boto3, flask_cors" 2>/dev/null; then
  echo "Installing $want and boto3 into .venv-moto"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "$want" boto3
fi
