#!/bin/sh
# scripts/dist-types.sh  (run by `make build` after tstl)
# Completes dist/, the TypeScript declarations TSTL emitted from src/ ("declaration" in
# tsconfig.json), into what the npm package ships as its "types":
#  - dist/tsasync/lsp/protocol.d.ts: the generated LSP protocol types (a .d.ts source is not emitted);
#  - dist/tsasync/init.d.ts references the global declarations the public types use (the `vim`
#    namespace and luv handles in types/*.d.ts, shipped in the package's types/ folder).
# A TypeScript plugin then gets them with `import * as ts from "tsasync"` (see README, TypeScript).
set -eu
cd "$(dirname "$0")/.."
cp src/tsasync/lsp/protocol.d.ts dist/tsasync/lsp/protocol.d.ts
init=dist/tsasync/init.d.ts
head -n 1 "$init" | grep -qx '/\*\* @noSelfInFile \*/' || { echo "dist-types.sh: $init does not start with @noSelfInFile" >&2; exit 1; }
{
  head -n 1 "$init"
  for f in types/*.d.ts; do printf '/// <reference path="../../%s" />\n' "$f"; done
  tail -n +2 "$init"
} > "$init.tmp"
mv "$init.tmp" "$init"
