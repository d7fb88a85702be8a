#!/usr/bin/env bash
# scripts/get-tsls.sh DIR   (normally via `make deps` / `make test`)
#
# Installs the real language server used by spec/nvim/lsp_tsls_spec.lua into DIR (.deps/tsls):
# typescript-language-server + typescript, exact pins, with npm. Idempotent: a stamp naming the
# pins makes a second run a no-op (~10 ms); a changed pin reinstalls. Only DIR is written (.deps
# may be shared between worktrees).
set -euo pipefail
dir=${1:?usage: scripts/get-tsls.sh DIR}
TSLS_VERSION=5.3.0      # 6.x requires node >= 22.22 (engines); 5.3.0 runs on node >= 20
TS_VERSION=6.0.2        # the last JavaScript TypeScript (7 is the native port, no tsserver.js)
want="typescript-language-server@$TSLS_VERSION typescript@$TS_VERSION"
stamp=$dir/.get-tsls.stamp
bin=$dir/node_modules/.bin/typescript-language-server
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$bin" ]; then exit 0; fi
command -v npm >/dev/null || { echo "get-tsls.sh: npm not found (needed for the real-server LSP specs)" >&2; exit 1; }
mkdir -p "$dir"
exec 8>"$dir/.lock"
flock -w 600 8
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$bin" ]; then exit 0; fi
rm -f "$stamp"
echo "get-tsls.sh: installing $want into $dir"
# --prefix with a package.json of its own: the project's package.json/lock are not touched
[ -f "$dir/package.json" ] || echo '{ "name": "tsasync-tsls", "private": true }' > "$dir/package.json"
# shellcheck disable=SC2086
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error --save-exact $want
"$bin" --version >/dev/null
echo "$want" > "$stamp"
