#!/usr/bin/env bash
# The VS Code extension (vscode-extension/): build, unit tests, the language server started as
# the extension's client starts it, the .vsix packaged and checked, then the extension in a real
# VS Code (code-server from scripts/deps/vscode.sh) driven by Playwright against the local cloud.
# A missing prerequisite fails under SKY4J_TEST_STRICT=1 (scripts/test) and skips otherwise.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ext="$root/vscode-extension"
missing() {
  if [ "${SKY4J_TEST_STRICT:-}" = 1 ]; then echo "FAIL: $1" >&2; exit 1; fi
  echo "SKIP: $1"; exit 0
}
[ -f "$root/cli/target/sky.jar" ] && [ -f "$root/server/target/sky4j-server.jar" ] \
  || missing "the jars are not built (mvn -B -q package -DskipTests)"
command -v node >/dev/null || missing "node is not installed (scripts/install-deps.sh)"
cd "$ext"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error && touch node_modules
fi
echo "-- build"; npm run -s build
echo "-- unit tests"; npm test --silent
echo "-- language server as the client starts it"; npm run -s test:lsp
echo "-- vsce package"; npm run -s package
[ -f "$root/.tools/code-server/.complete" ] || missing "code-server is not installed (bash scripts/deps/vscode.sh)"
[ -x /usr/bin/chromium ] || missing "Debian's chromium is not installed (bash scripts/deps/vscode.sh)"
echo "-- in code-server (VS Code $(node -p "require('$root/.tools/code-server/node_modules/code-server/lib/vscode/package.json').version"))"
SKY4J_E2E_SHOTS="${SKY4J_E2E_SHOTS:-$root/vscode-extension/dist/screenshots}" timeout 900 node test/e2e/code-server.e2e.mjs
