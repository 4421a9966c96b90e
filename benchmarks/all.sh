#!/usr/bin/env bash
# Every benchmark of issue 7 (B1-B5), one after the other, output kept in benchmarks/target/results/.
# About 10 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/target/results
mkdir -p "$out"
{ date; nproc; java -version 2>&1; } | tee "$out/machine.txt"
bash benchmarks/run.sh -prof gc -rf json -rff "$out/jmh.json" 2>&1 | tee "$out/jmh.txt"
bash benchmarks/memory.sh 2>&1 | tee "$out/memory.txt"
bash benchmarks/footprint.sh 2>&1 | tee "$out/footprint.txt"
