#!/usr/bin/env bash
# Time to accuracy, idl against the same-algorithm PyTorch baseline (../shared/bench/torch_baseline.py) on an
# optimised BLAS: seconds of training (evaluation excluded, on both sides) until the test accuracy, evaluated after
# every epoch, first reaches the target. Runs alternate idl / baseline per seed so that load from other processes
# spoils both sides alike; a run stops as soon as it reaches its target. Prints one line per run, then per
# configuration the mean and spread of both sides and the ratio, with the load average beside them.
#
# Usage: benchmarks/time_to_accuracy.sh [--threads T] [--seeds "0 1 2"] [--max-epochs E]
#          [--configs "1000:1024:0.976 100:64:0.950"] [--mnist DIR] [-- extra idl train options]
# Needs: apt-get install -y python3-torch python3-numpy libopenblas0-pthread (the baseline refuses a slow BLAS).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${IDL_SHARED:-$root/../shared}"
[ -d "$shared/bench" ] || shared=/work/shared
mnist="$shared/datasets/mnist"
threads=1
seeds="0 1 2"
max_epochs=5
configs="1000:1024:0.976 100:64:0.950"
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads="$2"; shift 2 ;;
    --seeds) seeds="$2"; shift 2 ;;
    --max-epochs) max_epochs="$2"; shift 2 ;;
    --configs) configs="$2"; shift 2 ;;
    --mnist) mnist="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
source "$root/benchmarks/torch_env.sh"
dotnet build "$root/src/Client" -c Release -v q -nologo >/dev/null
echo "# $(date -u +%FT%TZ) threads=$threads seeds='$seeds' max_epochs=$max_epochs extra='${extra[*]:-}' OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE OPENBLAS_NUM_THREADS=$OPENBLAS_NUM_THREADS"
exec /usr/bin/python3 - "$root" "$baseline" "$mnist" "$threads" "$seeds" "$max_epochs" "$configs" "${extra[@]}" <<'PY'
import json, os, statistics, subprocess, sys
root, baseline, mnist, threads, seeds, max_epochs, configs = sys.argv[1:8]
extra = sys.argv[8:]
idl = ["dotnet", f"{root}/src/Client/bin/Release/net10.0/idl.dll"]

def load():
    return open("/proc/loadavg").read().split()[0]

def run(cmd, target):
    """Streams the per-epoch JSON lines; returns (seconds, epoch) at the first epoch reaching target, else (None, epochs)."""
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seconds, epoch, accs = 0.0, 0, []
    try:
        for line in p.stdout:
            d = json.loads(line) if line.startswith("{") else {}
            if "epoch" not in d or "test_accuracy" not in d:
                continue
            epoch, seconds = d["epoch"], seconds + d["train_seconds"]
            accs.append(d["test_accuracy"])
            if d["test_accuracy"] >= target:
                return seconds, epoch, accs
    finally:
        p.kill()
        err = p.stderr.read()
        if p.wait() not in (0, -9) and not accs:
            sys.exit(f"{cmd[0]} failed: {err[-2000:]}")
    return None, epoch, accs

print(f"{'hidden':>6} {'batch':>5} {'target':>6} {'seed':>4} {'side':>5} {'seconds':>8} {'epoch':>5} {'load':>5}  accuracy per epoch")
for config in configs.split():
    n, b, target = config.split(":")
    target = float(target)
    times = {"idl": [], "torch": []}
    for seed in seeds.split():
        common = ["--hidden", n, "--batch", b, "--epochs", max_epochs, "--threads", threads, "--lr", "5e-3", "--kappa", "0.99", "--tol", "3e-6", "--seed", seed]
        for side, cmd in (("idl", idl + ["train", "--data", f"mnist:{mnist}", *common, "--json", *extra]),
                          ("torch", ["/usr/bin/python3", baseline, "--data", mnist, *common])):
            before = load()
            secs, epoch, accs = run(cmd, target)
            times[side].append(secs)
            shown = "never" if secs is None else f"{secs:8.1f}"
            print(f"{n:>6} {b:>5} {target:6.3f} {seed:>4} {side:>5} {shown:>8} {epoch:>5} {before:>5}  {' '.join(f'{a:.4f}' for a in accs)}", flush=True)
    def summary(xs):
        got = [x for x in xs if x is not None]
        if not got:
            return "never", None
        spread = f" [{min(got):.1f}, {max(got):.1f}]" if len(got) > 1 else ""
        return f"{statistics.mean(got):.1f} s{spread} ({len(got)}/{len(xs)} reached)", statistics.mean(got)
    (ti, mi), (tt, mt) = summary(times["idl"]), summary(times["torch"])
    ratio = f"{mt / mi:.2f}x" if mi and mt else "n/a"
    print(f"time to {target} n={n} batch={b} threads={threads}: idl {ti}, torch {tt}, torch/idl {ratio}; load now {load()}")
PY
