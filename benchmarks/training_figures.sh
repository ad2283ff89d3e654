#!/usr/bin/env bash
# Reproduces the training figures of docs/benchmarks.md: MNIST implicit vs feed-forward at n = 100 and n = 1000,
# the §7.1 sine regression (BCD) vs the feed-forward baseline, and the peak memory of the n = 1000 run.
# Usage: benchmarks/training_figures.sh [--mnist DIR] [--epochs E] [--seeds "0 1 2"] [--skip-mnist] [--skip-sine]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mnist="$root/../shared/datasets/mnist"; epochs=5; seeds="0 1 2"; do_mnist=1; do_sine=1
while [ $# -gt 0 ]; do
  case "$1" in
    --mnist) mnist="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --seeds) seeds="$2"; shift 2 ;;
    --skip-mnist) do_mnist=0; shift ;;
    --skip-sine) do_sine=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
dotnet build "$root/src/Client" -c Release -v q -nologo >/dev/null
idl="dotnet $root/src/Client/bin/Release/net10.0/idl.dll"
last() { tail -n 1; }
field() { /usr/bin/python3 -c "import json,sys; o=json.loads(sys.stdin.read()); print(' '.join(str(o.get(k)) for k in sys.argv[1:]))" "$@"; }
if [ "$do_mnist" = 1 ]; then
  echo "# MNIST, $epochs epochs: model n batch -> test_accuracy per epoch | final samples/s peak_memory_bytes"
  for cfg in "100 64" "1000 1024"; do
    set -- $cfg
    for model in implicit feedforward; do
      extra=""; [ "$model" = feedforward ] && extra="--feedforward 3"
      out=$($idl train --data "mnist:$mnist" --hidden "$1" --batch "$2" --epochs "$epochs" --lr 5e-3 --kappa 0.99 --threads 1 $extra --json 2>/dev/null)
      accs=$(echo "$out" | grep '"epoch"' | /usr/bin/python3 -c "import json,sys; print(' '.join(str(json.loads(l)['test_accuracy']) for l in sys.stdin))")
      echo "$model n=$1 batch=$2 -> $accs | $(echo "$out" | last | field samples_per_second peak_memory_bytes)"
    done
  done
fi
if [ "$do_sine" = 1 ]; then
  echo "# §7.1 sine, n = 75, m = 200, kappa 0.5: seed -> train_rmse test_rmse(noise-free f, 1000 points)"
  for s in $seeds; do
    echo "implicit bcd seed $s -> $($idl train --data synthetic:sine --hidden 75 --kappa 0.5 --trainer bcd --epochs 50 --lr 1e-3 --seed "$s" --json 2>/dev/null | last | field train_rmse test_rmse)"
    echo "feedforward 3x25 seed $s -> $($idl train --data synthetic:sine --hidden 75 --feedforward 3 --epochs 400 --batch 20 --lr 3e-3 --seed "$s" --json 2>/dev/null | last | field train_rmse test_rmse)"
  done
fi
