"""The DQN update `rlterm bench` times, in PyTorch on one thread, for a side-by-side comparison.

The update is the one rlterm's DQN agent takes (and Stable-Baselines3's DQN): target-network forward on
the next observations, y = r + gamma * (1 - done) * max_a' Q_target(s', a'), forward on the observations,
smooth L1 (Huber, delta = 1) loss on Q(s, a) against y, zero_grad, backward, gradient-norm clipping at 10,
Adam step; the MinAtar paper's DQN step on its convolutional network for Breakout (Conv2d(4, 16, 3), ReLU,
Flatten, Linear(1024, 128), ReLU, Linear(128, 6); the same targets and Huber loss, no clipping, centered
RMSprop with lr 2.5e-4, alpha 0.95, eps 0.01, as MinAtar's examples/dqn.py takes it); and the policy-gradient
step of `rlterm bench`'s update.policy figure. Each figure is the best of
--repeats timed runs of at least --run-seconds each, after a warm-up of the same length, exactly as
`rlterm bench` measures. Prints a JSON array of {"name", "value", "unit"} with rlterm's figure names.
"""
import argparse
import json
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

UPDATES = [((4, 64, 64, 2), 64), ((4, 64, 64, 2), 128), ((4, 256, 256, 2), 64), ((48, 128, 128, 4), 32)]
FORWARDS = [(4, 64, 64, 2), (48, 128, 128, 4)]


POLICY = ((4, 64, 64, 2), 1000)
# (channels, side, filters, hidden, actions), batch: rlterm's "conv4x10x10c16x128x6" figures.
MINATAR = ((4, 10, 16, 128, 6), 32)


def mlp(sizes, activation=nn.ReLU):
    layers = []
    for index in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[index], sizes[index + 1]))
        if index < len(sizes) - 2:
            layers.append(activation())
    return nn.Sequential(*layers)


def best_seconds_per_call(body, repeats, run_seconds):
    calls = 1
    warm_up_end = time.perf_counter() + run_seconds
    while time.perf_counter() < warm_up_end:
        for _ in range(calls):
            body()
        calls *= 2
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(calls):
            body()
        best = min(best, (time.perf_counter() - start) / calls)
    return best


def dqn_update(sizes, batch):
    generator = torch.Generator().manual_seed(1)
    q, target = mlp(sizes), mlp(sizes)
    target.load_state_dict(q.state_dict())
    optimizer = torch.optim.Adam(q.parameters(), lr=1e-4)
    observations = torch.rand(batch, sizes[0], generator=generator) * 2 - 1
    next_observations = torch.rand(batch, sizes[0], generator=generator) * 2 - 1
    actions = torch.randint(sizes[-1], (batch, 1), generator=generator)
    rewards = torch.rand(batch, generator=generator) * 2 - 1
    not_done = (torch.rand(batch, generator=generator) >= 0.05).float()

    def update():
        with torch.no_grad():
            target_max = target(next_observations).max(dim=1).values
            td_target = rewards + 0.99 * not_done * target_max
        q_taken = q(observations).gather(1, actions).squeeze(1)
        loss = F.smooth_l1_loss(q_taken, td_target)
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(q.parameters(), 10.0)
        optimizer.step()

    return update


def minatar_network(channels, side, filters, hidden, actions):
    features = filters * (side - 2) * (side - 2)
    return nn.Sequential(nn.Conv2d(channels, filters, 3), nn.ReLU(), nn.Flatten(), nn.Linear(features, hidden),
                         nn.ReLU(), nn.Linear(hidden, actions))


def minatar_name(shape):
    channels, side, filters, hidden, actions = shape
    return f"conv{channels}x{side}x{side}c{filters}x{hidden}x{actions}"


def minatar_update(shape, batch):
    generator = torch.Generator().manual_seed(1)
    channels, side, _, _, actions = shape
    q, target = minatar_network(*shape), minatar_network(*shape)
    target.load_state_dict(q.state_dict())
    optimizer = torch.optim.RMSprop(q.parameters(), lr=2.5e-4, alpha=0.95, eps=0.01, centered=True)
    observations = (torch.rand(batch, channels, side, side, generator=generator) < 0.1).float()
    next_observations = (torch.rand(batch, channels, side, side, generator=generator) < 0.1).float()
    chosen = torch.randint(actions, (batch, 1), generator=generator)
    rewards = (torch.rand(batch, generator=generator) < 0.1).float()
    not_done = (torch.rand(batch, generator=generator) >= 0.05).float()

    def update():
        with torch.no_grad():
            td_target = rewards + 0.99 * not_done * target(next_observations).max(dim=1).values
        loss = F.smooth_l1_loss(q(observations).gather(1, chosen).squeeze(1), td_target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

    return update


def minatar_forward(shape):
    channels, side = shape[0], shape[1]
    q = minatar_network(*shape)
    observation = (torch.rand(1, channels, side, side) < 0.1).float()

    def act():
        with torch.no_grad():
            return q(observation)[0, 0].item()

    return act


def policy_update(sizes, batch):
    """rlterm's `update.policy` figure: a tanh policy's surrogate -mean(log pi(a|s) * psi), backward, Adam."""
    generator = torch.Generator().manual_seed(1)
    policy = mlp(sizes, nn.Tanh)
    optimizer = torch.optim.Adam(policy.parameters(), lr=1e-4)
    observations = torch.rand(batch, sizes[0], generator=generator) * 2 - 1
    actions = torch.randint(sizes[-1], (batch, 1), generator=generator)
    psi = torch.rand(batch, generator=generator) * 2 - 1

    def update():
        log_probabilities = F.log_softmax(policy(observations), dim=1).gather(1, actions).squeeze(1)
        loss = -(log_probabilities * psi).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

    return update


def single_forward(sizes):
    q = mlp(sizes)
    observation = torch.rand(1, sizes[0]) * 2 - 1

    def act():
        with torch.no_grad():
            return q(observation)[0, 0].item()

    return act


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--run-seconds", type=float, default=0.01)
    arguments = parser.parse_args()
    torch.set_num_threads(1)
    figures = []
    for sizes, batch in UPDATES:
        seconds = best_seconds_per_call(dqn_update(sizes, batch), arguments.repeats, arguments.run_seconds)
        name = "x".join(map(str, sizes))
        figures.append({"name": f"update.{name}.b{batch}", "value": seconds * 1e6, "unit": "us"})
    shape, batch = MINATAR
    seconds = best_seconds_per_call(minatar_update(shape, batch), arguments.repeats, arguments.run_seconds)
    figures.append({"name": f"update.{minatar_name(shape)}.b{batch}", "value": seconds * 1e6, "unit": "us"})
    seconds = best_seconds_per_call(minatar_forward(shape), arguments.repeats, arguments.run_seconds)
    figures.append({"name": f"forward.{minatar_name(shape)}.b1", "value": seconds * 1e6, "unit": "us"})
    for sizes in FORWARDS:
        seconds = best_seconds_per_call(single_forward(sizes), arguments.repeats, arguments.run_seconds)
        figures.append({"name": f"forward.{'x'.join(map(str, sizes))}.b1", "value": seconds * 1e6, "unit": "us"})
    sizes, batch = POLICY
    seconds = best_seconds_per_call(policy_update(sizes, batch), arguments.repeats, arguments.run_seconds)
    figures.append({"name": f"update.policy.{'x'.join(map(str, sizes))}.b{batch}", "value": seconds * 1e6, "unit": "us"})
    figures.append({"name": "torch.version", "value": 0, "unit": torch.__version__})
    print(json.dumps(figures, indent=2))


main()
