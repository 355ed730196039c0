#!/usr/bin/env bash
# S3 upload figures (docs/benchmarks.md, "S3 uploads"): sky4j's uploader (dev.sky4j.provision.aws.
# s3.S3Uploader, timed inside its JVM as the API server runs it) against the AWS CLI's
# `aws s3 sync` (pip awscli in .venv-awscli, wall time), on the same data, to the same real moto
# on 127.0.0.1: 1,000 small files (4 KB each), then one 1 GB file (SMALL_ONLY=1 skips it), each
# uploaded fresh and then again with nothing changed. Prints a markdown table with ratios.
# Run by hand; not part of the test command.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bash scripts/deps/aws.sh >/dev/null
if [ ! -x .venv-awscli/bin/aws ]; then
  python3 -m venv .venv-awscli
  .venv-awscli/bin/pip install -q --disable-pip-version-check awscli==1.46.2
fi
mvn -B -q -o package -DskipTests -pl aws -am
mvn -B -q -o test-compile -pl aws -am
mvn -B -q -o -pl aws dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null
# the reactor's own classes, not ~/.m2's copies of them
cp="aws/target/test-classes:aws/target/classes:server/target/classes:client/target/classes:agent/target/classes:core/target/classes:core/target/test-classes"
cp="$cp:$(tr ':' '\n' < aws/target/bench.cp | grep -v '/dev/sky4j/' | paste -sd:)"

work=$(mktemp -d "${TMPDIR:-/tmp}/s3-bench.XXXXXX")
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
.venv-moto/bin/moto_server -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
moto=$!
trap 'kill $moto 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/moto-api/" >/dev/null 2>&1 && break; sleep 0.2; done
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1
ep="http://127.0.0.1:$port"

mkdir -p "$work/small"
python3 - "$work/small" <<'PY'
import os, sys
for i in range(1000):
    d = os.path.join(sys.argv[1], "d%02d" % (i % 20))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "f%04d.bin" % i), "wb") as f:
        f.write(os.urandom(4096))
PY
sets="small"
if [ "${SMALL_ONLY:-0}" != 1 ]; then
  mkdir -p "$work/big"
  head -c 1073741824 /dev/urandom > "$work/big/one-gb.bin"
  sets="small big"
fi

ms() { python3 -c 'import time;print(int(time.time()*1000))'; }
echo "| data | aws s3 sync (ms) | sky4j cold JVM (ms) | ratio | sky4j warm (ms) | ratio | aws unchanged (ms) | sky4j unchanged (ms) | ratio |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for s in $sets; do
  out=$(java -Xmx1g -cp "$cp" dev.sky4j.provision.aws.s3.S3UploadBench "$ep" "$work/$s" "sky-$s")
  f=$(echo "$out" | sed -E 's/.*first_ms=([0-9]+).*/\1/'); a=$(echo "$out" | sed -E 's/.*again_ms=([0-9]+).*/\1/')
  w=$(echo "$out" | sed -E 's/.*warm_ms=([0-9]+).*/\1/')
  .venv-awscli/bin/aws --endpoint-url "$ep" s3 mb "s3://cli-$s" >/dev/null
  t0=$(ms); .venv-awscli/bin/aws --endpoint-url "$ep" s3 sync --only-show-errors "$work/$s" "s3://cli-$s" ; t1=$(ms)
  .venv-awscli/bin/aws --endpoint-url "$ep" s3 sync --only-show-errors "$work/$s" "s3://cli-$s" ; t2=$(ms)
  cf=$((t1 - t0)); ca=$((t2 - t1))
  label=$([ "$s" = small ] && echo "1,000 files x 4 KB" || echo "1 file x 1 GB")
  python3 -c "print('| $label | $cf | $f | %.2fx | $w | %.2fx | $ca | $a | %.2fx |' % ($cf/max($f,1), $cf/max($w,1), $ca/max($a,1)))"
done
echo
echo "ratio = AWS CLI time / sky4j time (above 1: sky4j faster). cold: the JVM's first upload ever"
echo "(SDK classes loaded and compiled during it); warm: the same upload to a second bucket in that"
echo "JVM, as in a server that has uploaded before. $(nproc) CPUs, moto 5.2.5, awscli 1.46.2."
