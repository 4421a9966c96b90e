# Sourced by the benchmark scripts: builds the benchmarks (one reactor run, so flows-client
# resolves to this checkout's build, never to ~/.m2; nothing is installed) and sets
#   BENCH_CP  class path of the benchmarks (their classes, flows-client and JMH)
#   SDK_CP    runtime class path of flows-client: its jar and its runtime dependencies
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -B -q -pl benchmarks -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile=target/classpath.txt -DincludeScope=runtime
BENCH_CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
SDK_CP="$(ls client/target/flows-client-*.jar | grep -v -e sources -e javadoc | head -1):$(cat client/target/classpath.txt)"
export BENCH_CP SDK_CP
