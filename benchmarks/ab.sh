#!/usr/bin/env bash
# Whole-process A/B wall times of two pm builds on one book, alternating, cold each time (a fresh process).
#   benchmarks/ab.sh PM_A PM_B BOOK_DIR [PATHS] [ROUNDS] [-- extra pm run flags, e.g. --direct]
# PM_A and PM_B are pm.dll paths (run with `dotnet`) or apphosts. Prints one line per run and the medians, and
# the stage timings of B's last run (run.json), so a change's cost shows as a process figure, not an in-process one.
# Example (the cost of a commit on book M, 20,000 paths, --direct and the default path):
#   git worktree add /tmp/pm-a HEAD~1 && dotnet build /tmp/pm-a/src/PortfolioMargin.Cli -c Release
#   dotnet build src/PortfolioMargin.Cli -c Release
#   benchmarks/ab.sh /tmp/pm-a/src/PortfolioMargin.Cli/bin/Release/net10.0/pm.dll \
#       src/PortfolioMargin.Cli/bin/Release/net10.0/pm.dll /tmp/pm-books-gen/M 20000 3 -- --direct
set -euo pipefail
[ $# -ge 3 ] || { sed -n 2,9p "$0"; exit 2; }
a=$1 b=$2 book=$3 paths=${4:-} rounds=${5:-3}
shift $(( $# < 5 ? $# : 5 ))
[ "${1:-}" = "--" ] && shift
extra=("$@")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
runner() { case $1 in *.dll) echo dotnet "$1" ;; *) echo "$1" ;; esac; }
flags=(--market "$book/market.json" --positions "$book/positions.csv" --collateral "$book/collateral.csv" --config "$book/config.json" --quiet)
[ -z "$paths" ] || flags+=(--paths "$paths")
declare -a ta tb
for round in $(seq 1 "$rounds"); do
    for side in a b; do
        pm=$([ $side = a ] && runner "$a" || runner "$b")
        out="$scratch/out-$side-$round"
        start=$(date +%s.%N)
        $pm run "${flags[@]}" "${extra[@]}" --out "$out" >/dev/null 2>"$scratch/err"
        seconds=$(python3 -c "import sys; print(round(float(sys.argv[1]) - float(sys.argv[2]), 2))" "$(date +%s.%N)" "$start")
        echo "round $round $side: $seconds s"
        if [ $side = a ]; then ta+=("$seconds"); else tb+=("$seconds"); fi
    done
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
ma=$(median "${ta[@]}") mb=$(median "${tb[@]}")
echo "median A $ma s, B $mb s, B/A $(python3 -c "import sys; print(round(float(sys.argv[2]) / float(sys.argv[1]), 3))" "$ma" "$mb")"
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print('B stages ms:', {k: round(v) for k, v in r['stageTimingsMs'].items()}, 'attributionRevaluations:', r.get('attributionRevaluations'))" "$scratch/out-b-$rounds/run.json"
