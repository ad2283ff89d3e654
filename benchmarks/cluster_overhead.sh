#!/usr/bin/env bash
# Overhead of the embedded one-silo cluster against the single-process trainer on the same run: MNIST, n = 1000,
# batch 1024, 1 epoch, float64 unless --precision float32 (both paths train in the given precision), Adam,
# constant rate, no warm start. Prints per-epoch training seconds of each, their ratio, the
# single-process phase_seconds and the cluster's span totals (step, shard.forward, shard.adjoint, aggregate, project,
# checkpoint, evaluate, grain calls) from benchmarks/Idl.ClusterBench, which hosts the silo as `idl train --shards`.
#
# Usage: benchmarks/cluster_overhead.sh [--mnist DIR] [--hidden N] [--batch B] [--epochs E] [--limit M] [--reps R] [--precision float32|float64]
#          [--idl PATH --bench PATH]
# --idl / --bench take published builds of src/Client and benchmarks/Idl.ClusterBench (a .dll, or the executable of a
# self-contained publish, as benchmarks/device/bundle.sh makes) instead of building them here.
# --limit M trains on the first M samples only (the test set stays whole); --reps R repeats the three (single, bench, CLI), interleaved.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mnist="$root/../shared/datasets/mnist"; hidden=1000; batch=1024; epochs=1; limit=""; reps=1; precision=float64
idl_app=""; bench_app=""
while [ $# -gt 0 ]; do
  case "$1" in
    --mnist) mnist="$2"; shift 2 ;;
    --hidden) hidden="$2"; shift 2 ;;
    --batch) batch="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --limit) limit="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    --precision) precision="$2"; shift 2 ;;
    --idl) idl_app="$2"; shift 2 ;;
    --bench) bench_app="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -z "$idl_app" ] || [ -z "$bench_app" ]; then
  dotnet build "$root/src/Client" -c Release -v q -nologo >/dev/null
  dotnet build "$root/benchmarks/Idl.ClusterBench" -c Release -v q -nologo >/dev/null
  idl_app="$root/src/Client/bin/Release/net10.0/idl.dll"
  bench_app="$root/benchmarks/Idl.ClusterBench/bin/Release/net10.0/Idl.ClusterBench.dll"
fi
# A .dll runs on the installed dotnet; anything else is a published executable.
launcher() { if [[ "$1" == *.dll ]]; then echo "dotnet $1"; else echo "$1"; fi; }
idl="$(launcher "$idl_app")"; bench="$(launcher "$bench_app")"
common=(--data "mnist:$mnist" --hidden "$hidden" --batch "$batch" --epochs "$epochs" --lr 5e-3 --kappa 0.99 --seed 0)
[ -n "$limit" ] && common+=(--limit "$limit")
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
for r in $(seq 1 "$reps"); do
  echo "rep $r: single process" >&2
  $idl train "${common[@]}" --precision "$precision" --json 2>/dev/null > "$out/single-$r.json"
  echo "rep $r: embedded silo (Idl.ClusterBench, spans)" >&2
  $bench "${common[@]}" --shards 1 --precision "$precision" > "$out/bench-$r.json"
  echo "rep $r: embedded silo through the CLI: idl train --shards 1" >&2
  $idl train "${common[@]}" --shards 1 --precision "$precision" --json 2>/dev/null > "$out/cli-$r.json"
done
"${PYTHON:-python3}" - "$out" "$reps" <<'PY'
import json, sys, os
out, reps = sys.argv[1], int(sys.argv[2])
lines = lambda p: [json.loads(l) for l in open(os.path.join(out, p)) if l.strip()]
single = [[l for l in lines(f"single-{r}.json") if "epoch" in l and not l.get("final")] for r in range(1, reps + 1)]
bench = [json.loads(open(os.path.join(out, f"bench-{r}.json")).read()) for r in range(1, reps + 1)]
cli = [[l for l in lines(f"cli-{r}.json") if "epoch" in l and not l.get("final")] for r in range(1, reps + 1)]
s_train = [sum(e["train_seconds"] for e in run) / len(run) for run in single]
b_train = [sum(e["train_seconds"] for e in b["epochs"]) / len(b["epochs"]) for b in bench]
c_train = [sum(e["train_seconds"] for e in run) / len(run) for run in cli]
print("per-epoch train seconds, each rep: single " + " ".join(f"{x:.2f}" for x in s_train)
      + " | embedded silo (bench) " + " ".join(f"{x:.2f}" for x in b_train) + " | embedded silo (idl train --shards 1) " + " ".join(f"{x:.2f}" for x in c_train))
print(f"ratio embedded/single, best of each: {min(b_train) / min(s_train):.3f} (bench), {min(c_train) / min(s_train):.3f} (CLI); means {sum(b_train) / sum(s_train):.3f}, {sum(c_train) / sum(s_train):.3f}")
print(f"test accuracy: single {single[0][-1].get('test_accuracy')}, embedded {bench[0]['epochs'][-1]['test_accuracy']}, CLI {cli[0][-1].get('test_accuracy')}")
print("single-process phase_seconds (rep 1, last epoch): " + json.dumps(single[0][-1].get("phase_seconds")))
best = bench[b_train.index(min(b_train))]
print("embedded-silo spans (best rep): name count total_s")
for name, v in best["spans"].items():
    print(f"  {name:<60} {v['count']:>6} {v['seconds']:>9.3f}")
sp = {k.split("/", 1)[1]: v["seconds"] for k, v in best["spans"].items() if k.startswith("Idl.Training/")}
step = sp.get("step", 0)
compute = sp.get("shard.forward", 0) + sp.get("shard.adjoint", 0)
inner = compute + sp.get("aggregate", 0) + sp.get("project", 0)
print(f"step breakdown: step {step:.3f} s = shard compute {compute:.3f} ({compute / step:.1%}) + aggregate {sp.get('aggregate', 0):.3f}"
      f" + project {sp.get('project', 0):.3f} + rest (calls, serialization, parameter packing, optimizer) {step - inner:.3f} ({(step - inner) / step:.1%})"
      if step else "no step spans recorded")
PY
