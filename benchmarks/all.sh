#!/usr/bin/env bash
# Every benchmark (B1-B5), one after the other; output kept in benchmarks/target/results/.
# About 10 minutes on 2 cores. The load average is printed before and after each step: the figures
# are ratios of variants measured side by side, but a busy machine widens their error bars.
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/target/results
mkdir -p "$out"
{ date; echo "cores: $(nproc)"; java -version 2>&1; } | tee "$out/machine.txt"
step() {
    local name="$1"; shift
    echo "== $name, load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/$name.txt"
    "$@" 2>&1 | tee -a "$out/$name.txt"
    echo "== $name, load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/$name.txt"
}
start=$(date +%s)
# B1-B3 only: the listener benchmarks have their own commands (BENCHMARKS.md, "Listeners")
step jmh bash benchmarks/run.sh -prof gc -rf json -rff "$out/jmh.json" 'CallOverheadBenchmark|DecodeBenchmark|ParallelPagingBenchmark'
step paired bash benchmarks/paired.sh
step memory bash benchmarks/memory.sh
step footprint bash benchmarks/footprint.sh
echo "all done in $(( $(date +%s) - start )) s" | tee -a "$out/machine.txt"
