#!/usr/bin/env bash
# Builds the benchmarks and runs JMH. Extra arguments go to JMH, e.g.:
#   bash benchmarks/run.sh ParallelPagingBenchmark
#   bash benchmarks/run.sh -prof gc DecodeBenchmark
set -euo pipefail
cd "$(dirname "$0")/.."
# one reactor run, so flows-client resolves to this checkout's build, never to ~/.m2
./mvnw -B -q -pl benchmarks -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
exec java -cp "$cp" org.openjdk.jmh.Main "$@"
