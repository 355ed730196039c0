#!/bin/sh
# EC2 API calls of a 1-node and a 4-node launch through sky4j's EC2 provider, against a real moto
# (docs/benchmarks.md, "AWS: EC2 API calls per launch"). Builds the aws module in the reactor
# (package, never install), then runs dev.sky4j.provision.aws.AwsApiCallsBench from the aws
# module's test classpath. Needs .venv-moto (scripts/deps/aws.sh).
set -eu
cd "$(dirname "$0")/.."
# one reactor run, so the class path names this checkout's server/core jars, not ~/.m2's
mvn -q -B -o -pl aws -am package org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -DskipTests -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >/dev/null
cd aws
exec java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/test-classes:target/classes:$(cat target/bench.cp)" dev.sky4j.provision.aws.AwsApiCallsBench
