#!/usr/bin/env bash
# CPU benchmark of the margin engine against the repository's numpy peer (benchmarks/peers/peer_numpy.py), side by
# side in one `pm bench` invocation per book, appending one row per run to benchmarks/RESULTS.md.
# Books come from `pm bench generate`, so nothing outside the clone is needed; the peer needs Debian's
# python3-numpy and python3-scipy. Usage: benchmarks/run-cpu.sh [S|M|L ...]   (default: S M)
set -euo pipefail
cd "$(dirname "$0")/.."
books=${BOOKS:-/tmp/pm-books-gen}
/usr/bin/python3 -c 'import numpy, scipy' 2>/dev/null || {
    echo "installing python3-numpy and python3-scipy (the peer's dependencies)" >&2
    apt-get update -qq && apt-get install -y -qq python3-numpy python3-scipy >/dev/null
}
dotnet build src/PortfolioMargin.Cli -c Release -v quiet >&2
pm="dotnet src/PortfolioMargin.Cli/bin/Release/net10.0/pm.dll"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(S M)
for size in "${sizes[@]}"; do
    # Paths per size: M at 20,000 and L at 100,000 keep a 2-core run within minutes (the books' configs say 100,000).
    case $size in
        S) paths=10000 ;;
        M) paths=20000 ;;
        L) paths=100000 ;;
        *) echo "unknown size $size (S, M or L)" >&2; exit 2 ;;
    esac
    [ -f "$books/$size/positions.csv" ] || $pm bench generate "$books/$size" "$size"
    $pm bench "$books/$size" --paths "$paths" --device "${DEVICE:-auto}" --record "${RECORD:-benchmarks/RESULTS.md}"
done
