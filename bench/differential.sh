#!/usr/bin/env bash
# Differential test: SkyPilot 0.14.1 (bench venv, offline on the bundled catalog) and `sky validate`
# over a generated corpus (examples, docs snippets, core's skypilot-compat files, mutations).
# Exit 1 when a file's verdicts differ and bench/differential-known.tsv does not explain it.
# Needs: bench/setup-skypilot.sh run once (pip), a built jar (./sky builds it). No network.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv-bench"
out="$root/bench/target/differential"
[ -x "$venv/bin/python" ] || { echo "run bench/setup-skypilot.sh first" >&2; exit 2; }
py="$venv/bin/python"
mkdir -p "$out"
start=$(date +%s)
n=$("$py" "$root/bench/differential.py" corpus "$out/corpus")
echo "corpus: $n files in $out/corpus"
files=("$out"/corpus/*.yaml)
HOME="$venv/home" SKYPILOT_DISABLE_USAGE_COLLECTION=1 "$py" "$root/bench/differential.py" skypilot \
  "${files[@]}" > "$out/skypilot.jsonl" 2> "$out/skypilot.stderr"
t_sky=$(date +%s)
(cd "$out/corpus" && "$root/sky" validate -o json --no-catalog ./*.yaml > "$out/sky4j-nocatalog.json" || true)
(cd "$out/corpus" && "$root/sky" validate -o json ./*.yaml > "$out/sky4j-catalog.json" || true)
t_ours=$(date +%s)
echo "SkyPilot verdicts: $((t_sky - start)) s; sky4j (both passes): $((t_ours - t_sky)) s"
"$py" "$root/bench/differential.py" compare "$out/corpus" "$out/skypilot.jsonl" \
  "$out/sky4j-nocatalog.json" "$out/sky4j-catalog.json" "$root/bench/differential-known.tsv" \
  "$out/report.md"
echo "report: $out/report.md"
