#!/usr/bin/env bash
# Manual acceptance of the AWS path on a REAL account (docs/aws.md). Never run by the tests.
# Usage: AWS_PROFILE=<profile> scripts/aws-acceptance.sh [region]
# Costs a few cents (2 x m5.large for a few minutes); tears everything down, also on failure.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
region="${1:-${AWS_REGION:-$(aws configure get region 2>/dev/null || echo us-east-1)}}"
cluster="sky4j-accept-$(date +%H%M%S)"
sky="$root/sky"
task="$(mktemp --suffix=.yaml)"
failed=0

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1"; failed=1; }
cleanup() {
  echo "--- tearing down $cluster"
  "$sky" down -y "$cluster" >/dev/null 2>&1 || true
  left=$(aws ec2 describe-instances --region "$region" \
    --filters "Name=tag:sky4j-cluster,Values=$cluster" \
              "Name=instance-state-name,Values=pending,running,stopping,stopped" \
    --query 'Reservations[].Instances[].InstanceId' --output text 2>/dev/null)
  [ -z "$left" ] && pass "no instance of $cluster is left" || fail "instances left: $left"
  groups=$(aws ec2 describe-security-groups --region "$region" \
    --filters "Name=group-name,Values=sky4j-$cluster-ports" --query 'SecurityGroups[].GroupId' \
    --output text 2>/dev/null)
  [ -z "$groups" ] && pass "no cluster security group is left" || fail "groups left: $groups"
  rm -f "$task"
  [ "$failed" = 0 ] && echo "ALL PASSED" || echo "SOME CHECKS FAILED"
  exit "$failed"
}
trap cleanup EXIT

command -v aws >/dev/null || { echo "needs the aws CLI (to check what is left behind)"; exit 2; }
"$sky" api stop >/dev/null 2>&1 || true   # a fresh server with this shell's credentials

echo "--- sky check"
out=$("$sky" check 2>&1); echo "$out"
echo "$out" | grep -q "aws: enabled" && pass "AWS is enabled" || { fail "AWS is not enabled"; exit 1; }
echo "$out" | grep -q "arn:aws" && pass "sky check names the identity" || fail "no STS identity"

cat >"$task" <<YAML
resources:
  infra: aws/$region
  instance_type: m5.large
  disk_size: 50
  ports: 8888
num_nodes: 2
run: echo "rank \$SKYPILOT_NODE_RANK of \$SKYPILOT_NUM_NODES on \$(hostname)"
YAML

echo "--- sky launch ($cluster, 2 nodes in $region)"
out=$("$sky" launch -y -c "$cluster" "$task" 2>&1); echo "$out" | tail -20
echo "$out" | grep -q "rank 0 of 2" && echo "$out" | grep -q "rank 1 of 2" \
  && pass "output from both ranks" || fail "missing output from a rank"

ssh -o BatchMode=yes "$cluster" 'echo kept > ~/acceptance.txt; hostname' \
  && pass "ssh $cluster by name" || fail "ssh $cluster"
"$sky" exec "$cluster" -- 'echo exec-ok' 2>&1 | grep -q exec-ok && pass "sky exec" || fail "sky exec"

echo "--- stop / start"
"$sky" stop -y "$cluster" >/dev/null 2>&1 && pass "sky stop" || fail "sky stop"
"$sky" start -y "$cluster" >/dev/null 2>&1 && pass "sky start" || fail "sky start"
[ "$(ssh -o BatchMode=yes "$cluster" cat acceptance.txt 2>/dev/null)" = kept ] \
  && pass "data kept across stop/start" || fail "the file written before stop is gone"
