#!/usr/bin/env bash
# B6-B8: iterating what you change, and bulk operations. Output kept in benchmarks/target/results/.
#   bash benchmarks/bulk.sh           # all three (about 6 minutes on 2 cores)
#   B6  keyset against offset iteration of 10,000 tasks: JMH, then alternating rounds (PairedRatio)
#   B7  completeAll of 2,000 tasks at 50 ms, concurrency 8, against a plain loop (the loop alone ~100 s)
#   B8  the request pattern under a 429 storm: completeAll against 16 threads with per-call retries
set -euo pipefail
source "$(dirname "$0")/common.sh"
out=benchmarks/target/results
mkdir -p "$out"
{ date; echo "cores: $(nproc)"; java -version 2>&1; } | tee "$out/bulk-machine.txt"
echo "== load: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$BENCH_CP" org.openjdk.jmh.Main KeysetBenchmark 2>&1 | tee "$out/b6-jmh.txt"
java -cp "$BENCH_CP" io.flowsdk.bench.PairedRatio b6-keyset 2>&1 | tee "$out/b6-paired.txt"
echo "== load: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$BENCH_CP" io.flowsdk.bench.BulkThroughputBenchmark 2>&1 | tee "$out/b7.txt"
echo "== load: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$BENCH_CP" io.flowsdk.bench.BulkStormBenchmark 2>&1 | tee "$out/b8.txt"
echo "== load: $(cut -d' ' -f1-3 /proc/loadavg)"
