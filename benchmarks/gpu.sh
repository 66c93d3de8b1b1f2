#!/usr/bin/env bash
# The whole GPU run in one call on the device machine (NVIDIA driver, no .NET, no Python).
#
#   here:    benchmarks/gpu.sh prepare      # a self-contained pm bundle into .gpu/ (git-ignored), by pack-gpu.sh
#   device:  bash benchmarks/gpu.sh run     # with .gpu carried; results land in $OUT (or ./gpu-results)
#
# On the device, `pm bench generate` writes the S, M and L books (L is half a gigabyte of CSV, too big to carry).
# S and M run at 100,000 paths on CUDA after a warm-up, each account's ES checked against the host backend on the
# same seed and inputs (gap in ES standard errors); L runs at 100,000 paths once, with its peak device memory.
# Every bench prints the device's roofline floors (from its SM count, clocks and bus) and the measured time over
# them. Keep the logs for benchmarks/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
prepare)
    bash benchmarks/pack-gpu.sh src/PortfolioMargin.Cli/PortfolioMargin.Cli.csproj
    du -sh .gpu
    ;;
run)
    out=${OUT:-gpu-results}
    books=${BOOKS:-/tmp/pm-books}
    mkdir -p "$out" /tmp/app
    tar -xJf .gpu/PortfolioMargin.Cli.tar.xz -C /tmp/app
    nvidia-smi --query-gpu=name,memory.total,clocks.max.sm,clocks.max.mem --format=csv | tee "$out/gpu.txt"
    for size in S M L; do
        [ -f "$books/$size/positions.csv" ] || /tmp/app/pm bench generate "$books/$size" "$size"
    done
    for size in S M; do
        /tmp/app/pm bench "$books/$size" --paths 100000 --device cuda --no-peer --warmups 1 --compare host 2>&1 | tee "$out/bench-$size.txt"
    done
    /tmp/app/pm bench "$books/L" --paths 100000 --device cuda --no-peer --warmups 0 2>&1 | tee "$out/bench-L.txt"
    ;;
*)
    echo "usage: benchmarks/gpu.sh prepare|run" >&2
    exit 2
    ;;
esac
