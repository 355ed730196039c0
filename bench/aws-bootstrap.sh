#!/usr/bin/env bash
# Bootstrap's Java options for a fresh VM, measured on this host (docs/benchmarks.md, "Bootstrap
# onto a fresh VM"): (a) a jlinked runtime of only the agent's modules, built here and uploaded;
# (b) the distribution's JRE, installed by the node (apt-get): its .deb download and unpack.
# Then the real bootstrap of a 2-node simulated cluster (OpenSshBootstrapSimTest), whose
# progress lines give bytes uploaded per node and time per node (first install, then cached).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/agent/target/sky4j-agent.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -o -pl agent -am package -DskipTests)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ms() { date +%s%3N; }

t0=$(ms); mods=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 "$jar"); t1=$(ms)
jlink --add-modules "$mods" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$work/jre"; t2=$(ms)
tar -C "$work/jre" -czf "$work/jre.tgz" .; t3=$(ms)
echo "jlink: modules $mods"
echo "jlink: jdeps $((t1-t0)) ms, jlink $((t2-t1)) ms, tar.gz $((t3-t2)) ms; image $(du -sk "$work/jre" | cut -f1) KB, upload $(stat -c %s "$work/jre.tgz") bytes"
t4=$(ms); mkdir "$work/x"; tar -xzf "$work/jre.tgz" -C "$work/x"; t5=$(ms)
echo "jlink: unpack on the node $((t5-t4)) ms; agent jar $(stat -c %s "$jar") bytes"

if (cd "$work" && apt-get download -q openjdk-17-jre-headless >/dev/null 2>&1); then
  deb=$(ls "$work"/openjdk-17-jre-headless_*.deb)
  t6=$(ms); dpkg -x "$deb" "$work/deb"; t7=$(ms)
  echo "distro JRE: .deb $(stat -c %s "$deb") bytes (downloaded by the node), unpacked $(du -sk "$work/deb" | cut -f1) KB in $((t7-t6)) ms (dpkg -x only: no configure, no dependencies)"
else
  echo "distro JRE: apt-get download failed here (offline?)"
fi

cd "$root"
rm -f aws/target/bootstrap-progress.log
t8=$(ms)
mvn -B -q -o -pl aws -am test -Dtest=OpenSshBootstrapSimTest -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
t9=$(ms)
echo "simulated bootstrap (OpenSshBootstrapSimTest, $((t9-t8)) ms in all):"
grep "agent up" aws/target/bootstrap-progress.log
