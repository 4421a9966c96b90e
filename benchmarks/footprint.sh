#!/usr/bin/env bash
# B5: jars of the flows-client runtime class path vs a raw OkHttp + Gson client, and
# cold start (fresh JVM -> first call returned) of each, alternating.
#   bash benchmarks/footprint.sh           # 30 runs each
#   bash benchmarks/footprint.sh 20        # 20 runs each
#   bash benchmarks/footprint.sh 20 tag-probe   # then raw with / without a request tag (what the SDK's tag costs)
set -euo pipefail
source "$(dirname "$0")/common.sh"
./mvnw -B -q -f benchmarks/raw-closure/pom.xml dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -DincludeScope=runtime
RAW_CP="$(cat benchmarks/raw-closure/target/classpath.txt)"
exec java -cp "$BENCH_CP" io.flowsdk.bench.FootprintBenchmark benchmarks/target/classes "$SDK_CP" "$RAW_CP" "${1:-30}" ${2:+"$2"}
