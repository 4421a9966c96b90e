#!/usr/bin/env bash
# B1 and B2 measured in alternating rounds (PairedRatio), which load from other
# processes cannot skew the way it can skew JMH's one-variant-after-the-other. About 2.5 minutes.
#   bash benchmarks/paired.sh                        # b1-jdk b1-canned b2-string b2-bytes
#   bash benchmarks/paired.sh b1-breakdown-jdk       # profile of B1: one SDK step at a time (~2 min)
#   bash benchmarks/paired.sh cc-jdk cc-canned       # client credentials (token cached) / bearer token (~70 s)
set -euo pipefail
source "$(dirname "$0")/common.sh"
exec java -cp "$BENCH_CP" io.flowsdk.bench.PairedRatio "$@"
