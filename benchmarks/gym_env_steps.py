#!/usr/bin/env python3
"""Steps per second of gymnasium's own environments, measured as `rlterm bench`'s env.NAME figures are: one
environment, actions cycling 0, 1, ..., reset at the end of each episode, for at least SECONDS.

Usage: python3 benchmarks/gym_env_steps.py [SECONDS]   (prints a JSON list of {name, value, unit})
"""
import json
import sys
import time

import gymnasium as gym

ENVIRONMENTS = {"cartpole": "CartPole-v1", "acrobot": "Acrobot-v1", "mountaincar": "MountainCar-v0"}


def steps_per_second(env_id, seconds):
    env = gym.make(env_id)
    env.reset(seed=0)
    actions = env.action_space.n
    steps, start = 0, time.perf_counter()
    while True:
        for _ in range(1000):
            _, _, terminated, truncated, _ = env.step(steps % actions)
            steps += 1
            if terminated or truncated:
                env.reset()
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return steps / elapsed


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
    figures = [{"name": f"gym.{name}", "value": steps_per_second(env_id, seconds), "unit": "steps/s"}
               for name, env_id in ENVIRONMENTS.items()]
    figures.insert(0, {"name": "gym.version", "value": 0, "unit": gym.__version__})
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
