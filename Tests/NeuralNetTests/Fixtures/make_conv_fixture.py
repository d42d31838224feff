"""Writes conv_dqn_reference.safetensors: PyTorch's own numbers for ConvolutionalNetworkReferenceTests.

For each case, a torch.nn.Sequential(Conv2d(C, O, 3), ReLU, Flatten, Linear, ReLU, Linear) initialised by
torch.manual_seed, a batch of inputs, and what PyTorch computes from them: the rectified convolution output,
the Q-values, the Huber loss (smooth_l1_loss) on Q(s, a) against fixed targets, every parameter's gradient,
and the parameters after three steps of torch.optim.RMSprop(centered=True) on that loss, without momentum
and with it. Tensors are named "<case>.<what>"; the network's own are "<case>.net.<state-dict name>", with
the architecture in the metadata as rlterm's checkpoints record it, so rlterm loads them as a checkpoint.

Usage (from the repository root): python3 Tests/NeuralNetTests/Fixtures/make_conv_fixture.py
Needs torch and safetensors; the file it writes is committed, so the tests need neither.
"""
import pathlib

import torch
import torch.nn as nn
import torch.nn.functional as F
from safetensors.torch import save_file

# name: (channels, height, width, filters, hidden, actions, batch, binary inputs as MinAtar's, seed)
CASES = {
    "small": (3, 6, 7, 5, 12, 4, 3, False, 1),
    "breakout": (4, 10, 10, 16, 32, 6, 4, True, 2),
}
RMSPROP = {"lr": 0.01, "alpha": 0.95, "eps": 0.01, "centered": True}
MOMENTUM = 0.9
STEPS = 3


def network(channels, height, width, filters, hidden, actions):
    features = filters * (height - 2) * (width - 2)
    return nn.Sequential(
        nn.Conv2d(channels, filters, 3), nn.ReLU(), nn.Flatten(), nn.Linear(features, hidden), nn.ReLU(),
        nn.Linear(hidden, actions))


def huber_loss(net, inputs, actions, targets):
    return F.smooth_l1_loss(net(inputs).gather(1, actions[:, None]).squeeze(1), targets)


def trained(net, inputs, actions, targets, momentum):
    copy = network(*net.shape)
    copy.load_state_dict(net.state_dict())
    optimizer = torch.optim.RMSprop(copy.parameters(), momentum=momentum, **RMSPROP)
    for _ in range(STEPS):
        optimizer.zero_grad()
        huber_loss(copy, inputs, actions, targets).backward()
        optimizer.step()
    return copy


def main():
    tensors, metadata = {}, {}
    for name, (channels, height, width, filters, hidden, actions, batch, binary, seed) in CASES.items():
        torch.manual_seed(seed)
        net = network(channels, height, width, filters, hidden, actions)
        net.shape = (channels, height, width, filters, hidden, actions)
        inputs = torch.rand(batch, channels, height, width)
        inputs = (inputs < 0.3).float() if binary else inputs * 2 - 1
        chosen = torch.randint(actions, (batch,))
        # Spread so that some errors fall beyond Huber's |e| = 1 and some inside.
        targets = torch.randn(batch) * 2
        features = filters * (height - 2) * (width - 2)
        metadata[f"{name}.net.conv"] = f"{channels},{height},{width},{filters}"
        metadata[f"{name}.net.sizes"] = f"{features},{hidden},{actions}"
        metadata[f"{name}.net.activation"] = "relu"
        for key, value in net.state_dict().items():
            tensors[f"{name}.net.{key}"] = value.clone()
        tensors[f"{name}.input"] = inputs
        tensors[f"{name}.actions"] = chosen.float()
        tensors[f"{name}.targets"] = targets
        with torch.no_grad():
            tensors[f"{name}.conv_output"] = F.relu(net[0](inputs))
            tensors[f"{name}.q"] = net(inputs)
        loss = huber_loss(net, inputs, chosen, targets)
        loss.backward()
        tensors[f"{name}.loss"] = loss.detach().reshape(1)
        for key, parameter in net.named_parameters():
            tensors[f"{name}.grad.{key}"] = parameter.grad.clone()
        for label, momentum in (("rmsprop", 0.0), ("rmsprop_momentum", MOMENTUM)):
            for key, value in trained(net, inputs, chosen, targets, momentum).state_dict().items():
                tensors[f"{name}.{label}.{key}"] = value.clone()
    metadata["generator"] = f"make_conv_fixture.py, torch {torch.__version__}"
    metadata["rmsprop"] = f"{RMSPROP}, momentum 0 and {MOMENTUM}, {STEPS} steps"
    path = pathlib.Path(__file__).with_name("conv_dqn_reference.safetensors")
    save_file({key: value.contiguous() for key, value in tensors.items()}, str(path), metadata=metadata)
    print(f"wrote {path} ({path.stat().st_size} bytes)")


main()
