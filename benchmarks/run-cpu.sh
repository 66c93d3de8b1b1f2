#!/usr/bin/env bash
# CPU benchmark of the margin engine against the numpy peer, side by side in one invocation per book.
# Writes the books with shared/bench/book.py (Debian's python3-numpy, python3-scipy) and appends one row per
# run to benchmarks/RESULTS.md. Usage: benchmarks/run-cpu.sh [S|M ...]   (default: S M)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=$(cd .. && pwd)/shared
books=${BOOKS:-/tmp/pm-books}
command -v /usr/bin/python3 >/dev/null && /usr/bin/python3 -c 'import numpy, scipy' 2>/dev/null || {
    echo "installing python3-numpy and python3-scipy (the peer's and book.py's dependencies)" >&2
    apt-get update -qq && apt-get install -y -qq python3-numpy python3-scipy >/dev/null
}
dotnet build src/PortfolioMargin.Cli -c Release -v quiet >&2
pm="dotnet src/PortfolioMargin.Cli/bin/Release/net10.0/pm.dll"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(S M)
for size in "${sizes[@]}"; do
    case $size in
        S) args="200 20 8 10000"; paths=10000 ;;
        M) args="2000 100 50 100000"; paths=20000 ;;
        L) args="100000 100 200 100000"; paths=100000 ;;
        *) echo "unknown size $size" >&2; exit 2 ;;
    esac
    [ -f "$books/$size/positions.csv" ] || /usr/bin/python3 "$shared/bench/book.py" "$books/$size" $args
    $pm bench "$books/$size" --paths "$paths" --device "${DEVICE:-auto}" --record "${RECORD:-benchmarks/RESULTS.md}"
done
