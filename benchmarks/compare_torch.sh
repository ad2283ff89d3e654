#!/usr/bin/env bash
# Same-machine speed comparison against the plain PyTorch implementation (../shared/bench/torch_baseline.py):
# MNIST, one thread each, same tolerance (3e-6), same kappa, same batch sizes, same epochs, same learning rate.
# Prints both samples-per-second figures, the ratio and both test accuracies, per configuration.
#
# Usage: benchmarks/compare_torch.sh [--mnist DIR] [--epochs E] [--configs "100:64 1000:1024"]
# Needs Debian's python3-torch and python3-numpy (apt-get install -y python3-torch python3-numpy).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mnist="$root/../shared/datasets/mnist"
epochs=1
configs="100:64 1000:1024"
while [ $# -gt 0 ]; do
  case "$1" in
    --mnist) mnist="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --configs) configs="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
baseline="$root/../shared/bench/torch_baseline.py"
[ -f "$baseline" ] || { echo "missing $baseline" >&2; exit 2; }
/usr/bin/python3 -c "import torch, numpy" || { echo "install python3-torch python3-numpy" >&2; exit 2; }
dotnet build "$root/src/Client" -c Release -v q -nologo >/dev/null
idl="dotnet $root/src/Client/bin/Release/net10.0/idl.dll"
out="$(mktemp -d)"
printf '%-8s %-6s %-7s %14s %14s %7s %10s %10s\n' hidden batch epochs torch_sps idl_sps ratio torch_acc idl_acc
for config in $configs; do
  n="${config%%:*}"; b="${config##*:}"
  /usr/bin/python3 "$baseline" --data "$mnist" --hidden "$n" --batch "$b" --epochs "$epochs" --threads 1 \
    --lr 5e-3 --kappa 0.99 --tol 3e-6 > "$out/torch-$n.json"
  $idl train --data "mnist:$mnist" --hidden "$n" --batch "$b" --epochs "$epochs" --threads 1 \
    --lr 5e-3 --kappa 0.99 --tol 3e-6 --json 2>/dev/null > "$out/idl-$n.json"
  /usr/bin/python3 - "$out/torch-$n.json" "$out/idl-$n.json" "$n" "$b" "$epochs" <<'PY'
import json, sys
t = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
i = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
tsps, isps = t[-1]["samples_per_second"], i[-1]["samples_per_second"]
print(f"{sys.argv[3]:<8} {sys.argv[4]:<6} {sys.argv[5]:<7} {tsps:14.1f} {isps:14.1f} {isps / tsps:6.2f}x {t[-2]['test_accuracy']:10.4f} {i[-1]['test_accuracy']:10.4f}")
PY
done
rm -rf "$out"
