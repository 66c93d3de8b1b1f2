#!/usr/bin/env bash
# Scaling of end-to-end time with accounts and with paths: 4 sizes along each axis, as a Markdown table
# (benchmarks/scaling.md) and a PNG plot (benchmarks/scaling.png, matplotlib from Debian's python3-matplotlib).
# Books of 100 positions per account on 50 underlyings, sizes `pm bench generate` has no name for, come from the
# in-repo benchmarks/peers/book.py (numpy; the same books as the rows already in scaling.md).
# Usage: benchmarks/scaling.sh   (DEVICE=host|cpu|cuda to pick the backend; default auto)
set -euo pipefail
cd "$(dirname "$0")/.."
books=${BOOKS:-/tmp/pm-books/scaling}
/usr/bin/python3 -c 'import numpy, matplotlib' 2>/dev/null || {
    apt-get update -qq && apt-get install -y -qq python3-numpy python3-scipy python3-matplotlib >/dev/null
}
dotnet build src/PortfolioMargin.Cli -c Release -v quiet >&2
pm="dotnet src/PortfolioMargin.Cli/bin/Release/net10.0/pm.dll"
results=$(mktemp)
run() { # axis accounts paths
    local dir="$books/a$2"
    [ -f "$dir/positions.csv" ] || /usr/bin/python3 benchmarks/peers/book.py "$dir" "$2" 100 50 "$3" >/dev/null
    $pm bench "$dir" --paths "$3" --device "${DEVICE:-auto}" --no-peer | sed -n "s/^result /$1 /p" >>"$results"
}
for accounts in 250 500 1000 2000; do run accounts "$accounts" 20000; done
for paths in 5000 10000 20000 40000; do run paths 500 "$paths"; done
/usr/bin/python3 benchmarks/plot_scaling.py "$results" benchmarks/scaling.md benchmarks/scaling.png
cat benchmarks/scaling.md
