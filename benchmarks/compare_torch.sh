#!/usr/bin/env bash
# Same-machine speed comparison against the plain PyTorch implementation (../shared/bench/torch_baseline.py) on an
# optimised BLAS: MNIST, the same thread count on both sides, same tolerance (3e-6), same kappa (0.99), same batch
# size, same epochs, same learning rate, several seeds each, runs interleaved. First prints torch's float32
# 1024x1024 product rate beside the FMA peak and the forward-product rate that Idl.Benchmarks measures in the same
# run (a baseline on a slow BLAS shows at once); then, per configuration and seed, both samples-per-second figures,
# the ratio and both test accuracies, then the means, with the load average beside each run.
#
# Usage: benchmarks/compare_torch.sh [--mnist DIR] [--epochs E] [--threads T] [--configs "100:64 1000:1024"] [--seeds "0 1 2"]
# Needs: apt-get install -y python3-torch python3-numpy libopenblas0-pthread
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${IDL_SHARED:-$root/../shared}"
[ -d "$shared/bench" ] || shared=/work/shared
mnist="$shared/datasets/mnist"
threads=1
epochs=1
configs="100:64 1000:1024"
seeds="0"
while [ $# -gt 0 ]; do
  case "$1" in
    --mnist) mnist="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --configs) configs="$2"; shift 2 ;;
    --seeds) seeds="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
source "$root/benchmarks/torch_env.sh"
dotnet build "$root/src/Client" -c Release -v q -nologo >/dev/null
dotnet build "$root/benchmarks/Idl.Benchmarks" -c Release -v q -nologo >/dev/null
idl="dotnet $root/src/Client/bin/Release/net10.0/idl.dll"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "# $(date -u +%FT%TZ) threads=$threads epochs=$epochs OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE OPENBLAS_NUM_THREADS=$OPENBLAS_NUM_THREADS load $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 - "$threads" <<'PY'
import sys, time, torch
torch.set_num_threads(int(sys.argv[1]))
x = torch.randn(1024, 1024); x @ x
best = min((lambda t0: (x @ x, time.perf_counter() - t0)[1])(time.perf_counter()) for _ in range(10))
print(f"torch {torch.__version__} float32 1024x1024x1024 product on {sys.argv[1]} thread(s): {2 * 1024**3 / best / 1e9:.1f} GFLOP/s (best of 10)")
PY
dotnet "$root/benchmarks/Idl.Benchmarks/bin/Release/net10.0/Idl.Benchmarks.dll" --n 1024 --m 1024 --precision float --ops forward \
  --reps 5 --min-ms 20 --no-mathnet --threads "$threads" 2>/dev/null | grep -E '^peak|\| forward' | sed 's/^/idl: /'
printf '%-7s %-6s %-7s %-5s %12s %12s %8s %10s %10s %6s\n' hidden batch epochs seed torch_sps idl_sps ratio torch_acc idl_acc load
for config in $configs; do
  n="${config%%:*}"; b="${config##*:}"
  for seed in $seeds; do
    load="$(cut -d' ' -f1 /proc/loadavg)"
    /usr/bin/python3 "$baseline" --data "$mnist" --hidden "$n" --batch "$b" --epochs "$epochs" --threads "$threads" \
      --lr 5e-3 --kappa 0.99 --tol 3e-6 --seed "$seed" > "$out/torch-$n-$seed.json"
    $idl train --data "mnist:$mnist" --hidden "$n" --batch "$b" --epochs "$epochs" --threads "$threads" \
      --lr 5e-3 --kappa 0.99 --tol 3e-6 --seed "$seed" --json 2>/dev/null > "$out/idl-$n-$seed.json"
    /usr/bin/python3 - "$out/torch-$n-$seed.json" "$out/idl-$n-$seed.json" "$n" "$b" "$epochs" "$seed" "$load" <<'PY'
import json, sys
t = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
i = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
tsps, isps = t[-1]["samples_per_second"], i[-1]["samples_per_second"]
print(f"{sys.argv[3]:<7} {sys.argv[4]:<6} {sys.argv[5]:<7} {sys.argv[6]:<5} {tsps:12.1f} {isps:12.1f} {isps / tsps:7.2f}x {t[-2]['test_accuracy']:10.4f} {i[-1]['test_accuracy']:10.4f} {sys.argv[7]:>6}")
PY
  done
  /usr/bin/python3 - "$out" "$n" $seeds <<'PY'
import json, statistics, sys
d, n, seeds = sys.argv[1], sys.argv[2], sys.argv[3:]
def last(p, k=-1): return [json.loads(l) for l in open(p) if l.strip()][k]
ts = [last(f"{d}/torch-{n}-{s}.json")["samples_per_second"] for s in seeds]
ids = [last(f"{d}/idl-{n}-{s}.json")["samples_per_second"] for s in seeds]
ta = [last(f"{d}/torch-{n}-{s}.json", -2)["test_accuracy"] for s in seeds]
ia = [last(f"{d}/idl-{n}-{s}.json")["test_accuracy"] for s in seeds]
print(f"mean n={n}: torch {statistics.mean(ts):.1f}/s, idl {statistics.mean(ids):.1f}/s, ratio {statistics.mean(ids) / statistics.mean(ts):.2f}x; "
      f"accuracy torch {statistics.mean(ta):.4f}, idl {statistics.mean(ia):.4f} over {len(seeds)} seed(s)")
PY
done
