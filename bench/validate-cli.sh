#!/usr/bin/env bash
# Validation speed: warm in-process median (ValidateBench), cold `sky validate` process time, and
# SkyPilot's Task.from_yaml on the same file when a venv with skypilot exists at .venv-bench.
# Usage: bench/validate-cli.sh [FILE]   (build first: mvn -q -o -pl cli -am install -DskipTests
#                                        and mvn -q -o -pl core test-compile)
set -euo pipefail
cd "$(dirname "$0")/.."
FILE=${1:-bench/typical-task.yaml}
RUNS=${RUNS:-10}
JAR=cli/target/sky.jar
SNAKE=$(ls ~/.m2/repository/org/snakeyaml/snakeyaml-engine/*/snakeyaml-engine-*.jar | grep -v sources | head -1)

echo "== warm (in-process)"
java -cp core/target/classes:core/target/test-classes:$SNAKE dev.sky4j.spec.bench.ValidateBench "$FILE" 20000

if [ -x ./sky ]; then SKY=(./sky); else SKY=(java -jar "$JAR"); fi
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

echo "== cold process: ${SKY[*]} validate $FILE ($RUNS runs)"
"${SKY[@]}" validate "$FILE" >/dev/null 2>&1 || true   # page cache
ours=$(for _ in $(seq "$RUNS"); do time_ms "${SKY[@]}" validate "$FILE"; done | median)
echo "sky4j validate: median ${ours} ms"

PY=.venv-bench/bin/python
if [ -x "$PY" ] && "$PY" -c 'import sky' 2>/dev/null; then
  echo "== SkyPilot Task.from_yaml (cold python process, $RUNS runs)"
  theirs=$(for _ in $(seq "$RUNS"); do time_ms "$PY" -c "import sky; sky.Task.from_yaml('$FILE')"; done | median)
  echo "skypilot from_yaml: median ${theirs} ms"
  echo "ratio skypilot/sky4j: $(awk "BEGIN {printf \"%.1f\", $theirs / $ours}")x"
else
  echo "(no .venv-bench with skypilot: skipping the SkyPilot baseline)"
fi
