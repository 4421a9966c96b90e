#!/usr/bin/env bash
# B4: iterate 1,000,000 tasks (10,000 pages of 100) in a JVM with -Xmx64m, at
# parallelism 1 and 8, one fresh JVM each; prints heap used after GC along the way and its slope.
#   bash benchmarks/memory.sh              # 10,000 pages, parallelism 1 and 8
#   bash benchmarks/memory.sh 2000 1       # pages, then the parallelisms to run
set -euo pipefail
source "$(dirname "$0")/common.sh"
pages="${1:-10000}"
shift || true
parallelisms=("$@")
[ ${#parallelisms[@]} -gt 0 ] || parallelisms=(1 8)
for p in "${parallelisms[@]}"; do
    java -Xmx64m -cp "$BENCH_CP" io.flowsdk.bench.MemoryBenchmark "$p" "$pages"
    echo
done
