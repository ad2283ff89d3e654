#!/usr/bin/env bash
# Runs on a many-core machine with no .NET SDK, from the repository root, after benchmarks/device/bundle.sh made
# .device/ here: the cluster scaling benchmark (k silo processes × t threads) and the embedded-silo overhead
# benchmark, each output also written to $OUT (default .device/out). Prints the machine first.
#
# Usage: benchmarks/device/run.sh [--silos "1 2 4 8"] [--threads "1 2"] [--epochs E] [--hidden N] [--batch B]
#          [--limit M] [--overhead-limit M] [--overhead-reps R] [--skip-overhead] [--skip-scaling]
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
silos="1 2 4 8"; threads="1 2"; epochs=2; hidden=100; batch=4096; limit=60000; olimit=8192; oreps=2
overhead=1; scaling=1
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) silos="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --hidden) hidden="$2"; shift 2 ;;
    --batch) batch="$2"; shift 2 ;;
    --limit) limit="$2"; shift 2 ;;
    --overhead-limit) olimit="$2"; shift 2 ;;
    --overhead-reps) oreps="$2"; shift 2 ;;
    --skip-overhead) overhead=0; shift ;;
    --skip-scaling) scaling=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
out="${OUT:-$root/.device/out}"; mkdir -p "$out"
app="$(mktemp -d)"
if command -v xz >/dev/null; then tar -C "$app" -xJf "$root/.device/app.tar.xz"
else python3 -c 'import sys, tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2])' "$root/.device/app.tar.xz" "$app"; fi
app="$app/app"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
{ echo "# $(date -u +%FT%TZ) $(uname -m), $(nproc) logical CPUs"; grep -m1 "model name" /proc/cpuinfo; free -g | head -2
  git -C "$root" rev-parse --short HEAD 2>/dev/null || true; } | tee "$out/machine.txt"
if [ "$scaling" = 1 ]; then
  bash "$root/benchmarks/cluster_scaling.sh" --silos "$silos" --threads "$threads" --data "mnist:$root/.device/mnist" \
    --hidden "$hidden" --batch "$batch" --epochs "$epochs" --limit "$limit" \
    --silo-dll "$app/idl-silo" --idl-dll "$app/idl" 2>&1 | tee "$out/scaling.txt"
fi
if [ "$overhead" = 1 ]; then
  for p in float32 float64; do
    bash "$root/benchmarks/cluster_overhead.sh" --mnist "$root/.device/mnist" --limit "$olimit" --reps "$oreps" \
      --precision "$p" --idl "$app/idl" --bench "$app/Idl.ClusterBench" 2>&1 | tee "$out/overhead-$p.txt"
  done
fi
