#!/usr/bin/env bash
# The language server against real clients: Node's vscode-languageserver-protocol, neovim
# headless, and side by side with yaml-language-server (see lsp/e2e/run.sh).
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/../../lsp/e2e/run.sh"
