#!/usr/bin/env bash
# Installs everything the build and the tests need, idempotently: Debian packages (only those
# missing), then the Node packages of the language-server end-to-end tests (npm ci). Safe to run
# again; does nothing when all is there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

need=()
command -v java >/dev/null || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || need+=(maven)
command -v ssh >/dev/null || need+=(openssh-client)
command -v rsync >/dev/null || need+=(rsync)
command -v nvim >/dev/null || need+=(neovim)
command -v node >/dev/null || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

for dir in "$root"/lsp/e2e; do
  if [ -f "$dir/package-lock.json" ] && { [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules" ]; }; then
    echo "Installing Node packages in ${dir#$root/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error && touch node_modules)
  fi
done

# Python's jsonschema + PyYAML check the exported task schema (JsonSchemaExportTest): from the
# system Python when it has them, else from a venv under the repo.
if ! python3 -c "import jsonschema, yaml" 2>/dev/null && [ ! -x "$root/.venv/bin/python3" ]; then
  echo "Creating .venv with jsonschema and PyYAML"
  python3 -m venv "$root/.venv" && "$root/.venv/bin/pip" install -q jsonschema pyyaml
fi

# Each feature's own tools (moto, OpenSSH's sshd, code-server, JupyterLab, ...): one idempotent
# script per feature, so adding one never edits this file. Heavy installs cache in ignored folders.
for dep in "$root"/scripts/deps/*.sh; do
  [ -e "$dep" ] || continue
  bash "$dep"
done
