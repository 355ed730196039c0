#!/usr/bin/env bash
# The real CLI and server with the AWS provider jar found at run time, against a real moto:
# `sky check` names the STS identity with moto's credentials and gives plain advice without any.
# Needs .venv-moto (scripts/deps/aws.sh) and the built jars (mvn package).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
moto="$root/.venv-moto/bin/moto_server"
missing() {
  if [ "${SKY4J_TEST_STRICT:-}" = 1 ]; then echo "FAIL: $1" >&2; exit 1; fi
  echo "SKIP: $1" >&2; exit 0
}
[ -x "$moto" ] || missing "moto_server (run scripts/deps/aws.sh)"
[ -f "$root/aws/target/sky4j-aws.jar" ] || missing "aws/target/sky4j-aws.jar (run mvn package)"
[ -f "$root/cli/target/sky.jar" ] || missing "cli/target/sky.jar (run mvn package)"

work="$(mktemp -d)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
api=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$moto" -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
export SKY4J_HOME="$work/home" SKY4J_API_PORT="$api" SKY4J_SSH_CONFIG="$work/ssh_config" SKY4J_NO_BUILD=1
sky() { java -jar "$root/cli/target/sky.jar" "$@"; }
cleanup() {
  sky api stop >/dev/null 2>&1 || true
  kill "$moto_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 100); do curl -s "http://127.0.0.1:$port/moto-api/" >/dev/null && break; sleep 0.1; done

fail() { echo "FAIL: $1"; echo "--- output:"; cat "$work/out"; exit 1; }

# with moto's credentials
jar="$root/cli/target/sky.jar"
moto_env=(AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_ACCESS_KEY_ID=testing
  AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1)
# the server inherits the environment of the CLI that starts it: a fresh one per case
env "${moto_env[@]}" java -jar "$jar" check >"$work/out" 2>&1 || true
grep -q "aws: enabled" "$work/out" || fail "aws is not enabled with moto credentials"
grep -q "arn:aws:" "$work/out" || fail "sky check does not name the STS identity"
grep -q "local: enabled" "$work/out" || fail "the local cloud is no longer enabled"
grep -q "testing" "$work/out" && fail "sky check printed the secret key"

# without any credentials: a fresh server that sees none
sky api stop >/dev/null 2>&1 || true
env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_PROFILE -u AWS_SESSION_TOKEN \
  AWS_SHARED_CREDENTIALS_FILE="$work/none" AWS_CONFIG_FILE="$work/none" \
  java -jar "$jar" check >"$work/out" 2>&1 || true
grep -q "aws: disabled" "$work/out" || fail "aws is enabled without credentials"
grep -q "aws configure" "$work/out" || fail "sky check gives no advice without credentials"
echo "PASS: sky check with and without AWS credentials (the server found the aws jar)"
