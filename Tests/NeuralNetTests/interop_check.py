"""Loads an rlterm checkpoint with the safetensors package and checks a numpy forward pass against rlterm.

Usage: interop_check.py CHECKPOINT CASES_JSON
CASES_JSON maps a network prefix to {"input": [[...], ...], "output": [[...], ...]}. The architecture is
read from the checkpoint's metadata ("<prefix>.sizes", "<prefix>.activation"); layer l is the
nn.Sequential module 2l. Exit status: 0 match, 1 mismatch, 3 safetensors or numpy not importable.
"""
import json
import sys

try:
    import numpy as np
    from safetensors import safe_open
    from safetensors.numpy import load_file
except ImportError as error:
    print(f"interop check skipped: {error}", file=sys.stderr)
    sys.exit(3)


def forward(tensors, prefix, sizes, activation, x):
    layers = len(sizes) - 1
    for layer in range(layers):
        weight = tensors[f"{prefix}.{2 * layer}.weight"]
        bias = tensors[f"{prefix}.{2 * layer}.bias"]
        assert weight.shape == (sizes[layer + 1], sizes[layer]), (prefix, layer, weight.shape)
        assert weight.dtype == np.float32 and bias.dtype == np.float32
        x = x @ weight.T.astype(np.float64) + bias.astype(np.float64)
        if layer < layers - 1:
            x = np.maximum(x, 0) if activation == "relu" else np.tanh(x)
    return x


def read_arguments(framework, load):
    """The checkpoint named on the command line (its metadata, its tensors by `load`) and the cases."""
    path, cases_path = sys.argv[1], sys.argv[2]
    with safe_open(path, framework=framework) as handle:
        metadata = handle.metadata()
    with open(cases_path) as handle:
        cases = json.load(handle)
    return metadata, load(path), cases


def main():
    metadata, tensors, cases = read_arguments("numpy", load_file)
    failures = 0
    for prefix, case in cases.items():
        sizes = [int(size) for size in metadata[f"{prefix}.sizes"].split(",")]
        activation = metadata[f"{prefix}.activation"]
        expected = np.array(case["output"], dtype=np.float64)
        got = forward(tensors, prefix, sizes, activation, np.array(case["input"], dtype=np.float64))
        error = np.max(np.abs(got - expected) / np.maximum(1.0, np.abs(expected)))
        print(f"{prefix}: sizes {sizes} {activation}, max relative error {error:.2e}")
        if not error < 1e-5:
            failures += 1
    for key in ("algorithm", "environment"):
        print(f"metadata {key} = {metadata.get(key)}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
