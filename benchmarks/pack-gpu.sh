#!/usr/bin/env bash
# Bundles one project for a GPU machine that has the NVIDIA driver (CUDA's libcuda) but no .NET: a self-contained
# linux-x64 publish (the .NET runtime travels inside), packed as .gpu/NAME.tar.xz at the repository root, where
# NAME is the project file's name. .gpu/ is git-ignored; pass it to the device call as a carried path.
#
#   here:    benchmarks/pack-gpu.sh src/PortfolioMargin.Cli/PortfolioMargin.Cli.csproj [dotnet publish args...]
#   device:  mkdir -p /tmp/app && tar -xJf .gpu/PortfolioMargin.Cli.tar.xz -C /tmp/app && /tmp/app/pm ...
#
# A test project (xunit v3 builds an executable) bundles the same way and runs as /tmp/app/NAME on the device.
#
# ReadyToRun is off by default: the CLI's composite ReadyToRun image for a runtime is about 250 MB, too big to
# carry, and a benchmark after a warm-up does not need it. Later arguments win, so -p:PublishReadyToRun=true
# turns it back on. The first run restores the linux-x64 runtime pack from NuGet.
set -euo pipefail

usage() {
    echo "usage: benchmarks/pack-gpu.sh PROJECT.csproj [dotnet publish args...]" >&2
    exit 2
}

[ $# -ge 1 ] || usage
project=$1
shift
case "$project" in
*.csproj) ;;
*) usage ;;
esac
[ -f "$project" ] || { echo "pack-gpu.sh: no project file $project" >&2; exit 2; }
command -v dotnet >/dev/null || { echo "pack-gpu.sh: dotnet is not on PATH" >&2; exit 2; }
command -v xz >/dev/null || { echo "pack-gpu.sh: xz is not installed (apt-get install xz-utils)" >&2; exit 2; }

root=$(cd "$(dirname "$0")/.." && pwd)
name=$(basename "$project" .csproj)
bundle="$root/.gpu/$name.tar.xz"
# The device call carries at most 64 MiB of ignored paths in all.
carry_limit_mib=64

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT

echo "publishing $project for linux-x64 (self-contained) ..." >&2
dotnet publish "$project" -c Release -r linux-x64 --self-contained true \
    -p:PublishSingleFile=false -p:PublishReadyToRun=false -p:PublishReadyToRunComposite=false \
    -o "$staging/app" "$@" >&2

mkdir -p "$root/.gpu"
# Multi-threaded xz at its default level: the archive unpacks with plain `tar -xJf`.
XZ_OPT=${XZ_OPT:--6 -T0} tar -cJf "$bundle.partial" -C "$staging/app" .
mv "$bundle.partial" "$bundle"

bytes=$(stat -c %s "$bundle")
mib=$(( (bytes + 1048575) / 1048576 ))
echo "$bundle: $mib MiB ($(du -sm "$staging/app" | cut -f1) MiB unpacked)"
if [ "$mib" -gt "$carry_limit_mib" ]; then
    echo "warning: over the $carry_limit_mib MiB a device call can carry" >&2
fi
exe=$(sed -n 's:.*<AssemblyName>\(.*\)</AssemblyName>.*:\1:p' "$project" | head -n 1)
echo "device: mkdir -p /tmp/app && tar -xJf .gpu/$name.tar.xz -C /tmp/app && /tmp/app/${exe:-$name} ..."
