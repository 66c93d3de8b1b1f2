#!/usr/bin/env bash
# Cold whole-process wall times, as a user sees them: every measurement is a fresh process of the published `pm`
# apphost (.NET start-up, JIT, reading the book, the run, writing the tables) or of a Python peer (interpreter and
# imports included), timed by /usr/bin/time with its peak resident memory.
#
#   benchmarks/cold.sh [--record FILE] [sample|S|M|L ...]     (default: sample S M; ROUNDS=5)
#
# Per book, ROUNDS rounds, each running in order `pm run` (embedded silo, the default path), `pm run --direct`,
# the numpy peer and the numba peer (benchmarks/peers/), so that a neighbour's load on a shared machine slows all
# four alike instead of whichever ran during it; the table shows medians. Paths: the sample book runs at its own
# config's 10,000, S at 10,000, M at 20,000, L at 1,000 (L is 10 million positions: parsing dominates), the same
# for the peers. Then the intraday latency (`pm intraday --latency 100`) once. With --record FILE the table is
# appended to FILE with the date, the machine, the commit and this command.
#
# Environment: ROUNDS (5), PEERS (1; 0 skips the Python peers, as for L, whose 10M positions they are not built for), PUBLISH (where the CLI is published; ${TMPDIR:-/tmp}/pm-cold-publish), BOOKS (where
# `pm bench generate` writes S, M, L; /tmp/pm-books-gen, books already there are reused).
set -euo pipefail
command_line="$(printf '%q ' "benchmarks/cold.sh" "$@")"
command_line=${command_line% } # printf leaves a space after the last word

rounds=${ROUNDS:-5}
peers=${PEERS:-1}
publish=${PUBLISH:-${TMPDIR:-/tmp}/pm-cold-publish}
books=${BOOKS:-/tmp/pm-books-gen}
record=
sizes=()
while [ $# -gt 0 ]; do
    case $1 in
        --record) record=${2:?--record needs a file}; shift 2 ;;
        sample | S | M | L) sizes+=("$1"); shift ;;
        *) echo "usage: benchmarks/cold.sh [--record FILE] [sample|S|M|L ...]" >&2; exit 2 ;;
    esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(sample S M)
[ -z "$record" ] || record=$(realpath -m "$record") # relative to where the script was started, not the repository
cd "$(dirname "$0")/.."

# The timer and the peers' Debian packages (the peers must run on Debian's python3, where these install).
if [ ! -x /usr/bin/time ] || ! /usr/bin/python3 -c 'import numpy, scipy, numba' 2>/dev/null; then
    echo "installing time python3-numpy python3-scipy python3-numba" >&2
    apt-get update -qq && apt-get install -y -qq time python3-numpy python3-scipy python3-numba >/dev/null
fi

# One publish; every run below is a fresh process of its apphost, as a user would start it. The commit is the
# one published, whatever happens to the working tree while the benchmark runs.
commit=$(git rev-parse --short HEAD)
git diff --quiet HEAD 2>/dev/null || commit="$commit+ (uncommitted changes)"
echo "publishing the CLI to $publish" >&2
# ReadyToRun for this machine's runtime (the csproj turns it on whenever a runtime is given): what README's install line does.
dotnet publish src/PortfolioMargin.Cli/PortfolioMargin.Cli.csproj -c Release --use-current-runtime -o "$publish" -v quiet -nologo >&2
pm="$publish/pm"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# timed LABEL COMMAND...: runs COMMAND once, appends "wall_s max_rss_kib" to $scratch/LABEL.times and leaves its
# stdout in $scratch/last.out. A failed run stops the benchmark with its output: a time of a failure is no time.
timed() {
    local label=$1; shift
    if ! /usr/bin/time -f '%e %M' -o "$scratch/time" "$@" >"$scratch/last.out" 2>"$scratch/last.err"; then
        echo "FAILED ($label): $*" >&2
        cat "$scratch/time" "$scratch/last.out" "$scratch/last.err" >&2
        exit 1
    fi
    tail -1 "$scratch/time" >>"$scratch/$label.times"
}

# median COLUMN FILE: the median of one column (1 wall seconds, 2 RSS KiB) of a .times file.
median() {
    cut -d' ' -f"$1" "$2" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

table=$scratch/table.md
{
    echo "| book | paths | rounds | pm run s | pm run --direct s | default/direct | numpy peer s | numba peer s (warm) | numpy/pm run | numba/pm run | pm run MiB | --direct MiB |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
} >"$table"

for size in "${sizes[@]}"; do
    case $size in
        sample) dir=samples paths= ;;
        S) dir=$books/S paths=10000 ;;
        M) dir=$books/M paths=20000 ;;
        L) dir=$books/L paths=1000 ;;
    esac
    # config.json is the generator's last file, so its presence means a whole book.
    if [ "$size" != sample ] && [ ! -f "$dir/config.json" ]; then
        echo "writing book $size to $dir" >&2
        "$pm" bench generate "$dir" "$size" >&2
    fi
    book=(--market "$dir/market.json" --positions "$dir/positions.csv" --collateral "$dir/collateral.csv" --config "$dir/config.json")
    pm_paths=() peer_paths=()
    [ -z "$paths" ] || { pm_paths=(--paths "$paths"); peer_paths=("$paths"); }

    # numba compiles on its first run and caches the machine code beside the script: quote the warm runs.
    if [ "$peers" = 1 ]; then
        echo "book $size: numba warm-up" >&2
        timed "$size-numba-warmup" /usr/bin/python3 benchmarks/peers/peer_numba.py "$dir" "${peer_paths[@]}"
    fi
    for round in $(seq "$rounds"); do
        echo "book $size: round $round of $rounds" >&2
        timed "$size-default" "$pm" run "${book[@]}" "${pm_paths[@]}" --out "$scratch/out-default"
        timed "$size-direct" "$pm" run --direct "${book[@]}" "${pm_paths[@]}" --out "$scratch/out-direct"
        if [ "$peers" = 1 ]; then
            timed "$size-numpy" /usr/bin/python3 benchmarks/peers/peer_numpy.py "$dir" "${peer_paths[@]}"
            timed "$size-numba" /usr/bin/python3 benchmarks/peers/peer_numba.py "$dir" "${peer_paths[@]}"
        fi
        rm -rf "$scratch/out-default" "$scratch/out-direct" # results of M and L are large; each run gets a fresh folder
    done
    default=$(median 1 "$scratch/$size-default.times") direct=$(median 1 "$scratch/$size-direct.times")
    if [ "$peers" = 1 ]; then
        # The peers' own paths, from their JSON (the sample's come from its config).
        shown_paths=$(/usr/bin/python3 -c 'import json, sys; print(json.loads(sys.stdin.read().splitlines()[-1])["paths"])' <"$scratch/last.out")
        numpy=$(median 1 "$scratch/$size-numpy.times") numba=$(median 1 "$scratch/$size-numba.times")
        speedups="$(ratio "$numpy" "$default") | $(ratio "$numba" "$default")"
    else
        shown_paths=${paths:-config} numpy=– numba=– speedups="– | –"
    fi
    echo "| $size | $shown_paths | $rounds | $default | $direct | $(ratio "$default" "$direct") | $numpy | $numba" \
        "| $speedups" \
        "| $(mib "$(median 2 "$scratch/$size-default.times")") | $(mib "$(median 2 "$scratch/$size-direct.times")") |" >>"$table"
done

echo "intraday latency (sample book, embedded silo)" >&2
timed intraday "$pm" intraday --market-update cluster-config/update-tsla-fall.json --latency 100
grep '^latency' "$scratch/last.out" | sed 's/^/    /' >"$scratch/intraday.txt" || {
    echo "FAILED: no latency lines in the intraday output" >&2; cat "$scratch/last.out" >&2; exit 1
}

report() {
    cat "$table"
    echo
    echo "Medians of whole-process wall seconds (\`/usr/bin/time\`, fresh processes of the published apphost and of"
    echo "Debian's python3), alternating rounds; speed-ups are peer wall / \`pm run\` wall; MiB is peak RSS."
    echo "Intraday (\`pm intraday --market-update cluster-config/update-tsla-fall.json --latency 100\`):"
    echo
    cat "$scratch/intraday.txt"
}
report

if [ -n "$record" ]; then
    cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
    {
        echo
        echo "### Cold process wall times, $(date -u +%Y-%m-%d)"
        echo
        echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB memory, ${cpu:-unknown CPU}. Commit $commit."
        echo "Command: \`ROUNDS=$rounds $command_line\`"
        echo
        report
    } >>"$record"
    echo "appended to $record" >&2
fi
