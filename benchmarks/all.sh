#!/usr/bin/env bash
# Every benchmark of the core targets (B1-B5, client credentials, threads of an iteration), one after the other; output kept in benchmarks/target/results/.
# About 11 minutes on 2 cores. The load average is printed before and after each step: the figures
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
source benchmarks/common.sh   # builds once, sets BENCH_CP (the steps below build again: quick, nothing changed)
# B1-B3 only: the listener benchmarks have their own commands (BENCHMARKS.md, "Listeners")
step jmh bash benchmarks/run.sh -prof gc -rf json -rff "$out/jmh.json" 'CallOverheadBenchmark|DecodeBenchmark|ParallelPagingBenchmark'
step paired bash benchmarks/paired.sh
step credentials bash benchmarks/paired.sh cc-jdk cc-canned
step memory bash benchmarks/memory.sh
step threads java -cp "$BENCH_CP" io.flowsdk.bench.IterationThreads
step parallel-vs-raw java -cp "$BENCH_CP" io.flowsdk.bench.ParallelPagingVsRaw
step footprint bash benchmarks/footprint.sh
echo "all done in $(( $(date +%s) - start )) s" | tee -a "$out/machine.txt"
