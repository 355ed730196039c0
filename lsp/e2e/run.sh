#!/usr/bin/env bash
# Real-client end-to-end checks of `./sky lsp` (needs the jar built and scripts/install-deps.sh):
#   1. Node vscode-languageserver-protocol 3.17.5 client: diagnostics, completion, hover, --check
#   2. neovim 0.7.2 headless built-in client: diagnostics and an accelerator completion
#   3. side by side with yaml-language-server 1.25.0: fails if sky4j misses any of its errors or
#      reports an error on a valid example (prints the table docs/lsp-comparison.md records)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root/lsp/e2e"
echo "== node client"; node --test test/
echo "== neovim"; SKY4J_ROOT="$root" timeout 120 nvim --headless -u NONE -c "luafile $root/lsp/e2e/nvim/e2e.lua"
echo; echo "== comparison with yaml-language-server"; node compare.mjs
