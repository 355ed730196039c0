#!/usr/bin/env bash
# Cold whole-process times of sky4j's CLI vs SkyPilot 0.14 on the same files and the same catalog
# data (validate, show-gpus, launch --dryrun); prints a markdown table for docs/benchmarks.md.
# Usage: bench/compare-skypilot.sh            (N=10 runs per command; N=20 bench/compare-skypilot.sh)
# Needs: the sky4j jars built (./sky builds them once), python3 and PyPI for the first setup.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bench/setup-skypilot.sh >/dev/null
# Measure the jars as built (a rebuild here would race other work); build only when missing.
[ -f cli/target/sky.jar ] || ./sky --version >/dev/null
SKY4J_NO_BUILD=1 ./sky --version >/dev/null   # records the class-data archive if there is none
echo "machine: $(nproc) cores, $(uname -sr); $(java -version 2>&1 | head -1);" \
     "$(.venv-bench/bin/python --version), SkyPilot $(.venv-bench/bin/python -c 'import importlib.metadata as m; print(m.version("skypilot"))')"
.venv-bench/bin/python bench/compare_skypilot.py
