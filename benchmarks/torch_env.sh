#!/usr/bin/env bash
# Sourced by compare_torch.sh and time_to_accuracy.sh (needs $shared and $threads): finds the PyTorch baseline and
# sets the OpenBLAS environment that lets it run at its best with the same thread count as idl.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then echo "torch_env.sh is sourced by compare_torch.sh and time_to_accuracy.sh, not run" >&2; exit 2; fi
baseline="$shared/bench/torch_baseline.py"
[ -f "$baseline" ] || { echo "missing $baseline" >&2; exit 2; }
/usr/bin/python3 -c "import torch, numpy" || { echo "install python3-torch python3-numpy libopenblas0-pthread" >&2; exit 2; }
# Debian's OpenBLAS 0.3.21 does not recognise Zen 5 and falls back to a slow generic kernel without this.
export OPENBLAS_CORETYPE="${OPENBLAS_CORETYPE:-SkylakeX}"
# torch.set_num_threads does not reach Debian's pthread OpenBLAS: without this its products use every core even
# with --threads 1 (measured: 209 GFLOP/s with two threads' CPU time against 105 with OPENBLAS_NUM_THREADS=1).
export OPENBLAS_NUM_THREADS="$threads" OMP_NUM_THREADS="$threads"
