#!/usr/bin/env bash
# Cold `sky validate` with the full catalog (every AWS instance type from offerings/aws.csv) vs
# the same files without the offerings, in one run; plus SkyPilot's Task.from_yaml on the same
# files when .venv-bench has skypilot. Three tasks: the typical one (no AWS table needed), one
# naming an AWS type (parses aws.csv + offerings/aws.csv), and one naming a type with no cloud
# (parses every cloud). Usage: bench/validate-full-catalog.sh   (build first: mvn -q -o package
# -DskipTests; runs ./sky with SKY4J_NO_BUILD=1 so it never rebuilds or installs)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-11}
export SKY4J_NO_BUILD=1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp bench/typical-task.yaml "$tmp/typical.yaml"
printf 'resources:\n  infra: aws/us-east-1\n  instance_type: m5.2xlarge\nrun: x\n' >"$tmp/aws-type.yaml"
printf 'resources:\n  instance_type: c7g.4xlarge\nrun: x\n' >"$tmp/any-type.yaml"

# baseline home: the bundled aws.csv, offerings emptied (what the catalog was before them)
base="$tmp/base-home"; mkdir -p "$base/catalogs/offerings"
cp core/src/main/resources/dev/sky4j/catalog/builtin/aws.csv "$base/catalogs/"
printf 'instance_type,accelerator_name,accelerator_count,vcpus,memory_gib,gpu_memory_gib,regions\n' \
  >"$base/catalogs/offerings/aws.csv"
full="$tmp/full-home"; mkdir -p "$full"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
cold() { local home=$1 f=$2; for _ in $(seq "$RUNS"); do SKY4J_HOME=$home time_ms ./sky validate "$f"; done | median; }

./sky validate "$tmp/typical.yaml" >/dev/null 2>&1 || true   # CDS archive, page cache
PY=.venv-bench/bin/python
echo "| task | sky4j full catalog (ms) | without offerings (ms) | SkyPilot from_yaml (ms) | SkyPilot / sky4j |"
echo "|---|---:|---:|---:|---:|"
for t in typical aws-type any-type; do
  f="$tmp/$t.yaml"
  ours=$(cold "$full" "$f"); before=$(cold "$base" "$f")
  theirs="-"; ratio="-"
  if [ -x "$PY" ] && "$PY" -c 'import sky' 2>/dev/null; then
    theirs=$(for _ in $(seq "$RUNS"); do time_ms "$PY" -c "import sky; sky.Task.from_yaml('$f')"; done | median)
    ratio=$(awk "BEGIN {printf \"%.1fx\", $theirs / $ours}")
  fi
  echo "| $t | $ours | $before | $theirs | $ratio |"
done

# The dry run asks the server (POST /optimize): a warm server in a private home and port; the
# baseline in the same run is `sky validate` of the same file (what the dry run does before asking).
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export SKY4J_API_PORT=$port
SKY4J_HOME=$full ./sky api start >/dev/null 2>&1
SKY4J_HOME=$full ./sky launch --dryrun examples/dev-gpu.yaml >/dev/null 2>&1 || true   # warm-up
dry=$(for _ in $(seq "$RUNS"); do SKY4J_HOME=$full time_ms ./sky launch --dryrun examples/dev-gpu.yaml; done | median)
val=$(cold "$full" examples/dev-gpu.yaml)
SKY4J_HOME=$full ./sky api stop >/dev/null 2>&1 || true
echo
echo "| dry run (warm server) | $dry ms | sky validate, same file | $val ms | $(awk "BEGIN {printf \"%.2fx\", $dry / $val}") |"
