#!/usr/bin/env bash
# Installs the real LSP clients the language-server end-to-end tests drive, idempotently:
# neovim from Debian (only when nvim is missing), and the Node client + yaml-language-server
# pinned in lsp/e2e/package-lock.json (npm ci, only when node_modules is missing or stale).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v nvim >/dev/null; then
  echo "Installing neovim (Debian)"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq neovim >/dev/null
fi

e2e="$root/lsp/e2e"
if [ ! -d "$e2e/node_modules" ] || [ "$e2e/package-lock.json" -nt "$e2e/node_modules" ]; then
  echo "Installing Node packages in lsp/e2e (npm ci)"
  (cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error && touch node_modules)
fi
