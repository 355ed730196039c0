#!/bin/sh
# Managed-jobs figures (docs/benchmarks.md, "Managed jobs"). Builds agent+server, then runs
# dev.sky4j.jobs.ManagedJobsBench from the server's test classpath with a 256 MiB heap. Prints a
# markdown table. Starts and kills its own node processes in a temp SKY4J_HOME.
set -eu
cd "$(dirname "$0")/.."
mvn -q -B -o -pl server -am install -DskipTests
mvn -q -B -o -pl server test-compile
mvn -q -B -pl server org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
cd server
exec java -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/test-classes:target/classes:$(cat target/bench.cp)" dev.sky4j.jobs.ManagedJobsBench
