#!/usr/bin/env bash
# The AWS simulator's simulated VMs: Debian's real OpenSSH server (sshd, run only by
# scripts/aws-sim on per-VM loopback addresses; the system's own sshd service is never started)
# and sudo (the user-data user gets NOPASSWD sudo inside each VM). moto and boto3 come from
# scripts/deps/aws.sh. Idempotent: apt-get runs only when something is missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bash "$root/scripts/deps/aws.sh"
missing=()
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
command -v sudo >/dev/null 2>&1 || missing+=(sudo)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} (apt-get; the system sshd service is not enabled or started)"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  # policy-rc.d 101: Debian's maintainer scripts must not start the system's sshd on :22.
  policy=/usr/sbin/policy-rc.d
  created=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
    $SUDO chmod 755 "$policy"
    created=1
  fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" \
    || { $SUDO apt-get update -q && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; }
  [ "$created" = 0 ] || $SUDO rm -f "$policy"
fi
