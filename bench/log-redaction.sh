#!/bin/sh
# Log redaction figure (docs/benchmarks.md, "Log redaction"): MiB/s of the agent's StreamRedactor
# over a log-like stream in 16 KiB chunks, against a plain copy of the same chunks in the same
# run. MIB=256 by default. Builds with the reactor only (nothing is installed).
set -eu
cd "$(dirname "$0")/.."
mvn -q -B -o -pl agent -am test-compile
exec java -Dmib="${MIB:-256}" -cp agent/target/classes:agent/target/test-classes \
  dev.sky4j.agent.jobs.StreamRedactorBench
