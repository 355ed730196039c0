#!/usr/bin/env bash
# The launch path's own time over the AWS simulator: `sky launch --num-nodes 4` on aws/us-east-1
# from the request to the first job output line, with the agent's Java runtime already cached on
# this machine (a warm-up launch builds it) but every VM fresh (nothing of sky4j on it: runtime
# and agent are uploaded to each). Baseline in the same run: the same 4-node launch on the local
# cloud. docs/benchmarks.md, "AWS: launch time over the simulator". Needs a built tree
# (mvn -B -q -o package -DskipTests), root, sshd and .venv-moto (scripts/deps/aws-sim.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
runs="${RUNS:-3}"
work="$(mktemp -d /tmp/sky4j-aws-launch.XXXXXX)"
export SKY4J_HOME="$work/home" SKY4J_SSH_CONFIG="$work/ssh_config" SKY4J_NO_BUILD=1
export SKY4J_API_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
unset SKY4J_API_URL SKY4J_API_TOKEN AWS_PROFILE
eval "$(scripts/aws-sim --dir "$work/sim" start)"
cleanup() {
  ./sky down -a -y >/dev/null 2>&1 || true
  ./sky api stop >/dev/null 2>&1 || true
  scripts/aws-sim --dir "$work/sim" stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# seconds from the request to the first line containing $2, and to the end (prints "first total")
timed() {
  local marker="$1"; shift
  python3 - "$marker" "$@" <<'PY'
import subprocess, sys, time
marker, cmd = sys.argv[1], sys.argv[2:]
t0 = time.monotonic(); first = None
p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
out = []
for line in p.stdout:
    out.append(line)
    if first is None and marker in line:
        first = time.monotonic() - t0
rc = p.wait(); total = time.monotonic() - t0
if rc != 0 or first is None:
    sys.stderr.write("".join(out)); sys.exit(1)
print(f"{first:.2f} {total:.2f}")
PY
}

./sky api start >/dev/null
echo "warm-up (builds the agent runtime once, starts the server)..." >&2
timed first-output ./sky launch -c warm --infra aws/us-east-1 -y -- echo first-output >/dev/null
./sky down warm -y >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
: > "$work/aws.txt"; : > "$work/local.txt"
for i in $(seq "$runs"); do
  timed "rank=0" ./sky launch -c b$i --infra aws/us-east-1 --num-nodes 4 -y -- 'echo out-$SKYPILOT_NODE_RANK' >> "$work/aws.txt"
  ./sky down b$i -y >/dev/null
  timed "rank=0" ./sky launch -c l$i --infra local --num-nodes 4 -y -- 'echo out-$SKYPILOT_NODE_RANK' >> "$work/local.txt"
  ./sky down l$i -y >/dev/null
done
aws_first=$(cut -d' ' -f1 "$work/aws.txt" | median); aws_total=$(cut -d' ' -f2 "$work/aws.txt" | median)
loc_first=$(cut -d' ' -f1 "$work/local.txt" | median); loc_total=$(cut -d' ' -f2 "$work/local.txt" | median)
echo "runs: $runs (median), 4 nodes"
printf '%-28s %8s %8s\n' "launch" "first" "total"
printf '%-28s %7ss %7ss\n' "local cloud (baseline)" "$loc_first" "$loc_total"
printf '%-28s %7ss %7ss\n' "aws/us-east-1 (simulator)" "$aws_first" "$aws_total"
python3 -c "print(f'ratio aws/local, first output: {$aws_first/$loc_first:.2f}x')"
