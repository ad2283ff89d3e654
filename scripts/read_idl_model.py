#!/usr/bin/env python3
"""Read an idl model file (.idl) with nothing but the standard library and numpy.

The layout is safetensors: 8-byte little-endian header length, JSON header, raw little-endian tensors.
Format version 3 stores a compressed A as rank-k factors (A = A_L @ A_R.T) or as CSR (A_values, A_col_indices,
A_row_offsets); dense_a() rebuilds the n x n A from either.
Usage: read_idl_model.py MODEL.idl   -> prints a JSON summary (shapes, dtypes, metadata, a prediction check)
"""
import json, struct, sys

import numpy as np


def read_idl(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    meta = header.pop("__metadata__")
    data = raw[8 + n:]
    dtypes = {"F32": "<f4", "F64": "<f8", "I32": "<i4", "I64": "<i8"}
    tensors = {name: np.frombuffer(data[t["data_offsets"][0]:t["data_offsets"][1]], dtype=dtypes[t["dtype"]]).reshape(t["shape"])
               for name, t in header.items()}
    return tensors, meta


def dense_a(t, meta):
    """The n x n state matrix, whatever form the file stores it in (meta "state_matrix": absent, low-rank or csr)."""
    form = meta.get("state_matrix", "dense")
    if form == "low-rank":
        return t["A_L"] @ t["A_R"].T
    if form == "csr":
        n = t["B"].shape[0]
        a = np.zeros((n, n), dtype=t["A_values"].dtype)
        offsets = t["A_row_offsets"]
        for i in range(n):
            a[i, t["A_col_indices"][offsets[i]:offsets[i + 1]]] = t["A_values"][offsets[i]:offsets[i + 1]]
        return a
    return t["A"]


def predict_relu(t, u, iterations=500):
    """x = relu(A x + B u + b) by Picard iteration, then y = C x + D u + c (for a ReLU model)."""
    bu = t["B"] @ u + t.get("state_bias", np.zeros(t["A"].shape[0]))[:, None]
    x = np.zeros((t["A"].shape[0], u.shape[1]))
    for _ in range(iterations):
        x = np.maximum(t["A"] @ x + bu, 0)
    return t["C"] @ x + t["D"] @ u + t.get("output_bias", np.zeros(t["C"].shape[0]))[:, None]


if __name__ == "__main__":
    tensors, meta = read_idl(sys.argv[1])
    tensors["A"] = dense_a(tensors, meta)
    u = np.linspace(-1, 1, tensors["B"].shape[1] * 3).reshape(tensors["B"].shape[1], 3)
    print(json.dumps({
        "format": meta["format"], "version": meta["version"], "state_matrix": meta.get("state_matrix", "dense"),
        "shapes": {k: list(v.shape) for k, v in tensors.items()},
        "dtype": str(tensors["A"].dtype),
        "sums": {k: float(np.sum(v, dtype=np.float64)) for k, v in tensors.items()},
        "activation": json.loads(meta["activation"]),
        "model": json.loads(meta["model"]),
        "prediction": predict_relu({k: v.astype(np.float64) for k, v in tensors.items() if v.dtype.kind == "f"}, u).tolist(),
    }))
