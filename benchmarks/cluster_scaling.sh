#!/usr/bin/env bash
# Scaling on one machine: for each k in --silos and t in --threads, starts k silo processes (deploy/local-cluster.sh,
# localhost clustering, DOTNET_PROCESSOR_COUNT = t each), trains on them with k * t shards (one single-threaded
# shard per compute thread) and reports the training samples per second of the last epoch (the first carries JIT
# warm-up), then stops the silos. Runs as-is on a machine with many cores: e.g. --silos "1 2 4 8" --threads "1 2".
#
# Usage: benchmarks/cluster_scaling.sh [--silos "1 2"] [--threads "1"] [--data SPEC] [--hidden N] [--batch B]
#          [--epochs E] [--limit M] [--silo-dll PATH] [--idl-dll PATH] [--silo-port P] [--gateway-port G] [--no-build]
# --silo-dll / --idl-dll take published builds (dotnet publish src/Silo, src/Client: the .dll, or the executable of a
# self-contained publish, as benchmarks/device/bundle.sh makes) and imply --no-build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
silos_list="1 2"; threads_list="1"; data="mnist:$root/../shared/datasets/mnist"; hidden=100; batch=4096; epochs=2
limit=16384; build=1; silo_port=21111; gateway_port=41000
silo_dll="$root/src/Silo/bin/Release/net10.0/idl-silo.dll"; idl_dll="$root/src/Client/bin/Release/net10.0/idl.dll"
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) silos_list="$2"; shift 2 ;;
    --threads) threads_list="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --hidden) hidden="$2"; shift 2 ;;
    --batch) batch="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --limit) limit="$2"; shift 2 ;;
    --silo-dll) silo_dll="$2"; build=0; shift 2 ;;
    --idl-dll) idl_dll="$2"; build=0; shift 2 ;;
    --silo-port) silo_port="$2"; shift 2 ;;
    --gateway-port) gateway_port="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [ "$build" = 1 ]; then
  dotnet build "$root/src/Silo" -c Release -v q -nologo >/dev/null
  dotnet build "$root/src/Client" -c Release -v q -nologo >/dev/null
fi
# A .dll runs on the installed dotnet; anything else is a published executable (self-contained publish).
run_idl() { if [[ "$idl_dll" == *.dll ]]; then dotnet "$idl_dll" "$@"; else "$idl_dll" "$@"; fi; }
work="$(mktemp -d)"; state=""
cleanup() { [ -n "$state" ] && "$root/deploy/local-cluster.sh" stop --state "$state" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
echo "# $(nproc) logical CPUs; data $data, n = $hidden, batch $batch, $epochs epoch(s), limit $limit" 
printf '%-6s %-8s %-7s %16s %14s %13s %10s\n' silos threads shards samples_per_sec train_seconds wall_seconds test_acc
for k in $silos_list; do
  for t in $threads_list; do
    state="$work/k$k-t$t"
    gateways=$("$root/deploy/local-cluster.sh" start --silos "$k" --threads "$t" --clustering localhost --state "$state" \
      --silo-port "$silo_port" --gateway-port "$gateway_port" --silo-dll "$silo_dll")
    shards=$((k * t))
    run_idl train --cluster "$gateways" --data "$data" --hidden "$hidden" --batch "$batch" --epochs "$epochs" \
      --limit "$limit" --shards "$shards" --json 2>"$state/client.log" > "$state/train.json" || { tail -n 20 "$state/client.log" >&2; exit 1; }
    "${PYTHON:-python3}" - "$state/train.json" "$k" "$t" "$shards" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
epochs = [r for r in rows if "epoch" in r and not r.get("final")]
final = rows[-1]
last = epochs[-1]
print(f"{sys.argv[2]:<6} {sys.argv[3]:<8} {sys.argv[4]:<7} {last['samples_per_second']:16.1f} {last['train_seconds']:14.2f} {final['wall_seconds']:13.2f} {last.get('test_accuracy', 0):10.4f}")
PY
    "$root/deploy/local-cluster.sh" stop --state "$state" 2>/dev/null
    state=""
  done
done
