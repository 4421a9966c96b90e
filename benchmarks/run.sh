#!/usr/bin/env bash
# B1-B3 (JMH). Builds the benchmarks and runs JMH; extra arguments go to JMH, e.g.:
#   bash benchmarks/run.sh                            # every JMH benchmark: B1, B2, B3 (~4 min) and the listener ones (~3 min)
#   bash benchmarks/run.sh CallOverheadBenchmark      # one benchmark
#   bash benchmarks/run.sh -prof gc DecodeBenchmark   # with a profiler
#   bash benchmarks/run.sh -l                         # list them
set -euo pipefail
source "$(dirname "$0")/common.sh"
exec java -cp "$BENCH_CP" org.openjdk.jmh.Main "$@"
