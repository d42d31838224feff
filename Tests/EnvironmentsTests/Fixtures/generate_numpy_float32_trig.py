"""Writes numpy_float32_trig.json: numpy's float32 sin and cos, and Acrobot-v1's first observations, for rlterm's
NumpyFloat32Trigonometry tests. A test helper, not a runtime dependency of rlterm.

    python3 generate_numpy_float32_trig.py      (numpy 2.4.6, gymnasium 1.4.0, x86-64 with AVX2 or AVX-512)

- `arguments`, `sin`, `cos`: float32 bit patterns. Every argument in 200,000 uniform draws from Acrobot's reset
  range [-0.1, 0.1) where numpy's float32 result differs from the float64 result rounded to float32, 500 where it
  does not, 2,000 draws from [-10, 10), 200 from [-1e5, 1e5), and special values.
- `acrobot_resets`: gym seeds among 0..19,999 whose first observation (`env.reset(seed=N)`) differs from the one
  computed in float64 and rounded, plus the first 20 seeds, each with the observation's float32 bit patterns.
"""
import json
import math
import os

import gymnasium as gym
import numpy as np


def bits(values):
    return [int(v) for v in np.asarray(values, dtype=np.float32).view(np.uint32)]


def float64_rounded(function, values):
    return np.array([function(float(v)) for v in values], dtype=np.float32)


def main():
    rng = np.random.default_rng(20261207)
    narrow = rng.uniform(-0.1, 0.1, 200_000).astype(np.float32)
    differs = (np.sin(narrow).view(np.uint32) != float64_rounded(math.sin, narrow).view(np.uint32)) | \
              (np.cos(narrow).view(np.uint32) != float64_rounded(math.cos, narrow).view(np.uint32))
    special = np.array([0.0, -0.0, 1e-30, -1e-40, np.pi / 4, np.pi / 2, np.pi, 71476.0625, 71476.07,
                        117435.992, 117436.0, 3e5, np.inf, -np.inf, np.nan], dtype=np.float32)
    arguments = np.concatenate([narrow[differs], narrow[~differs][:500],
                                rng.uniform(-10, 10, 2_000).astype(np.float32),
                                rng.uniform(-1e5, 1e5, 200).astype(np.float32), special])

    env = gym.make("Acrobot-v1")
    resets = []
    for seed in range(20_000):
        observation, _ = env.reset(seed=seed)
        theta1, theta2, velocity1, velocity2 = (float(x) for x in env.unwrapped.state)
        rounded = np.array([math.cos(theta1), math.sin(theta1), math.cos(theta2), math.sin(theta2), velocity1,
                            velocity2], dtype=np.float32)
        if seed < 20 or (observation.view(np.uint32) != rounded.view(np.uint32)).any():
            resets.append({"seed": seed, "observation": bits(observation)})

    with np.errstate(invalid="ignore"):  # sin and cos of ±inf are NaN, as they should be
        sines, cosines = np.sin(arguments), np.cos(arguments)
    out = {
        "numpy": np.__version__, "gymnasium": gym.__version__,
        "arguments": bits(arguments), "sin": bits(sines), "cos": bits(cosines),
        "acrobot_resets": resets,
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "numpy_float32_trig.json")
    with open(path, "w") as file:
        json.dump(out, file, separators=(",", ":"))
        file.write("\n")
    print(f"{path}: {len(arguments)} arguments ({int(differs.sum())} where float32 differs), "
          f"{len(resets)} Acrobot resets")


if __name__ == "__main__":
    main()
