#!/usr/bin/env bash
# Builds Release and runs the single-thread kernel benchmark; arguments go to the benchmark (--help-less: see
# benchmarks/Idl.Benchmarks/BenchOptions.cs or run with an unknown option for usage). Example: benchmarks/run.sh --quick
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run -c Release --project benchmarks/Idl.Benchmarks -- "$@"
