#!/usr/bin/env bash
# make stress: 100,000 randomised scenarios (4 shards of 25,000 in parallel Neovims; seeds
# 1..100000), then the
# load cases (scripts/stress.lua load). Prints counts; exit status 1 if an invariant broke.
# STRESS_SCENARIOS=N changes the Neovim total (default 100000).
set -uo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
NVIM=${NVIM_BIN:-.deps/nvim-newest/bin/nvim}
total=${STRESS_SCENARIOS:-100000}
shards=4
per=$(( (total + shards - 1) / shards ))
rc=0
echo "== scenarios: $total seeds in $shards shards ($NVIM) =="
pids=()
for s in $(seq 0 $((shards - 1))); do
  "$NVIM" --headless --clean -l scripts/stress.lua scenarios $((s * per + 1)) "$per" </dev/null > ".deps/stress-$s.log" 2>&1 &
  pids+=($!)
done
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || rc=1
  cat ".deps/stress-$i.log"
done
echo "== load ($NVIM) =="
"$NVIM" --headless --clean -l scripts/stress.lua load </dev/null || rc=1
echo "stress: $([ $rc = 0 ] && echo "all invariants held" || echo "FAILED")"
exit $rc
