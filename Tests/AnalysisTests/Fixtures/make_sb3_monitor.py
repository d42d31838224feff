"""Writes the SB3 Monitor fixture: Stable-Baselines3's own Monitor wrapper (SB3 2.9.2, gymnasium 1.4.0)
around CartPole-v1, driven by a policy that pushes the cart towards the pole's lean with a probability
rising from 0 (a random policy) to 1 over 60 episodes, so the returns climb like a learning curve.

  sb3/seed=0/monitor.csv, sb3/seed=1/monitor.csv   one Monitor each (Monitor(env, directory))
  sb3/seed=2/{0,1}.monitor.csv                     make_vec_env(n_envs=2, monitor_dir=...): SB3's one file per copy

Run from this directory: python3 make_sb3_monitor.py
"""
import os
import shutil

import gymnasium as gym
import numpy as np
from stable_baselines3.common.env_util import make_vec_env
from stable_baselines3.common.monitor import Monitor

EPISODES = 60


def action(observation, episode, rng):
    skill = min(episode / EPISODES, 1.0)
    lean_right = observation[2] + 0.5 * observation[3] > 0
    return int(lean_right) if rng.random() < skill else int(rng.integers(2))


def single(seed):
    directory = f"sb3/seed={seed}"
    os.makedirs(directory, exist_ok=True)
    env = Monitor(gym.make("CartPole-v1"), directory)
    rng = np.random.default_rng(seed)
    observation, _ = env.reset(seed=seed)
    for episode in range(EPISODES):
        done = False
        while not done:
            observation, _, terminated, truncated, _ = env.step(action(observation, episode, rng))
            done = terminated or truncated
        observation, _ = env.reset()
    env.close()


def vectorised(seed):
    directory = f"sb3/seed={seed}"
    os.makedirs(directory, exist_ok=True)
    env = make_vec_env("CartPole-v1", n_envs=2, seed=seed, monitor_dir=directory)
    rng = np.random.default_rng(seed)
    observations = env.reset()
    finished = 0
    while finished < EPISODES:
        actions = np.array([action(observation, finished, rng) for observation in observations])
        observations, _, dones, _ = env.step(actions)
        finished += int(dones.sum())
    env.close()


if __name__ == "__main__":
    shutil.rmtree("sb3", ignore_errors=True)
    single(0)
    single(1)
    vectorised(2)
