#!/usr/bin/env bash
# The sample backtest end to end as a user runs it: `pm backtest` as a fresh process (1,261 dates × 3 models ×
# 9 portfolios, 10,000 paths), median of 3 cold runs, then how it scales with paths and with dates (--models
# implied,ewma on a history cut to its first half). Prints dates × models × paths per second from run.json.
# Usage: benchmarks/backtest.sh   (from the repository root; builds Release first)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/PortfolioMargin.Cli -c Release -v q -nologo >/dev/null
pm() { dotnet src/PortfolioMargin.Cli/bin/Release/net10.0/pm.dll "$@"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() { # name, then pm backtest arguments
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  pm backtest --quiet --out "$work/$name" "$@" >/dev/null 2>"$work/$name.err"
  end=$(date +%s.%N)
  python3 - "$work/$name/run.json" "$start" "$end" "$name" <<'PY'
import json, sys
record = json.load(open(sys.argv[1]))
wall = float(sys.argv[3]) - float(sys.argv[2])
work = record["work"]
print(f"{sys.argv[4]:<22} wall {wall:6.1f} s  engine calls {work['engineCalls']:5d}  scenarios {work['scenarios']:>12,}  "
      f"scenario-dates/s {work['scenarios'] / wall:>12,.0f}")
PY
}

for i in 1 2 3; do run "sample-$i"; done
run paths-2000 --paths 2000
run paths-20000 --paths 20000
head -n $((1 + 630 * 4)) samples/backtest/history.csv > "$work/half.csv"
run half-dates --history "$work/half.csv" --positions samples/backtest/positions.csv --models implied,ewma
run all-dates-2-models --models implied,ewma
