#!/usr/bin/env bash
# Reproduces the robustness figures of docs/benchmarks.md: Table 1 (sensitivity and gradient attacks on MNIST, every
# ranking --target offers, sparse and dense) on the implicit n = 100 model and on a feed-forward net in implicit form,
# the LP attack on the first 200 test images, and compression of the n = 1000 MNIST model with the Theorem 5.1 bound
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
# Table 1 on one model: sparse (each chosen pixel replaced by a uniform random value in its range) with both readings
# of each ranking, then dense (±ε on the chosen pixels, ε in raw pixel units, pixels in [0, 1]).
table1() {
  local model="$1" img="$out/img-$(basename "$1" .idl)"
  for r in "sensitivity outputs" "sensitivity label" "gradient label" "gradient loss"; do
    # shellcheck disable=SC2086
    set -- $r
    $idl attack --model "$model" --data "$d" --method "$1" --target "$2" --images "$img" --json
  done
  for e in 0.1 0.3 1; do
    for m in sensitivity gradient; do
      $idl attack --model "$model" --data "$d" --method "$m" --perturbation dense --epsilon "$e" --epsilon-units raw --images "$img" --json
    done
  done
}
table1 "$out/m100.idl"
# The paper's setting: a feed-forward net of ~98 % (784-300-300-10, ReLU) attacked through its implicit form.
$idl train --data "$d" --hidden 600 --feedforward 2 --batch 128 --epochs 10 --lr 1e-3 --schedule cosine --out "$out/ff600.idl" --json | tail -n 1
$idl analyze --model "$out/ff600.idl" --json --heatmap "$out/s600ff.png"
table1 "$out/ff600.idl"
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
