#!/usr/bin/env python3
"""Writes the fixtures behind rlterm's `--gym-seed` tests, from numpy and gymnasium themselves.

    python3 Tests/EnvironmentsTests/Fixtures/generate_gymnasium_seeding.py

A test helper, not a runtime dependency (generated with gymnasium 1.4.0, numpy 2.4.6, CPython 3.11.7 on Linux
x86-64). It writes two files:

- Tests/RLCoreTests/Fixtures/numpy_seeding.json: for each seed, numpy's SeedSequence pool and generate_state
  words, PCG64's first raw outputs, Generator.random() and Generator.uniform() draws.
- Tests/EnvironmentsTests/Fixtures/gymnasium_seeded_episodes.json: CartPole-v1, Acrobot-v1 and MountainCar-v0
  start states for many seeds
  (reset(seed=N), then resets without a seed as SB3's vectorised environments make them), and whole runs of
  CartPole-v1, FrozenLake-v1 (4x4 and 8x8, slippery and not) and CliffWalking-v1 (slippery and not) under a
  fixed action sequence, resetting without a seed whenever an episode ends.

Seeds are written as decimal strings (they may exceed 2^64), 64-bit words as 16 hex digits, and doubles as
float.hex() text, which Swift's Double(String) reads back exactly.
"""

import json
import pathlib

import gymnasium as gym
import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[3]

# 0, small seeds, both sides of each 32-bit word boundary, and seeds of 3, 4, 5 and 6 words (a pool holds 4;
# longer entropy is mixed in afterwards).
SEEDS = [
    0, 1, 2, 42, 12345, 2**31 - 1, 2**32 - 1, 2**32, 2**32 + 1, 2**63 + 12345, 2**64 - 1, 2**64,
    2**64 + 2**32 + 7, 2**96 + 3, 2**128 - 1, 2**128 + 5, 10**40 + 17, 2**191 + 2**160 + 99,
]


def hex64(value):
    return f"{int(value):016x}"


def hexfloat(value):
    return float(value).hex()


def numpy_seeding():
    entries = []
    for seed in SEEDS:
        sequence = np.random.SeedSequence(seed)
        raw = np.random.PCG64(np.random.SeedSequence(seed)).random_raw(10)
        generator = np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed)))
        randoms = generator.random(10)
        uniforms = generator.uniform(low=-0.05, high=0.05, size=(4,))
        wide = generator.uniform(low=-0.6, high=-0.4)
        narrow32 = generator.uniform(low=-0.1, high=0.1, size=(4,)).astype(np.float32)
        gym_generator, _ = gym.utils.seeding.np_random(seed)
        entries.append({
            "seed": str(seed),
            "pool": [int(word) for word in sequence.pool],
            "state_uint32": [int(word) for word in sequence.generate_state(8, np.uint32)],
            "state_uint64": [hex64(word) for word in sequence.generate_state(4, np.uint64)],
            "raw": [hex64(word) for word in raw],
            # After the ten random() draws: uniform(-0.05, 0.05, size=(4,)), uniform(-0.6, -0.4), and
            # uniform(-0.1, 0.1, size=(4,)).astype(float32), continuing the same generator.
            "random": [hexfloat(value) for value in randoms],
            "uniform_cartpole": [hexfloat(value) for value in uniforms],
            "uniform_mountaincar": hexfloat(wide),
            "uniform_acrobot_float32": [hexfloat(value) for value in narrow32],
            # gymnasium's own seeding.np_random(seed) must start the same stream.
            "gymnasium_random": hexfloat(gym_generator.random()),
        })
    return {"generator": "numpy " + np.__version__ + ", gymnasium " + gym.__version__, "seeds": entries}


def cartpole_resets():
    env = gym.make("CartPole-v1")
    single = []
    for seed in list(range(100)) + SEEDS:
        env.reset(seed=seed)
        single.append({"seed": str(seed), "state": [hexfloat(x) for x in env.unwrapped.state]})
    continued = []
    for seed in [0, 7, 2**40 + 3]:
        env.reset(seed=seed)
        states = [[hexfloat(x) for x in env.unwrapped.state]]
        for _ in range(5):
            env.reset()
            states.append([hexfloat(x) for x in env.unwrapped.state])
        continued.append({"seed": str(seed), "states": states})
    return single, continued


def classic_resets(identifier):
    """Acrobot-v1 or MountainCar-v0: the state after reset(seed=N), then after three resets without a seed."""
    env = gym.make(identifier)
    entries = []
    for seed in list(range(50)) + SEEDS:
        env.reset(seed=seed)
        states = [[hexfloat(float(x)) for x in env.unwrapped.state]]
        for _ in range(3):
            env.reset()
            states.append([hexfloat(float(x)) for x in env.unwrapped.state])
        entries.append({"seed": str(seed), "states": states})
    return entries


def run(env, seed, actions, observe):
    """reset(seed=seed), then the actions in order, resetting without a seed after every episode's end."""
    observation, _ = env.reset(seed=seed)
    events = [{"action": None, "state": observe(env, observation)}]
    for action in actions:
        observation, reward, terminated, truncated, _ = env.step(action)
        events.append({"action": int(action), "state": observe(env, observation), "reward": float(reward),
                       "terminated": bool(terminated), "truncated": bool(truncated)})
        if terminated or truncated:
            observation, _ = env.reset()
            events.append({"action": None, "state": observe(env, observation)})
    return events


def episodes():
    actions = np.random.default_rng(2024)
    cartpole = []
    for seed in [3, 11, 2**33 + 1]:
        env = gym.make("CartPole-v1")
        chosen = actions.integers(0, 2, size=120)
        events = run(env, seed, chosen, lambda env, _: [hexfloat(x) for x in env.unwrapped.state])
        cartpole.append({"seed": str(seed), "events": events})
    toy = []
    worlds = [
        ("FrozenLake-v1", {"is_slippery": True}, "frozenlake4x4", True, [5, 123, 2**70 + 1]),
        ("FrozenLake-v1", {"is_slippery": False}, "frozenlake4x4", False, [9]),
        ("FrozenLake8x8-v1", {"is_slippery": True}, "frozenlake8x8", True, [17, 2**32]),
        ("CliffWalking-v1", {}, "cliffwalking", False, [4]),
        ("CliffWalking-v1", {"is_slippery": True}, "cliffwalking", True, [8, 2**64 + 5]),
    ]
    for identifier, kwargs, name, slippery, seeds in worlds:
        for seed in seeds:
            env = gym.make(identifier, **kwargs)
            chosen = actions.integers(0, 4, size=300)
            events = run(env, seed, chosen, lambda env, observation: int(observation))
            toy.append({"id": identifier, "map": name, "slippery": slippery, "seed": str(seed), "events": events})
    return cartpole, toy


def write(path, value):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, indent=1) + "\n")


def main():
    write(ROOT / "Tests/RLCoreTests/Fixtures/numpy_seeding.json", numpy_seeding())
    single, continued = cartpole_resets()
    cartpole, toy = episodes()
    write(ROOT / "Tests/EnvironmentsTests/Fixtures/gymnasium_seeded_episodes.json", {
        "generator": "gymnasium " + gym.__version__ + ", numpy " + np.__version__,
        "toy_text_actions": "gymnasium's own action numbers (FrozenLake: LEFT DOWN RIGHT UP; CliffWalking: UP RIGHT "
                            "DOWN LEFT)",
        "cartpole_resets": single,
        "cartpole_continued_resets": continued,
        "cartpole_runs": cartpole,
        "acrobot_resets": classic_resets("Acrobot-v1"),
        "mountaincar_resets": classic_resets("MountainCar-v0"),
        "toy_text_runs": toy,
    })


if __name__ == "__main__":
    main()
