#!/usr/bin/env bash
# Reproduces the robustness figures of docs/benchmarks.md: Table 1 (sensitivity and gradient attacks on MNIST), the
# LP attack on the first 200 test images, and compression of the n = 1000 MNIST model with the Theorem 5.1 bound
# (and each compressed file's size and evaluate time).
# Usage: benchmarks/robustness_figures.sh [--mnist DIR] [--out DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mnist="$root/../shared/datasets/mnist"; out="$root/.robustness"
while [ $# -gt 0 ]; do
  case "$1" in
    --mnist) mnist="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"
dotnet build "$root/src/Client" -c Release -v q -nologo >/dev/null
idl="dotnet $root/src/Client/bin/Release/net10.0/idl.dll"
d="mnist:$mnist"
$idl train --data "$d" --hidden 100 --batch 256 --epochs 8 --lr 5e-3 --kappa 0.95 --out "$out/m100.idl" --json | tail -n 1
$idl analyze --model "$out/m100.idl" --json --csv "$out/s100.csv" --heatmap "$out/s100.png"
$idl attack --model "$out/m100.idl" --data "$d" --method sensitivity --images "$out/img" --json
$idl attack --model "$out/m100.idl" --data "$d" --method gradient --images "$out/img" --json
$idl attack --model "$out/m100.idl" --data "$d" --method lp --epsilon 0.1 --limit 200 --images "$out/img" --json
$idl attack --model "$out/m100.idl" --data "$d" --method lp --epsilon 0.3 --limit 200 --json
$idl train --data "$d" --hidden 1000 --batch 1024 --epochs 5 --lr 5e-3 --kappa 0.99 --out "$out/m1000.idl" --json | tail -n 1
for c in "--rank 10" "--rank 50" "--rank 100" "--prune 0.5" "--prune 0.9" "--prune 0.5 --by sensitivity" "--prune 0.9 --by sensitivity"; do
  # shellcheck disable=SC2086
  $idl compress --model "$out/m1000.idl" --data "$d" $c --bound-samples 200 --out "$out/c.idl" --json
  # Prediction time from the compressed file, A in its stored form (factors, CSR or dense), and the file's size.
  /usr/bin/time -f "evaluate from the file: %e s" $idl evaluate --model "$out/c.idl" --data "$d"
  $idl info --model "$out/c.idl" --json | grep -o '"file_bytes":[0-9]*'
done
/usr/bin/time -f "evaluate the dense model: %e s" $idl evaluate --model "$out/m1000.idl" --data "$d"
