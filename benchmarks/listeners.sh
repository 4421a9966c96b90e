#!/usr/bin/env bash
# B1 with listeners (ListenerOverhead): no listener, a no-op listener, Micrometer, OpenTelemetry, each
# measured side by side with a reference in alternating rounds. With a git ref as first argument the
# reference is flows-client built from that commit (e.g. the commit before listeners existed);
# otherwise it is this build without a listener. Further arguments: servers (canned, jdk).
#   bash benchmarks/listeners.sh                 # variants / no listener, canned server (~2.5 min)
#   bash benchmarks/listeners.sh 8eeef6d canned  # variants / the SDK of commit 8eeef6d (~3 min + its build)
set -euo pipefail
source "$(dirname "$0")/common.sh"
baseline=()
if [ $# -gt 0 ] && git rev-parse --verify -q "$1^{commit}" >/dev/null; then
    ref="$1"; shift
    dir="$(pwd)/benchmarks/target/baseline-$ref"
    if ! ls "$dir"/client/target/flows-client-*.jar >/dev/null 2>&1; then
        rm -rf "$dir" && mkdir -p "$dir"
        git archive "$ref" | tar -x -C "$dir"
        (cd "$dir" && ./mvnw -B -q -o -pl client -am package -DskipTests)
    fi
    jar="$(ls "$dir"/client/target/flows-client-*.jar | grep -v -e sources -e javadoc | head -1)"
    baseline=("-Dflows.bench.baselineJar=$jar")
fi
exec java "${baseline[@]}" -cp "$BENCH_CP" io.flowsdk.bench.ListenerOverhead "$@"
