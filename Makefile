# tsasync: TypeScript (TypeScriptToLua) -> lua/, tested with busted in headless Neovim + PUC Lua 5.1.
#   make deps    npm ci (from package-lock.json) + two Neovims from Debian's archive + busted/lua5.1
#                .debs, all into node_modules/ and .deps/ (no root-wide changes)
#                + typescript-language-server/typescript into .deps/tsls (real-server LSP specs)
#   make build   rm -rf lua && tstl: src/tsasync/*.ts -> lua/tsasync/*.lua; fails on type errors
#   make generate         every generated source (generate-lsp, ...); commit the results
#   make generate-lsp     src/tsasync/lsp/protocol.d.ts from the newest Neovim's LSP meta files
#   make typecheck-consumer  build, npm pack, install the tarball into a throwaway TypeScript plugin
#                (spec/fixtures/consumer) and compile it with TSTL: the declarations work and
#                reject misuse (scripts/typecheck-consumer.sh, ~12 s, offline)
#   make doc     doc/tsasync.txt (:help) from the doc comments in src/ (scripts/gen-doc.js; also
#                part of `make build`)
#   make check   build, then fail if the committed lua/, dist/ or doc/tsasync.txt differs from
#                the fresh build
#   make test    deps, check, then the specs on every lane (scripts/test.sh):
#                  oldest = newest Neovim in Debian trixie, newest = newest in forky (else sid),
#                  puc    = spec/core/ under PUC Lua 5.1 + luv,
#                  types  = scripts/typecheck-consumer.sh (the npm package compiles in a TS plugin);
#                ends with one line "N passed, N failed, N skipped" over all lanes
#   make spec    same as test without `check` (for development: lua/ need not be committed)
#   make generate  rerun scripts/gen-uv.lua with the newest Neovim: src/tsasync/uv/generated.ts
#                from $VIMRUNTIME/lua/uv/_meta.lua (the output is committed)
#   make demo    nvim --headless --clean -l scripts/demo.lua with the newest Neovim
#   make bench   deps + build, then bench/run.lua in the newest Neovim: the 10 cases of bench/cases/,
#                each 5 times per side (tsasync, raw baseline) in fresh Neovim processes; prints
#                the table and writes bench/RESULTS.md (BENCH_CASES="1,3" BENCH_REPS=3: a subset)
#   make stress  deps + build, then scripts/stress.sh: 100,000 randomised scenarios (4 parallel
#                shards in the newest Neovim, STRESS_SCENARIOS=N to change) and the load cases
#                (100,000 tasks, 1,000,000 channel messages, 10,000 file reads, with the max lag
#                of a 10 ms main-loop timer); prints counts, fails only on a broken invariant
#   make clean   remove node_modules/ and .deps/
# Variables:
#   NVIM=path        test/spec/demo with that one Neovim (+ the PUC lane) instead of the downloaded ones
#   BUSTED_ARGS=...  passed to busted in every lane, e.g. BUSTED_ARGS="--filter=timer"
#   LANES="newest"   run only some lanes (oldest newest puc types; "nvim puc types" with NVIM=)

DEPS        := .deps
NVIM_OLDEST := $(DEPS)/nvim-oldest/bin/nvim
NVIM_NEWEST := $(DEPS)/nvim-newest/bin/nvim
LUA_DEPS    := $(DEPS)/lua
LUA_STAMP   := $(LUA_DEPS)/.get-lua-debs.stamp
NODE_STAMP  := node_modules/.tsasync-lock-hash
TSLS_STAMP  := $(DEPS)/tsls/.get-tsls.stamp
TSTL        := node_modules/.bin/tstl

# Only an NVIM given on the command line counts: Neovim's :terminal exports NVIM (its socket).
ifeq ($(origin NVIM),command line)
  LANE_NVIMS :=
  TEST_ARGS  := --nvim "$(NVIM)"
  DEMO_NVIM  := $(NVIM)
else
  LANE_NVIMS := $(NVIM_OLDEST) $(NVIM_NEWEST)
  TEST_ARGS  :=
  DEMO_NVIM  := $(NVIM_NEWEST)
endif

export BUSTED_ARGS LANES LANE_TIMEOUT BENCH_CASES BENCH_REPS BENCH_WRITE

XDG      := $(CURDIR)/$(DEPS)/xdg
TEST_ENV := XDG_CONFIG_HOME=$(XDG)/config XDG_DATA_HOME=$(XDG)/data XDG_STATE_HOME=$(XDG)/state XDG_CACHE_HOME=$(XDG)/cache

.PHONY: node-deps deps build doc check typecheck-consumer test spec demo bench stress clean generate generate-lsp generate-uv $(LUA_STAMP) $(TSLS_STAMP) $(NVIM_OLDEST) $(NVIM_NEWEST)

deps: node-deps $(LUA_STAMP) $(NVIM_OLDEST) $(NVIM_NEWEST) $(TSLS_STAMP)

# npm ci only when node_modules is missing or was installed from another package-lock.json (its
# hash is kept in the stamp): file dates are no guide when several worktrees share node_modules.
node-deps:
	@h=$$(sha256sum package-lock.json | cut -c1-64); \
	if [ ! -f node_modules/.package-lock.json ] || [ "$$(cat $(NODE_STAMP) 2>/dev/null)" != "$$h" ]; then \
	  npm ci --no-audit --no-fund --loglevel=error && echo "$$h" > $(NODE_STAMP); fi

# The download scripts are always run: when installed they are ~50 ms no-ops that also verify
# the install. The lua .debs come first: they bring the patchelf used for the Neovims.
$(LUA_STAMP):
	@scripts/get-lua-debs.sh $(LUA_DEPS)

$(NVIM_OLDEST) $(NVIM_NEWEST): $(LUA_STAMP)
	@PATCHELF=$(CURDIR)/$(LUA_DEPS)/bin/patchelf scripts/get-nvim.sh $(patsubst $(DEPS)/nvim-%/bin/nvim,%,$@) $(DEPS)/nvim-$(patsubst $(DEPS)/nvim-%/bin/nvim,%,$@)

# Always run: a ~10 ms no-op once installed (the stamp names the pinned versions).
$(TSLS_STAMP):
	@scripts/get-tsls.sh $(DEPS)/tsls

generate: generate-lsp generate-uv

# The LSP protocol's TypeScript declarations, from the newest Neovim's runtime files.
generate-lsp: $(NVIM_NEWEST)
	$(NVIM_NEWEST) --headless --clean -l scripts/gen-lsp-types.lua "" src/tsasync/lsp/protocol.d.ts

# lua/ is generated only: wiped before each build so outputs of deleted sources disappear.
# TSTL writes its output even on type errors, but exits non-zero (2): the recipe fails then.
# dist/ (TypeScript declarations for the npm package), lua/tsasync/_meta.lua (LuaCATS
# annotations for lua-language-server) and doc/tsasync.txt (:help, from the doc comments) come
# out of the same build; all are committed and checked.
build: node-deps
	rm -rf lua dist
	$(TSTL) -p tsconfig.json
	@scripts/dist-types.sh
	@node scripts/gen-luacats.js dist/tsasync lua/tsasync/_meta.lua
	@node scripts/gen-doc.js doc/tsasync.txt

# The help file alone (no TypeScript compiler needed): edit the doc comments, then `make doc`.
doc:
	node scripts/gen-doc.js doc/tsasync.txt

# CI: the committed Lua must be exactly what the committed TypeScript compiles to.
# `git status --porcelain` (not `git diff --exit-code`) so new untracked files count too.
check: build
	@if [ -n "$$(git status --porcelain -- lua dist doc)" ]; then \
	  git status --short -- lua dist doc; git --no-pager diff --stat -- lua dist doc; \
	  echo "lua/, dist/ or doc/tsasync.txt is out of date: run 'make build' and commit them"; exit 1; fi

typecheck-consumer: build
	@scripts/typecheck-consumer.sh

# scripts/test.sh runs `make check` (test) or `make build` (spec) itself, so that a failure there
# is counted in the final line too.
test: node-deps $(LUA_STAMP) $(TSLS_STAMP) $(LANE_NVIMS)
	@MAKE="$(MAKE)" scripts/test.sh --check $(TEST_ARGS)

spec: node-deps $(LUA_STAMP) $(TSLS_STAMP) $(LANE_NVIMS)
	@MAKE="$(MAKE)" scripts/test.sh $(TEST_ARGS)

# ts.uv's wrappers and cleanup metadata, from the newest Neovim's luv annotations.
generate-uv: $(if $(LANE_NVIMS),$(NVIM_NEWEST))
	$(TEST_ENV) $(DEMO_NVIM) --headless --clean -l scripts/gen-uv.lua </dev/null

demo: build $(if $(LANE_NVIMS),$(NVIM_NEWEST))
	@if [ ! -f scripts/demo.lua ]; then \
	  echo "make demo: scripts/demo.lua does not exist yet (it comes with the runtime); nothing to run"; \
	else \
	  $(TEST_ENV) $(DEMO_NVIM) --headless --clean --cmd 'set rtp^=$(CURDIR)' -l scripts/demo.lua </dev/null; \
	fi

# The cases run in the Neovim that runs bench/run.lua (vim.v.progpath).
bench: node-deps $(LUA_STAMP) $(if $(LANE_NVIMS),$(NVIM_NEWEST))
	@$(MAKE) --no-print-directory build
	@mkdir -p $(XDG)/config $(XDG)/data $(XDG)/state $(XDG)/cache
	@$(TEST_ENV) $(DEMO_NVIM) --headless --clean -l bench/run.lua </dev/null

stress: node-deps $(LUA_STAMP) $(if $(LANE_NVIMS),$(NVIM_NEWEST))
	@$(MAKE) --no-print-directory build
	@mkdir -p $(XDG)/config $(XDG)/data $(XDG)/state $(XDG)/cache
	@$(TEST_ENV) NVIM_BIN="$(DEMO_NVIM)" scripts/stress.sh

clean:
	rm -rf node_modules $(DEPS)
