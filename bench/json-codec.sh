#!/usr/bin/env bash
# The hand-written JSON codec against jackson-jr (issue 9): cold start-up of a JVM that reads a
# `sky status` answer and writes a request once (the CLI's JSON work per command), with and
# without an AppCDS archive as ./sky uses, against a JVM that does no JSON at all (baseline);
# then warm read/write times per document. Also times the real ./sky status and ./sky validate.
# Usage: bench/json-codec.sh   (build first: mvn -q -o -pl bench,cli -am package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-21}
M2=~/.m2/repository/com/fasterxml/jackson
CP=$(ls core/target/sky4j-core-*.jar | grep -v sources | head -1):bench/target/sky4j-bench-0.1.0-SNAPSHOT.jar:$M2/jr/jackson-jr-objects/2.23.0/jackson-jr-objects-2.23.0.jar:$M2/core/jackson-core/2.23.0/jackson-core-2.23.0.jar
OPTS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto)
MAIN=dev.sky4j.bench.JsonCodecBench
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# the three variants run in turn within each round, so load from other processes on a shared
# machine falls on all of them alike
for cds in off on; do
  echo "== cold JVM, read a 5-cluster status answer + write a request once ($RUNS rounds, AppCDS $cds)"
  for codec in none hand jr; do
    if [ "$cds" = on ]; then
      java "${OPTS[@]}" -XX:ArchiveClassesAtExit="$tmp/$codec.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
        -cp "$CP" $MAIN cold $codec >/dev/null 2>&1
    fi
  done
  for _ in $(seq "$RUNS"); do
    for codec in none hand jr; do
      extra=()
      [ "$cds" = on ] && extra=(-XX:SharedArchiveFile="$tmp/$codec.jsa" -Xlog:cds=off)
      echo "$codec $(time_ms java "${OPTS[@]}" "${extra[@]}" -cp "$CP" $MAIN cold $codec)"
    done
  done > "$tmp/cold-$cds"
  for codec in none hand jr; do
    echo "$codec: median $(awk -v c=$codec '$1 == c {print $2}' "$tmp/cold-$cds" | median) ms"
  done
done

echo "== warm, per document (20-cluster status answer)"
java -XX:+UseSerialGC -cp "$CP" $MAIN warm ${WARM:-20000} | tail -1

if [ -x ./sky ]; then
  echo "== ./sky (hand-written codec), $RUNS runs each"
  export SKY4J_HOME="$tmp/home" SKY4J_API_PORT=${SKY4J_API_PORT:-47991}
  ./sky status >/dev/null 2>&1 || true   # starts the server, trains the CDS archive
  echo "sky status: median $(for _ in $(seq "$RUNS"); do time_ms ./sky status; done | median) ms"
  echo "sky validate examples/hello.yaml: median $(for _ in $(seq "$RUNS"); do time_ms ./sky validate examples/hello.yaml; done | median) ms"
  ./sky api stop >/dev/null 2>&1 || true
fi
