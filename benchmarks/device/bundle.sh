#!/usr/bin/env bash
# Prepares what a machine without the .NET SDK needs to run the cluster benchmarks: a self-contained linux-x64
# publish of the silo, the CLI and Idl.ClusterBench into one folder (they share one runtime, so the three together
# cost one runtime's size), packed as .device/app.tar.xz, plus a copy of MNIST (gzip IDX) in .device/mnist.
# .device/ is git-ignored; pass it as carry to the device tool and start benchmarks/device/run.sh there.
#
# Usage: benchmarks/device/bundle.sh [--mnist DIR] [--runtime linux-x64]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
mnist="$root/../shared/datasets/mnist"; rid=linux-x64
while [ $# -gt 0 ]; do
  case "$1" in
    --mnist) mnist="$2"; shift 2 ;;
    --runtime) rid="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
out="$root/.device"; app="$out/app"
rm -rf "$out"; mkdir -p "$app" "$out/mnist"
for project in src/Silo src/Client benchmarks/Idl.ClusterBench; do
  echo "publishing $project ($rid, self-contained)" >&2
  dotnet publish "$root/$project" -c Release -r "$rid" --self-contained -o "$app" -v q -nologo >&2
done
cp "$mnist"/*.gz "$out/mnist/"
tar -C "$out" -cJf "$out/app.tar.xz" app && rm -rf "$app"
du -sh "$out"/* >&2
