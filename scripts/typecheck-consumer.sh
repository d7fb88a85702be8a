#!/usr/bin/env bash
# scripts/typecheck-consumer.sh   (make typecheck-consumer)
#
# Proves the npm package works for a TypeScript plugin: `npm pack`s this repository, installs
# the tarball (offline, from the local .tgz) into a throwaway plugin project in a temp dir
# (spec/fixtures/consumer: tsconfig.json + src/main.ts + src/bad.ts), then
#  1. compiles src/main.ts with TSTL: it must succeed (its `@ts-expect-error` lines are misuses
#     that must be rejected: an unused directive fails the compile) and emit require("tsasync");
#  2. type-checks src/bad.ts: it must fail, with an error on each misuse line.
# Uses the shared node_modules' tstl/tsc and TSTL's type packages (symlinked into the project).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
ROOT=$PWD
NM=$ROOT/node_modules
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tsasync-consumer.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() { echo "typecheck-consumer: FAILED: $*" >&2; exit 1; }

npm pack --silent --pack-destination "$tmp" >/dev/null
tgz=$(ls "$tmp"/tsasync-*.tgz)
proj=$tmp/plugin
mkdir -p "$proj"
cp -r spec/fixtures/consumer/. "$proj/"
cat > "$proj/package.json" <<JSON
{ "name": "consumer-plugin", "version": "0.0.0", "private": true }
JSON
(cd "$proj" && npm install --offline --no-audit --no-fund --loglevel=error "$tgz" >/dev/null) || fail "npm install of $tgz"
[ -f "$proj/node_modules/tsasync/dist/tsasync/init.d.ts" ] || fail "the package has no dist/tsasync/init.d.ts"
[ -f "$proj/node_modules/tsasync/lua/tsasync/init.lua" ] || fail "the package has no lua/tsasync/init.lua"
mkdir -p "$proj/node_modules/@typescript-to-lua"
ln -s "$NM/@typescript-to-lua/language-extensions" "$proj/node_modules/@typescript-to-lua/language-extensions"
ln -s "$NM/lua-types" "$proj/node_modules/lua-types"

cd "$proj"
if ! out=$("$NM/.bin/tstl" -p tsconfig.json 2>&1); then
  echo "$out" >&2
  fail "src/main.ts does not compile against the package's declarations"
fi
grep -q 'require("tsasync")' lua/main.lua || fail "lua/main.lua does not require(\"tsasync\")"
echo "typecheck-consumer: src/main.ts compiles with TSTL (and each @ts-expect-error misuse is rejected)"

# bad.ts alone: every misuse line must be reported
cat > tsconfig.bad.json <<JSON
{ "extends": "./tsconfig.json", "include": ["src/bad.ts"] }
JSON
if out=$("$NM/.bin/tsc" -p tsconfig.bad.json --noEmit 2>&1); then
  fail "src/bad.ts type-checks, but its misuses must be errors"
fi
for line in 6 7 8 9; do
  grep -q "^src/bad.ts($line," <<<"$out" || { echo "$out" >&2; fail "no type error reported on src/bad.ts line $line"; }
done
echo "typecheck-consumer: src/bad.ts fails with errors on each misuse:"
grep "^src/bad.ts" <<<"$out" | sed 's/^/  /'
