#!/bin/bash
# bench/probes/cg.sh: instructions per operation of bench/probes/fanout_det.lua under callgrind.
#   bench/probes/cg.sh ts|fast|raw        (from the repository root, after make build)
# Prints (I(5 rounds) - I(0 rounds)) / 40,000. Switches the scheduler's time slice off in the
# generated lua/tsasync/scheduler.lua for the run (valgrind's slowdown would trigger it) and restores it.
set -e
mode=${1:-fast}
root=$(cd "$(dirname "$0")/../.." && pwd)
nvim=$root/.deps/nvim-newest/root/usr/bin/nvim
out=$(mktemp -d)
sched=$root/lua/tsasync/scheduler.lua
cp "$sched" "$out/scheduler.lua"
trap 'cp "$out/scheduler.lua" "$sched"; rm -rf "$out"' EXIT
sed -i 's/^SLICE_NS = 10000000$/SLICE_NS = 1e12/' "$sched"
for n in 0 5; do
  valgrind --tool=callgrind --callgrind-out-file="$out/cg.$n" "$nvim" --headless --clean \
    --cmd "set rtp^=$root" -l "$root/bench/probes/fanout_det.lua" "$mode" $n >"$out/log.$n" 2>&1 &
done
wait
a=$(awk '/^totals:/ {print $2}' "$out/cg.0"); b=$(awk '/^totals:/ {print $2}' "$out/cg.5")
echo "$mode: $(( (b - a) / 40000 )) instructions per operation"
