#!/usr/bin/env bash
# Sweep overhead: the wall time of `idl sweep` over a kappa x n grid against the sum of the wall times of its trials
# run alone (`idl train --shards 1`, same data, epochs and seed). Without early stopping the two do the same work, so
# the difference is the sweep's scheduling, persistence and parallelism (a ratio below 1 means the sweep's
# concurrency paid off; run with --sweep-args "--concurrency 1" for pure overhead, if the sweep has that option).
#
# Usage: benchmarks/sweep_overhead.sh [--data SPEC] [--kappa "0.5,0.9"] [--hidden "32,64"] [--epochs E] [--seed S]
#          [--sweep-args "..."]   (extra options passed to idl sweep as they are)
# Exits 3 when this build has no `idl sweep`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data=digits; kappas="0.5,0.9"; hiddens="32,64"; epochs=3; seed=1; sweep_args=""
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data="$2"; shift 2 ;;
    --kappa) kappas="$2"; shift 2 ;;
    --hidden) hiddens="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --sweep-args) sweep_args="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
dotnet build "$root/src/Client" -c Release -v q -nologo >/dev/null
idl="dotnet $root/src/Client/bin/Release/net10.0/idl.dll"
# `idl sweep --help` exits 0 even without the command (the root help is shown), so look for it in the command list.
if ! $idl --help 2>/dev/null | sed -n '/^Commands:/,$p' | grep -qE '^ +sweep '; then echo "this build has no 'idl sweep'; nothing measured" >&2; exit 3; fi
now() { date +%s.%N; }
start=$(now)
# shellcheck disable=SC2086 # sweep_args is a list of options on purpose
$idl sweep --data "$data" --kappa "$kappas" --hidden "$hiddens" --epochs "$epochs" --seed "$seed" $sweep_args --json > /dev/null 2>&1
sweep=$(echo "$(now) - $start" | bc)
alone=0; trials=0
for kappa in ${kappas//,/ }; do
  for hidden in ${hiddens//,/ }; do
    start=$(now)
    $idl train --data "$data" --kappa "$kappa" --hidden "$hidden" --epochs "$epochs" --seed "$seed" --shards 1 --json > /dev/null 2>&1
    alone=$(echo "$alone + $(now) - $start" | bc); trials=$((trials + 1))
  done
done
printf 'trials %d: sweep wall %.2f s, trials alone %.2f s in all, ratio %.3f\n' "$trials" "$sweep" "$alone" "$(echo "$sweep / $alone" | bc -l)"
