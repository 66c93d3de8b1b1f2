#!/usr/bin/env bash
# The whole GPU run in one call on the device machine (NVIDIA driver, no .NET).
#
#   here:    benchmarks/gpu.sh prepare      # books S and M + a self-contained pm bundle into .gpu/ (git-ignored)
#   device:  bash benchmarks/gpu.sh run     # with .gpu carried; results land in $OUT (or ./gpu-results)
#
# The run times S and M (100,000 paths) on CUDA after a warm-up, checks every account's ES against the host
# backend on the same seed and inputs (gap in ES standard errors), and keeps the logs for benchmarks/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
prepare)
    shared=$(cd .. && pwd)/shared
    mkdir -p .gpu/books
    for spec in "S 200 20 8 10000" "M 2000 100 50 100000"; do
        set -- $spec
        [ -f ".gpu/books/$1/positions.csv" ] || /usr/bin/python3 "$shared/bench/book.py" ".gpu/books/$1" "$2" "$3" "$4" "$5"
    done
    "$shared/gpu/pack.sh" src/PortfolioMargin.Cli/PortfolioMargin.Cli.csproj
    du -sh .gpu
    ;;
run)
    out=${OUT:-gpu-results}
    mkdir -p "$out" /tmp/app
    tar -xJf .gpu/PortfolioMargin.Cli.tar.xz -C /tmp/app
    nvidia-smi --query-gpu=name,memory.total,clocks.max.sm --format=csv | tee "$out/gpu.txt"
    for size in S M; do
        /tmp/app/pm bench ".gpu/books/$size" --paths 100000 --device cuda --no-peer --warmups 1 --compare host 2>&1 | tee "$out/bench-$size.txt"
    done
    ;;
*)
    echo "usage: benchmarks/gpu.sh prepare|run" >&2
    exit 2
    ;;
esac
