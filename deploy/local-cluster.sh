#!/usr/bin/env bash
# Starts (or stops) a local idl cluster: Azurite plus K silo processes on this machine, each on its own ports.
#
# Usage:
#   deploy/local-cluster.sh start [--silos K] [--threads T] [--clustering auto|azure|localhost] [--state DIR]
#                                 [--silo-port P] [--gateway-port G] [--azurite-port B] [--no-build] [--silo-dll PATH]
#   (--silo-dll takes idl-silo.dll, run with dotnet, or a self-contained idl-silo executable)
#   deploy/local-cluster.sh stop   [--state DIR]
#   deploy/local-cluster.sh status [--state DIR]
#
# start prints the gateway list for `idl train --cluster` on stdout (and writes it to DIR/gateways); messages go to
# stderr. Silo i listens on P+i (silo-to-silo) and G+i (gateway); logs are DIR/logs/silo-i.log; pids are DIR/pids.
# --clustering azure: Azure Table membership and Azure Blob grain storage on Azurite (installed from npm into
#   deploy/.tools on first use). localhost: the primary silo holds the membership table, file grain storage in
#   DIR/grains. auto (default): azure when the silo accepts the azure flags, else localhost (a silo built before
#   Azure clustering exits at once on --storage azure:...).
# --threads T sets DOTNET_PROCESSOR_COUNT=T for every silo (the .NET thread pool and Environment.ProcessorCount).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cmd="${1:-}"; [ $# -gt 0 ] && shift
state="$root/deploy/.local"; silos=3; threads=""; clustering=auto; silo_port=11111; gateway_port=30000
azurite_port=10000; build=1; silo_dll="$root/src/Silo/bin/Release/net10.0/idl-silo.dll"
cluster_id="${IDL_CLUSTER_ID:-idl-local}"; service_id="${IDL_SERVICE_ID:-idl}"
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) silos="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --clustering) clustering="$2"; shift 2 ;;
    --state) state="$2"; shift 2 ;;
    --silo-port) silo_port="$2"; shift 2 ;;
    --gateway-port) gateway_port="$2"; shift 2 ;;
    --azurite-port) azurite_port="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --silo-dll) silo_dll="$2"; build=0; shift 2 ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
pids="$state/pids"; logs="$state/logs"
log() { echo "local-cluster: $*" >&2; }

# Waits until 127.0.0.1:$1 accepts a connection, for at most $2 seconds, while process $3 (if given) lives.
wait_port() {
  local port="$1" limit="$2" pid="${3:-}" waited=0
  while ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    [ "$waited" -ge $((limit * 5)) ] && return 1
    sleep 0.2; waited=$((waited + 1))
  done
}

# Sends SIGTERM to the recorded processes whose name matches $1, waits up to $2 seconds, then SIGKILLs the rest.
stop_matching() {
  local match="$1" grace="$2" name pid alive
  while read -r name pid; do [[ "$name" == $match ]] && kill -TERM "$pid" 2>/dev/null && log "stopping $name ($pid)"; done < "$pids"
  for _ in $(seq 1 $((grace * 5))); do
    alive=0
    while read -r name pid; do [[ "$name" == $match ]] && kill -0 "$pid" 2>/dev/null && alive=1; done < "$pids"
    [ "$alive" = 0 ] && return 0
    sleep 0.2
  done
  while read -r name pid; do [[ "$name" == $match ]] && kill -0 "$pid" 2>/dev/null && { log "killing $name ($pid)"; kill -KILL "$pid"; }; done < "$pids"
  return 0
}

stop_all() {
  [ -f "$pids" ] || { log "nothing to stop ($pids missing)"; return 0; }
  # Silos first, with 15 s to leave the membership table cleanly; then Azurite, whose node process closes its
  # services at once but lingers afterwards (its state is in memory, so SIGKILL after 3 s loses nothing more).
  stop_matching 'silo-*' 15
  stop_matching azurite 3
  rm -f "$pids" "$state/gateways" "$state/client-ids"
}

start_azurite() {
  local bin="$root/deploy/.tools/node_modules/.bin/azurite"
  if [ ! -x "$bin" ]; then
    log "installing azurite@3.37.0 into deploy/.tools"
    npm install --prefix "$root/deploy/.tools" --no-audit --no-fund --silent azurite@3.37.0 >&2
  fi
  # Azure.Storage.Blobs may be newer than this Azurite knows: --skipApiVersionCheck (see shared/notes/orleans-10.md).
  setsid "$bin" --silent --inMemoryPersistence --skipApiVersionCheck --blobHost 127.0.0.1 --queueHost 127.0.0.1 \
    --tableHost 127.0.0.1 --blobPort "$azurite_port" --queuePort $((azurite_port + 1)) --tablePort $((azurite_port + 2)) \
    > "$logs/azurite.log" 2>&1 &
  echo "azurite $!" >> "$pids"
  wait_port $((azurite_port + 2)) 30 $! || { log "azurite did not start; see $logs/azurite.log"; tail -n 20 "$logs/azurite.log" >&2; exit 1; }
  log "azurite on 127.0.0.1:$azurite_port-$((azurite_port + 2))"
}

# The well-known Azurite development account (public, documented by Microsoft), on this script's ports.
azurite_connection() {
  local h="http://127.0.0.1"
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=$h:$azurite_port/devstoreaccount1;QueueEndpoint=$h:$((azurite_port + 1))/devstoreaccount1;TableEndpoint=$h:$((azurite_port + 2))/devstoreaccount1;"
}

# Starts silo $1 with clustering mode $2; prints its pid.
start_silo() {
  local i="$1" mode="$2" args
  args=(--silo-port $((silo_port + i)) --gateway-port $((gateway_port + i)))
  if [ "$mode" = azure ]; then
    args+=(--clustering "azure:$(azurite_connection)" --storage "azure:$(azurite_connection)")
  else
    args+=(--clustering localhost --storage "file:$state/grains")
    [ "$i" -gt 0 ] && args+=(--primary "127.0.0.1:$silo_port")
  fi
  ( [ -n "$threads" ] && export DOTNET_PROCESSOR_COUNT="$threads"
    export Silo__ClusterId="$cluster_id" Silo__ServiceId="$service_id"
    # A .dll runs on the installed dotnet; anything else is a published executable (self-contained publish).
    if [[ "$silo_dll" == *.dll ]]; then exec setsid dotnet "$silo_dll" "${args[@]}" > "$logs/silo-$i.log" 2>&1
    else exec setsid "$silo_dll" "${args[@]}" > "$logs/silo-$i.log" 2>&1; fi ) &
  echo "$!"
}

start_all() {
  [ -f "$pids" ] && { log "a cluster is already recorded in $pids: run '$0 stop --state $state' first"; exit 1; }
  mkdir -p "$logs"
  if [ "$build" = 1 ]; then log "building src/Silo (Release)"; dotnet build "$root/src/Silo" -c Release -v q -nologo >&2; fi
  [ -f "$silo_dll" ] || { log "missing $silo_dll"; exit 1; }
  local mode="$clustering" pid i gateways=""
  [ "$mode" = localhost ] || start_azurite
  if [ "$mode" != localhost ]; then
    pid=$(start_silo 0 azure)
    if wait_port "$gateway_port" 90 "$pid"; then mode=azure
    elif [ "$mode" = auto ] && ! kill -0 "$pid" 2>/dev/null; then
      log "the silo rejected the azure flags (log: $logs/silo-0.azure.log); falling back to --clustering localhost"
      mv "$logs/silo-0.log" "$logs/silo-0.azure.log"; mode=localhost
    else
      kill -KILL "$pid" 2>/dev/null || true; log "silo 0 did not open its gateway"; tail -n 20 "$logs/silo-0.log" >&2; stop_all; exit 1
    fi
  fi
  if [ "$mode" = localhost ]; then pid=$(start_silo 0 localhost); fi
  echo "silo-0 $pid" >> "$pids"
  wait_port "$gateway_port" 90 "$pid" || { log "silo 0 failed"; tail -n 20 "$logs/silo-0.log" >&2; stop_all; exit 1; }
  gateways="127.0.0.1:$gateway_port"
  for ((i = 1; i < silos; i++)); do
    pid=$(start_silo "$i" "$mode"); echo "silo-$i $pid" >> "$pids"
    gateways="$gateways,127.0.0.1:$((gateway_port + i))"
  done
  for ((i = 1; i < silos; i++)); do
    pid=$(awk -v n="silo-$i" '$1 == n { print $2 }' "$pids")
    wait_port $((gateway_port + i)) 90 "$pid" || { log "silo $i failed"; tail -n 20 "$logs/silo-$i.log" >&2; stop_all; exit 1; }
  done
  echo "$gateways" > "$state/gateways"
  log "$silos silo(s) up, clustering $mode${threads:+, $threads thread(s) each}; logs in $logs; stop with: $0 stop --state $state"
  # With Azure clustering the gateways check the cluster id; localhost clustering keeps Orleans' defaults.
  local ids=""
  [ "$mode" = azure ] && ids="--cluster-id $cluster_id --service-id $service_id"
  echo "$ids" > "$state/client-ids"
  log "client: idl train --cluster $gateways${ids:+ $ids} ...  (the ids are also in $state/client-ids)"
  echo "$gateways"
}

case "$cmd" in
  start) start_all ;;
  stop) stop_all ;;
  status) [ -f "$pids" ] || { echo "no cluster recorded in $state"; exit 0; }
          while read -r name pid; do kill -0 "$pid" 2>/dev/null && echo "$name $pid running" || echo "$name $pid dead"; done < "$pids"
          [ -f "$state/gateways" ] && echo "gateways $(cat "$state/gateways")" ;;
  *) sed -n '2,16p' "$0" >&2; exit 2 ;;
esac
