#!/bin/sh
# Local cloud and SSH figures (docs/benchmarks.md, "Local cloud and SSH").
# Builds agent+server, then runs dev.sky4j.provision.local.LocalCloudBench from the server's
# test classpath. Prints a markdown table. Starts and kills its own node processes.
set -eu
cd "$(dirname "$0")/.."
mvn -q -B -o -pl server -am install -DskipTests
mvn -q -B -o -pl server test-compile
mvn -q -B -pl server org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
cd server
exec java -cp "target/test-classes:target/classes:$(cat target/bench.cp)" dev.sky4j.provision.local.LocalCloudBench
