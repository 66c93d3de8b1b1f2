#!/usr/bin/env bash
# End-of-day wall time over the sample book (10,000 paths): engine called directly (`pm run --direct`) vs one silo vs two
# silos (`pm run --cluster`, silos started beforehand and warmed by one run). Process wall times, client start
# included. Usage: benchmarks/cluster-eod.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/PortfolioMargin.Cli -c Release -v quiet >&2
pm="dotnet src/PortfolioMargin.Cli/bin/Release/net10.0/pm.dll"
scratch=$(mktemp -d)
# Only the silos this script started are stopped, by pid: another silo on the machine is not this script's.
silos=()
stop_silos() { for pid in "${silos[@]}"; do kill "$pid" 2>/dev/null || true; done; for pid in "${silos[@]}"; do wait "$pid" 2>/dev/null || true; done; silos=(); }
trap 'stop_silos; rm -rf "$scratch" runs/cluster-eod-*' EXIT
wall() { /usr/bin/time -f "%e" "$@" >/dev/null 2>"$scratch/time" || { cat "$scratch/time" >&2; exit 1; }; tail -1 "$scratch/time"; }
# A silo confines run folders to its results root (cluster-config's outputFolder, runs/): cluster runs get relative ones.
out() { case $1 in direct) echo "$scratch/$1-$2" ;; *) echo "cluster-eod-$1-$2" ;; esac; }
best() { local label=$1; shift; local best=999; for i in 1 2 3; do t=$(wall "$@" --out "$(out "$label" "$i")"); best=$(echo "$t $best" | awk '{print ($1<$2)?$1:$2}'); done; echo "| $label | $best |"; }
echo "| setup | best of 3, s |"
echo "|---|---|"
best direct $pm run --direct
$pm silo --config cluster-config/local.json >"$scratch/silo0.log" 2>&1 &
silos+=($!)
sleep 10; wall $pm run --cluster cluster-config/local.json --out cluster-eod-warm1 >/dev/null
best one-silo $pm run --cluster cluster-config/local.json
stop_silos
$pm silo --config cluster-config/multi-silo.json --instance 0 >"$scratch/m0.log" 2>&1 &
silos+=($!)
sleep 10
$pm silo --config cluster-config/multi-silo.json --instance 1 >"$scratch/m1.log" 2>&1 &
silos+=($!)
sleep 10; wall $pm run --cluster cluster-config/multi-silo.json --out cluster-eod-warm2 >/dev/null
best two-silos $pm run --cluster cluster-config/multi-silo.json
