#!/usr/bin/env python3
"""Plays an rlterm checkpoint's greedy policy under gymnasium, seeded as SB3's evaluate_policy seeds it, and
prints the per-episode returns, for comparison with `rlterm eval --gym-seed N`.

    python3 benchmarks/gym_seed_eval.py CHECKPOINT GYM_ID SEED EPISODES [KEY=VALUE ...]

KEY=VALUE pairs go to gymnasium.make (is_slippery=true). On FrozenLake and CliffWalking the observation is
rlterm's one-hot of the cell, and rlterm's actions (up, right, down, left) are mapped to gymnasium's numbers.

SB3's evaluate_policy on a DummyVecEnv seeded with N (`env.seed(N)`) calls `reset(seed=N)` once, then every
episode that ends is reset without a seed, continuing the environment's generator; this does the same on one
gymnasium environment. The Q network (or the policy's logits) is evaluated in float32 from the checkpoint's
tensors; a greedy action differs from rlterm's only when two outputs tie to within float32 rounding.
A verification helper, not a runtime dependency (needs numpy, safetensors, gymnasium).
"""

import json
import sys

import gymnasium as gym
import numpy as np
from safetensors import safe_open
from safetensors.numpy import load_file


def network(path):
    with safe_open(path, framework="numpy") as handle:
        metadata = handle.metadata()
    tensors = load_file(path)
    prefix = "q" if "q.sizes" in metadata else "pi"
    sizes = [int(size) for size in metadata[f"{prefix}.sizes"].split(",")]
    activation = metadata[f"{prefix}.activation"]
    layers = [(tensors[f"{prefix}.{2 * l}.weight"], tensors[f"{prefix}.{2 * l}.bias"]) for l in range(len(sizes) - 1)]

    def forward(observation):
        x = np.asarray(observation, dtype=np.float32)
        for index, (weight, bias) in enumerate(layers):
            x = (weight @ x + bias).astype(np.float32)
            if index < len(layers) - 1:
                x = np.maximum(x, 0) if activation == "relu" else np.tanh(x)
        return x

    return forward


def keyword(pair):
    key, value = pair.split("=", 1)
    return key, {"true": True, "false": False}.get(value.lower(), value)


def main():
    path, identifier, seed, episodes = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    forward = network(path)
    env = gym.make(identifier, **dict(keyword(pair) for pair in sys.argv[5:]))
    if isinstance(env.observation_space, gym.spaces.Discrete):
        cells = int(env.observation_space.n)
        encode = lambda state: np.eye(cells, dtype=np.float32)[int(state)]
        # rlterm's up, right, down, left in gymnasium's numbers (FrozenLake: LEFT DOWN RIGHT UP).
        actions = [3, 2, 1, 0] if identifier.startswith("FrozenLake") else [0, 1, 2, 3]
    else:
        encode = lambda observation: observation
        actions = list(range(int(env.action_space.n)))
    observation, _ = env.reset(seed=seed)
    returns, lengths = [], []
    total, length = 0.0, 0
    while len(returns) < episodes:
        action = actions[int(np.argmax(forward(encode(observation))))]
        observation, reward, terminated, truncated, _ = env.step(action)
        total += float(reward)
        length += 1
        if terminated or truncated:
            returns.append(total)
            lengths.append(length)
            total, length = 0.0, 0
            observation, _ = env.reset()
    print(json.dumps({"episodes": episodes, "mean_return": float(np.mean(returns)),
                      "std_return": float(np.std(returns)), "mean_length": float(np.mean(lengths)),
                      "returns": returns}))


if __name__ == "__main__":
    main()
