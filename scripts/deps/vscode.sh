#!/usr/bin/env bash
# The VS Code extension's tests: its npm packages (vscode-extension/node_modules), Debian's
# chromium for Playwright, and a real VS Code: code-server 4.100.3 (VS Code 1.100) installed
# into .tools/code-server with the offline sequence from /work/shared/reference/tooling.md
# (its own postinstall and @vscode/ripgrep's download cannot run here). Idempotent: a complete
# install is marked with .tools/code-server/.complete and reused.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ext="$root/vscode-extension"
cs="$root/.tools/code-server"
version=4.100.3

sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v rg >/dev/null || need+=(ripgrep)
for p in libkrb5-dev libxkbfile-dev libsecret-1-dev build-essential pkg-config; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages for the VS Code tests: ${need[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ ! -d "$ext/node_modules" ] || [ "$ext/package-lock.json" -nt "$ext/node_modules" ]; then
  echo "Installing Node packages in vscode-extension"
  (cd "$ext" && npm ci --no-audit --no-fund --loglevel=error && touch node_modules)
fi

if [ -f "$cs/.complete" ] && [ "$(cat "$cs/.complete")" = "$version" ]; then
  exit 0
fi
echo "Installing code-server $version into .tools/code-server (a few minutes, once)"
rm -rf "$cs" && mkdir -p "$cs"
cd "$cs"
echo '{"name":"sky4j-code-server","private":true}' > package.json
npm install --no-audit --no-fund --loglevel=error --ignore-scripts "code-server@$version"
npm rebuild argon2 --loglevel=error
cd node_modules/code-server/lib/vscode
npm install --no-audit --no-fund --loglevel=error --omit=dev --ignore-scripts
npm_config_yes=true npm rebuild --loglevel=error kerberos node-pty @parcel/watcher @vscode/spdlog native-watchdog @vscode/deviceid
mkdir -p node_modules/@vscode/ripgrep/bin && cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
(cd extensions && npm install --no-audit --no-fund --loglevel=error --omit=dev --ignore-scripts)
echo "$version" > "$cs/.complete"
echo "code-server $version ready in .tools/code-server"
