#!/usr/bin/env bash
# Builds the bench module (and what it needs) and runs the JMH benchmarks briefly.
# Usage: bench/run-jmh.sh [JMH regex, e.g. OptimizerBench] [extra JMH args...]
# Results: printed, and bench/target/jmh-result.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o -pl bench -am package -DskipTests
filter="${1:-.}"
shift || true
java -jar bench/target/benchmarks.jar "$filter" -rf json -rff bench/target/jmh-result.json "$@"
