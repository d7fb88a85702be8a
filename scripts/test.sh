#!/usr/bin/env bash
# scripts/test.sh [--check] [--nvim PATH]      (normally via `make test` / `make spec`)
#
# Builds (with --check: `make check` = build + committed lua/ in sync), then runs the specs lane by
# lane and ends with ONE plain line summing all lanes:  N passed, N failed, N skipped
# Exit status 0 only if every step and lane passed.
#
# Lanes (default "oldest newest puc"; LANES="newest" to run fewer):
#   oldest  every spec in spec/ (recursive) in .deps/nvim-oldest  (newest Neovim in Debian trixie)
#   newest  every spec in spec/ (recursive) in .deps/nvim-newest  (newest Neovim in forky, else sid)
#   puc     spec/core/ only, under PUC Lua 5.1 + luv (.deps/lua), no vim.*
#   types   scripts/typecheck-consumer.sh: the npm package's declarations compile in a throwaway
#           TypeScript plugin and reject its misuses (2 checks; a failure counts as 1 failed)
# --nvim PATH replaces the two Neovim lanes by one lane "nvim" running PATH.
#
# A lane counts its closing "N passed, N failed" line (spec/ci_output.lua; with -o TAP its TAP
# lines, pending ones counted as passed); one that crashes or
# prints no such line counts as 1 failed, and so does a failed build/check or a non-zero exit.
# Environment: BUSTED_ARGS (passed to busted in every lane), LANES, LANE_TIMEOUT (s, default 300).
# Every lane: XDG_{CONFIG,DATA,STATE,CACHE}_HOME under .deps/xdg/, stdin </dev/null, --clean.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
ROOT=$PWD

check=0; custom_nvim=""
while [ $# -gt 0 ]; do
  case $1 in
    --check) check=1 ;;
    --nvim) custom_nvim=${2:?--nvim needs a path}; shift ;;
    *) echo "usage: scripts/test.sh [--check] [--nvim PATH]" >&2; exit 2 ;;
  esac
  shift
done
MAKE=${MAKE:-make}
LANE_TIMEOUT=${LANE_TIMEOUT:-300}
# shell words, so that BUSTED_ARGS='--filter="two words"' works
eval "busted_args=(${BUSTED_ARGS:-})"
if [ -n "$custom_nvim" ]; then
  nvim_path=$(command -v "$custom_nvim") || { echo "test.sh: no Neovim at '$custom_nvim'" >&2; exit 2; }
  custom_nvim=$(readlink -f "$nvim_path")
  LANES=${LANES:-"nvim puc types"}
else
  LANES=${LANES:-"oldest newest puc types"}
fi

# Isolation: nothing from the user's Neovim/Lua setup leaks in (NVIM is set inside :terminal).
XDG=$ROOT/.deps/xdg
export XDG_CONFIG_HOME=$XDG/config XDG_DATA_HOME=$XDG/data XDG_STATE_HOME=$XDG/state XDG_CACHE_HOME=$XDG/cache
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_STATE_HOME" "$XDG_CACHE_HOME"
unset NVIM NVIM_APPNAME NVIM_LOG_FILE MYVIMRC VIMINIT LUA_PATH LUA_CPATH LUA_INIT LUA_INIT_5_1

# one test run per tree at a time: a concurrent run's `rm -rf lua` would break this one's lanes
mkdir -p "$ROOT/.deps"
exec 9>"$ROOT/.deps/.test.lock"
flock -n 9 || { echo "test.sh: waiting for another test run in this tree..." >&2; flock -w 900 9; }

passed=0 failed=0 skipped=0
recap=()
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# ---- build / check ------------------------------------------------------------------
t0=$(now)
step=build; [ "$check" = 1 ] && step=check
echo "== $step =="
if "$MAKE" --no-print-directory "$step" </dev/null; then
  recap+=("$(printf '%-8s ok (%s s)' "$step" "$(secs "$t0")")")
else
  failed=$((failed + 1))
  echo "-- $step FAILED (counted as 1 failed)"
  recap+=("$(printf '%-8s FAILED, counted as 1 failed (%s s)' "$step" "$(secs "$t0")")")
fi

# ---- lanes ----------------------------------------------------------------------------
# run_lane NAME LABEL CMD...   (LABEL: the exact interpreter version, for the header)
run_lane() {
  local name=$1 label=$2; shift 2
  local log rc line p f s note="" t
  echo
  echo "== lane $name: $label =="
  t=$(now)
  log=$(mktemp)
  # stdout is parsed (stderr, where Neovim's print/notify messages go, is shown but not parsed)
  set +e
  timeout -k 10 "$LANE_TIMEOUT" "$@" </dev/null | tee "$log"
  rc=${PIPESTATUS[0]}
  set -e
  # last "N passed, N failed" anywhere on a line: messages may be glued in front of it
  line=$(grep -aoE '[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?' "$log" | tail -1 || true)
  if [ -z "$line" ] && grep -aqE '^1\.\.[0-9]+$' "$log"; then   # BUSTED_ARGS="-o TAP": count the TAP lines
    line=$(awk '/^ok [0-9]+/{p++} /^not ok [0-9]+/{f++} END{printf "%d passed, %d failed, 0 skipped", p, f}' "$log")
  fi
  rm -f "$log"
  if [ -z "$line" ]; then
    p=0 f=1 s=0 note=" (no count line: crashed, exit $rc; counted as 1 failed)"
    [ "$rc" = 124 ] && note=" (timed out after ${LANE_TIMEOUT}s; counted as 1 failed)"
  else
    read -r p f s < <(echo "$line" | sed -E 's/([0-9]+) passed, ([0-9]+) failed(, ([0-9]+) skipped)?/\1 \2 \4/')
    s=${s:-0}
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1 note=" (exit $rc after the count line; counted as 1 failed)"; fi
  fi
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
  local d; d=$(secs "$t")
  echo "-- lane $name: $p passed, $f failed, $s skipped$note ($d s)"
  recap+=("$(printf '%-8s %-22s %s passed, %s failed, %s skipped%s (%s s)' "$name" "$label" "$p" "$f" "$s" "$note" "$d")")
}

missing_lane() {
  echo; echo "== lane $1: not installed ($2 missing: run 'make deps') =="
  failed=$((failed + 1))
  recap+=("$(printf '%-8s not installed (%s), counted as 1 failed' "$1" "$2")")
}

nvim_lane() {
  local name=$1 nvim=$2 ver
  if ! [ -x "$nvim" ]; then missing_lane "$name" "$nvim"; return; fi
  ver=$("$nvim" --version </dev/null 2>/dev/null | head -1) || ver=""
  [ -n "$ver" ] || ver="NVIM (unknown version)"
  local v=${ver#NVIM v}; v=${v%%[-+ ]*}
  TSASYNC_LANE=$name TSASYNC_TEST_NVIM=$nvim TSASYNC_LANE_NVIM_VERSION=$v \
    run_lane "$name" "$ver" "$nvim" --headless --clean -l spec/runner.lua "${busted_args[@]}"
}

puc_lane() {
  local lua=$ROOT/.deps/lua/bin/lua5.1 ver
  if ! [ -x "$lua" ]; then missing_lane puc "$lua"; return; fi
  ver="$("$lua" -v 2>&1 </dev/null | awk '{print $1, $2}') + luv $("$lua" -e 'io.write(require("luv").version_string())' </dev/null 2>/dev/null || echo '?')"
  TSASYNC_LANE=puc run_lane puc "$ver" "$lua" spec/puc_runner.lua spec/core "${busted_args[@]}"
}

for lane in $LANES; do
  case $lane in
    oldest|newest) nvim_lane "$lane" "$ROOT/.deps/nvim-$lane/bin/nvim" ;;
    nvim) nvim_lane nvim "${custom_nvim:?lane nvim needs --nvim PATH}" ;;
    puc) puc_lane ;;
    types) run_lane types "TypeScript consumer" bash -c 'scripts/typecheck-consumer.sh && echo "2 passed, 0 failed, 0 skipped"' ;;
    *) echo "test.sh: unknown lane '$lane' (oldest newest nvim puc types)" >&2; exit 2 ;;
  esac
done

echo
echo "== summary ($(secs "$t0") s) =="
printf '%s\n' "${recap[@]}"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
