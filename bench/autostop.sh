#!/bin/sh
# Autostop figures (docs/benchmarks.md, "Autostop"): idle deadline -> STOPPED and the sky stop
# path -> STOPPED on the local cloud. Builds agent+server, then runs
# dev.sky4j.provision.local.AutostopBench from the server's test classpath (RUNS=5 by default).
# Prints a markdown table. Starts and kills its own node processes in a temp SKY4J_HOME.
set -eu
cd "$(dirname "$0")/.."
mvn -q -B -o -pl server -am install -DskipTests
mvn -q -B -o -pl server test-compile
mvn -q -B -pl server org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
cd server
exec java -Druns="${RUNS:-5}" -cp "target/test-classes:target/classes:$(cat target/bench.cp)" \
  dev.sky4j.provision.local.AutostopBench
