"""Loads an rlterm convolutional checkpoint into PyTorch's own modules and checks their Q-values against rlterm's.

Usage: conv_interop_check.py CHECKPOINT CASES_JSON
CASES_JSON maps a network prefix to {"input": [[...], ...], "output": [[...], ...]}, each input a flattened
C x H x W observation (H x W x C when "<prefix>.input" is "NHWC": permuted to NCHW first, as rlterm does). The architecture comes from the checkpoint's metadata ("<prefix>.conv" = "C,H,W,O",
"<prefix>.sizes", "<prefix>.activation"); the network is nn.Sequential(Conv2d(C, O, 3), ReLU, Flatten,
Linear, ReLU, ..., Linear), loaded with load_state_dict(strict=True) from the safetensors package's tensors,
and run by torch's Conv2d and Linear forward. Exit status: 0 match, 1 mismatch, 3 torch or safetensors not
importable.
"""
import sys

try:
    import torch
    import torch.nn as nn
    from safetensors.torch import load_file

    from interop_check import read_arguments
except ImportError as error:
    print(f"conv interop check skipped: {error}", file=sys.stderr)
    sys.exit(3)


def network(metadata, prefix):
    channels, height, width, filters = (int(v) for v in metadata[f"{prefix}.conv"].split(","))
    sizes = [int(size) for size in metadata[f"{prefix}.sizes"].split(",")]
    assert metadata[f"{prefix}.activation"] == "relu"
    assert sizes[0] == filters * (height - 2) * (width - 2), (sizes, filters, height, width)
    layers = [nn.Conv2d(channels, filters, kernel_size=3), nn.ReLU(), nn.Flatten()]
    for index in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[index], sizes[index + 1]))
        if index < len(sizes) - 2:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers), (channels, height, width)


def main():
    metadata, tensors, cases = read_arguments("pt", load_file)
    failures = 0
    for prefix, case in cases.items():
        net, shape = network(metadata, prefix)
        state = {name[len(prefix) + 1:]: value for name, value in tensors.items() if name.startswith(prefix + ".")}
        net.load_state_dict(state, strict=True)
        net = net.double()
        inputs = torch.tensor(case["input"], dtype=torch.float64)
        channels, height, width = shape
        layout = metadata.get(f"{prefix}.input", "NCHW")
        if layout == "NHWC":
            inputs = inputs.reshape(-1, height, width, channels).permute(0, 3, 1, 2)
        else:
            inputs = inputs.reshape(-1, *shape)
        with torch.no_grad():
            got = net(inputs)
        expected = torch.tensor(case["output"], dtype=torch.float64)
        error = ((got - expected).abs() / expected.abs().clamp(min=1.0)).max().item()
        print(f"{prefix}: conv {metadata[f'{prefix}.conv']} sizes {metadata[f'{prefix}.sizes']} ({layout}), "
              f"max relative error {error:.2e}")
        if not error < 1e-5:
            failures += 1
    sys.exit(1 if failures else 0)


main()
