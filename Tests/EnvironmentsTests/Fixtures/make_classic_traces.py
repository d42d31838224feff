#!/usr/bin/env python3
"""Records Acrobot-v1 and MountainCar-v0 episodes from gymnasium 1.4.0 as trace files for rlterm's conformance
tests and `rlterm conformance acrobot|mountaincar`.

Usage: python3 make_classic_traces.py [OUTPUT_DIR]   (default: this script's folder)

Writes acrobot_v1_traces.json and mountaincar_v0_traces.json in the traces schema of cartpole_v1_traces.json
(formats "acrobot-traces/1" and "mountaincar-traces/1"): every double in decimal and as its IEEE-754 bit pattern
(`0x%016x`), every float32 observation component in decimal and as `0x%08x`. Each episode sets
`env.unwrapped.state` to its initial state as a float64 array right after a reset, so the Swift side starts from
exactly these doubles without reproducing numpy's generator, then applies the recorded actions until the episode
terminates or is truncated. `initial_obs` is the observation of that float64 state. (Right after a real reset
Acrobot's state is float32 and numpy takes its cos and sin in float32, which is one float32 ulp away from the
rounded float64 values on about 0.2% of resets; the states, and so every later step, are the same.)
A test helper only: rlterm never runs Python.
"""
import json
import math
import os
import platform
import struct
import sys

import gymnasium as gym
import numpy as np


def double_hex(value):
    return "0x%016x" % struct.unpack("<Q", struct.pack("<d", float(value)))[0]


def float_hex(value):
    return "0x%08x" % struct.unpack("<I", struct.pack("<f", np.float32(value)))[0]


def record(env, trace_id, kind, description, initial_state, policy):
    """Runs one episode from `initial_state`, choosing each action with `policy(state, t)`."""
    env.reset(seed=0)
    env.unwrapped.state = np.array(initial_state, dtype=np.float64)
    observation = np.array(env.unwrapped._get_ob() if hasattr(env.unwrapped, "_get_ob")
                           else env.unwrapped.state, dtype=np.float32)
    steps, actions = [], []
    t = 0
    while True:
        t += 1
        action = int(policy(np.array(env.unwrapped.state, dtype=np.float64), t))
        observation, reward, terminated, truncated, _ = env.step(action)
        state = np.array(env.unwrapped.state, dtype=np.float64)
        actions.append(action)
        steps.append({
            "t": t, "action": action,
            "state": [float(v) for v in state], "state_hex": [double_hex(v) for v in state],
            "obs": [float(np.float32(v)) for v in observation], "obs_hex": [float_hex(v) for v in observation],
            "reward": float(reward), "terminated": bool(terminated), "truncated": bool(truncated),
        })
        if terminated or truncated:
            break
    first_obs = initial_observation(env, initial_state)
    return {
        "id": trace_id, "kind": kind, "description": description,
        "initial_state": [float(v) for v in initial_state],
        "initial_state_hex": [double_hex(v) for v in initial_state],
        "initial_obs": [float(np.float32(v)) for v in first_obs],
        "initial_obs_hex": [float_hex(v) for v in first_obs],
        "actions": actions, "num_steps": len(steps), "steps": steps,
    }


def initial_observation(env, initial_state):
    """The observation gymnasium shows for the float64 `initial_state` (without stepping)."""
    saved = env.unwrapped.state
    env.unwrapped.state = np.array(initial_state, dtype=np.float64)
    if hasattr(env.unwrapped, "_get_ob"):
        observation = env.unwrapped._get_ob()
    else:
        observation = np.array(env.unwrapped.state, dtype=np.float32)
    env.unwrapped.state = saved
    return observation


def random_policy(seed, actions=3):
    rng = np.random.default_rng(seed)
    return lambda state, t: rng.integers(actions)


def reset_state(env, seed):
    """The start state gymnasium draws for `seed`, as doubles (Acrobot draws in float32)."""
    env.reset(seed=seed)
    return [float(v) for v in env.unwrapped.state]


def acrobot_traces():
    env = gym.make("Acrobot-v1")
    traces = []
    for seed in (0, 2):
        traces.append(record(env, f"random_seed{seed}", "random",
                             f"reset(seed={seed}); uniform random actions from default_rng({1000 + seed})",
                             reset_state(env, seed), random_policy(1000 + seed)))
    # Pumping energy: torque along the second link's velocity (or against the first's) swings the tip up
    # within about a hundred steps.
    for seed in range(10, 14):
        traces.append(record(env, f"pump2_seed{seed}", "scripted_terminates",
                             f"reset(seed={seed}); torque +1 when theta2_dot > 0, else -1", reset_state(env, seed),
                             lambda state, t: 2 if state[3] > 0 else 0))
    for seed in range(14, 18):
        traces.append(record(env, f"pump1_seed{seed}", "scripted_terminates",
                             f"reset(seed={seed}); torque -1 when theta1_dot > 0, else +1", reset_state(env, seed),
                             lambda state, t: 0 if state[2] > 0 else 2))
    # Starts fast enough that both velocity clips act, and angles beyond ±π that wrap on the first step.
    for index, start in enumerate([[0.0, 0.0, 12.5, 28.0], [0.2, -0.3, -12.0, -28.2], [4.0, -4.0, 20.0, -40.0]]):
        traces.append(record(env, f"hand_clip{index}", "hand_velocity_clip",
                             f"hand-set start {start}; uniform random actions from default_rng({2000 + index})",
                             start, lambda state, t, r=np.random.default_rng(2000 + index): r.integers(3)))
    return env, traces


def mountaincar_traces():
    env = gym.make("MountainCar-v0")
    traces = []
    for seed in range(2):
        traces.append(record(env, f"random_seed{seed}", "random_truncated",
                             f"reset(seed={seed}); uniform random actions from default_rng({1000 + seed})",
                             reset_state(env, seed), random_policy(1000 + seed)))
    # Pushing along the velocity builds the swing up to the speed clip and reaches the flag.
    pump = lambda state, t: 2 if state[1] >= 0 else 0
    for seed in range(10, 20):
        traces.append(record(env, f"pump_seed{seed}", "scripted_terminates",
                             f"reset(seed={seed}); push right when velocity >= 0, else left", reset_state(env, seed),
                             pump))
    hands = [
        ("hand_left_wall", [-1.15, -0.05], lambda state, t: 0, "pushes left into the wall at -1.2"),
        ("hand_speed_clip", [-1.0, 0.069], lambda state, t: 2, "starts near the speed clip and pushes right"),
        ("hand_goal_edge", [0.49, 0.0099], lambda state, t: 1, "coasts onto the flag from just below it"),
    ]
    for trace_id, start, policy, what in hands:
        traces.append(record(env, trace_id, "hand", f"hand-set start {start}; {what}", start, policy))
    return env, traces


def write(path, format_name, env, traces):
    header = {
        "format": format_name,
        "generator": {
            "library": "gymnasium", "gymnasium_version": gym.__version__, "numpy_version": np.__version__,
            "python_version": platform.python_version(), "platform": f"{platform.system()} {platform.machine()}",
            "env": f"gymnasium.make('{env.spec.id}')", "wrapper_stack": str(env),
            "script": "Tests/EnvironmentsTests/Fixtures/make_classic_traces.py",
        },
    }
    with open(path, "w") as out:
        out.write("{\n")
        for key, value in header.items():
            out.write(f"  {json.dumps(key)}: {json.dumps(value)},\n")
        out.write('  "traces": [\n')
        for index, trace in enumerate(traces):
            steps = trace.pop("steps")
            out.write("    {" + json.dumps(trace)[1:-1] + ', "steps": [\n')
            out.write(",\n".join("      " + json.dumps(step, separators=(",", ":")) for step in steps))
            out.write("\n    ]}" + ("," if index + 1 < len(traces) else "") + "\n")
        out.write("  ]\n}\n")


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    env, traces = acrobot_traces()
    write(os.path.join(folder, "acrobot_v1_traces.json"), "acrobot-traces/1", env, traces)
    env, traces = mountaincar_traces()
    write(os.path.join(folder, "mountaincar_v0_traces.json"), "mountaincar-traces/1", env, traces)


if __name__ == "__main__":
    main()
