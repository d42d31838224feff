#!/usr/bin/env python3
"""Stable-Baselines3 reference runs (CartPole-v1 by default) with rl-zoo3's tuned hyperparameters.

rlterm's DQN and VPG are judged against SB3 DQN and PPO measured on the same machine in the same run
(issues 4 and 5). The yardstick, shared with `rlterm train --eval-every 1000 --stop-when-solved`:

* every 1,000 training steps, run 10 greedy (deterministic) episodes on a separate environment;
* "solved" is the first such evaluation whose mean return is >= 475;
* seconds-to-solve is training wall-clock time with the evaluation time taken out.

The machine is shared (2 cores, others compile on it), so next to wall-clock seconds the script records
this process's CPU seconds over the same spans, which a busy neighbour disturbs far less, and the load
average at the start and end of each seed.

Besides that the script records when the mean return of the last 100 *training* episodes first reaches
475 (with --keep-going it trains on past the solve, up to --max-steps, to find it).

The hyperparameters are read at run time from the installed rl_zoo3 package (hyperparams/<algo>.yml), so
the comparison follows whatever the zoo ships; or, with --hyperparams FILE, from a file in the zoo's format
(benchmarks/zoo_dqn_classic.yml: the zoo's Acrobot and MountainCar entries, for machines without rl_zoo3).
The script prints what it used.

Benchmark tooling only: rlterm itself never depends on Python.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections import deque
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import torch

# The comparison is against single-threaded rlterm on a shared 2-core machine; set this before any model
# is built so no intra-op thread pool is created with more threads.
torch.set_num_threads(1)

import gymnasium  # noqa: E402  (imported after the thread setting on purpose)
import stable_baselines3  # noqa: E402
import yaml  # noqa: E402
from stable_baselines3 import DQN, PPO  # noqa: E402
from stable_baselines3.common.callbacks import BaseCallback  # noqa: E402
from stable_baselines3.common.env_util import make_vec_env  # noqa: E402
from stable_baselines3.common.evaluation import evaluate_policy  # noqa: E402
from stable_baselines3.common.vec_env import VecEnv, VecNormalize, sync_envs_normalization  # noqa: E402

ALGORITHMS = {"dqn": DQN, "ppo": PPO}

# Zoo keys that shape the environments or the run rather than the algorithm; consumed here.
ENV_KEYS = {"n_envs", "n_timesteps", "normalize"}
# Zoo keys this script does not implement (wrappers, callbacks, frame stacking, action noise, ...):
# refused rather than silently ignored, since they would change the setup. Every remaining key goes to
# the SB3 constructor, which rejects any it does not know.
UNSUPPORTED_KEYS = {
    "env_wrapper", "vec_env_wrapper", "callback", "frame_stack", "noise_type", "noise_std",
    "replay_buffer_class", "replay_buffer_kwargs", "monitor_kwargs", "env_kwargs",
}
# Keys the zoo allows to be written as "lin_<initial value>" (a linear decay to zero).
SCHEDULE_KEYS = {"learning_rate", "clip_range", "clip_range_vf"}

# The greedy-evaluation environment gets its own seed stream, far from the training envs' seed..seed+n-1.
EVAL_SEED_OFFSET = 10_000
TRAINING_MEAN_WINDOW = 100


class ZooLinearSchedule:
    """The zoo's "lin_x" schedule: x · (remaining fraction of the zoo's n_timesteps), floored at 0.

    SB3 hands schedules the progress remaining of the `learn()` call, p = 1 − t/T with T = the total passed
    to `learn()` (here --max-steps). The zoo meant the decay to run over its own n_timesteps N, so the
    step t = (1 − p)·T is recovered and re-expressed against N. Runs longer than N hold the final value
    (0) instead of going negative; runs shorter than N stop part-way down the same ramp. Either way the
    schedule at step t does not depend on --max-steps.
    """

    def __init__(self, initial: float, zoo_steps: int, learn_steps: int) -> None:
        self.initial = initial
        self.zoo_steps = zoo_steps
        self.learn_steps = learn_steps

    def __call__(self, progress_remaining: float) -> float:
        step = (1.0 - progress_remaining) * self.learn_steps
        return self.initial * max(0.0, 1.0 - step / self.zoo_steps)

    def __repr__(self) -> str:
        return f"lin_{self.initial} (to 0 over {self.zoo_steps} steps)"


@dataclass
class ZooSetup:
    """What the zoo's entry for one algorithm and environment turns into."""

    algo_kwargs: dict[str, Any]
    n_envs: int
    zoo_steps: int
    normalize_kwargs: dict[str, Any] | None
    raw: dict[str, Any]


def zoo_version() -> str:
    """The installed rl_zoo3's version, or "not installed" (a --hyperparams file needs no zoo)."""
    try:
        import rl_zoo3
    except ImportError:
        return "not installed"
    return rl_zoo3.__version__


def load_zoo_entry(algo: str, env_id: str, path: Path | None) -> tuple[dict[str, Any], Path]:
    """Reads the hyperparameter entry for `env_id` from `path`, or else from the installed rl_zoo3 package."""
    if path is None:
        import rl_zoo3

        path = Path(rl_zoo3.__file__).parent / "hyperparams" / f"{algo}.yml"
    with path.open() as handle:
        table = yaml.safe_load(handle)
    if env_id not in table:
        sys.exit(f"error: {path} has no entry for {env_id}")
    return dict(table[env_id]), path


def parse_python_literal(text: str, key: str) -> Any:
    """Evaluates the zoo's Python-expression strings (e.g. policy_kwargs "dict(net_arch=[256, 256])").

    The zoo itself eval()s these; here the namespace is limited to what such expressions use.
    """
    namespace = {"__builtins__": {}, "dict": dict, "list": list, "tuple": tuple, "nn": torch.nn, "th": torch}
    try:
        return eval(text, namespace)  # noqa: S307 - trusted text from the installed zoo package
    except Exception as error:  # noqa: BLE001 - reported with the key named
        sys.exit(f"error: cannot read zoo value {key}={text!r}: {error}")


def build_setup(raw: dict[str, Any], max_steps: int) -> ZooSetup:
    """Turns a zoo entry into SB3 constructor arguments plus the environment settings."""
    unsupported = sorted(set(raw) & UNSUPPORTED_KEYS)
    if unsupported:
        sys.exit(f"error: zoo entry uses {unsupported}, which this script does not implement")

    zoo_steps = int(raw["n_timesteps"])
    n_envs = int(raw.get("n_envs", 1))

    normalize_kwargs = None
    normalize = raw.get("normalize", False)
    if isinstance(normalize, str):
        normalize = parse_python_literal(normalize, "normalize")
    if isinstance(normalize, dict) or normalize is True:
        normalize_kwargs = dict(normalize) if isinstance(normalize, dict) else {}
        # As in the zoo: reward normalisation discounts with the algorithm's own gamma.
        if "gamma" in raw:
            normalize_kwargs["gamma"] = raw["gamma"]

    algo_kwargs: dict[str, Any] = {}
    for key, value in raw.items():
        if key in ENV_KEYS:
            continue
        if key == "policy_kwargs" and isinstance(value, str):
            value = parse_python_literal(value, key)
        elif key in SCHEDULE_KEYS and isinstance(value, str):
            kind, _, initial = value.partition("_")
            if kind != "lin":
                sys.exit(f"error: zoo schedule {key}={value!r} is not of the form lin_<value>")
            value = ZooLinearSchedule(float(initial), zoo_steps, max_steps)
        elif key == "exploration_fraction":
            # SB3 measures this fraction against the learn() total (--max-steps); rescale it so that
            # epsilon reaches its final value after fraction × n_timesteps steps, as in the zoo.
            value = float(value) * zoo_steps / max_steps
        algo_kwargs[key] = value
    return ZooSetup(algo_kwargs, n_envs, zoo_steps, normalize_kwargs, raw)


def describe_setup(algo: str, env_id: str, path: Path, setup: ZooSetup) -> str:
    lines = [f"rl-zoo3 ({zoo_version()}) hyperparameters for {algo.upper()} on {env_id} ({path}):"]
    for key in sorted(setup.raw):
        lines.append(f"  {key}: {setup.raw[key]!r}")
    lines.append(f"  -> n_envs={setup.n_envs}, schedules measured against n_timesteps={setup.zoo_steps}"
                 f", observation/reward normalisation: {setup.normalize_kwargs or 'off'}")
    if "exploration_fraction" in setup.raw:
        lines.append(f"  -> epsilon reaches its final value after "
                     f"{float(setup.raw['exploration_fraction']) * setup.zoo_steps:.0f} steps")
    return "\n".join(lines)


@dataclass
class Evaluation:
    timesteps: int
    mean_return: float
    std_return: float
    train_seconds: float
    train_cpu_seconds: float


@dataclass
class SeedResult:
    seed: int
    steps_to_solve: int | None = None
    train_seconds_to_solve: float | None = None
    train_cpu_seconds_to_solve: float | None = None
    training_mean_475_step: int | None = None
    training_mean_475_seconds: float | None = None
    training_mean_475_cpu_seconds: float | None = None
    steps_run: int = 0
    train_seconds: float = 0.0
    train_cpu_seconds: float = 0.0
    eval_seconds: float = 0.0
    episodes: int = 0
    best_eval_mean: float | None = None
    loadavg_start: list[float] = field(default_factory=list)
    loadavg_end: list[float] = field(default_factory=list)
    evaluations: list[Evaluation] = field(default_factory=list)


class SolveWatcher(BaseCallback):
    """Evaluates every `eval_every` total steps, keeps the training clock, and stops training when done.

    SB3 calls `_on_step` once per vectorised step, i.e. after `n_envs` environment steps, so the step
    counter moves in increments of n_envs. An evaluation happens at the first callback where the counter
    has reached the next multiple of `eval_every` and is recorded at that counter value (with 8 envs and
    1,000-step spacing the two coincide exactly). The policy evaluated is whatever the algorithm holds at
    that moment: PPO and this DQN update only at rollout / train_freq boundaries, so it is the network from
    the last completed update.
    """

    def __init__(self, args: argparse.Namespace, eval_env: VecEnv, result: SeedResult) -> None:
        super().__init__()
        self.args = args
        self.eval_env = eval_env
        self.result = result
        self.next_eval = args.eval_every
        self.window: deque[float] = deque(maxlen=TRAINING_MEAN_WINDOW)
        self.clock_start = 0.0
        self.cpu_start = 0.0
        self.eval_total = 0.0
        self.eval_cpu_total = 0.0

    def train_seconds(self) -> float:
        return time.perf_counter() - self.clock_start - self.eval_total

    def train_cpu_seconds(self) -> float:
        return time.process_time() - self.cpu_start - self.eval_cpu_total

    def _on_training_start(self) -> None:
        self.clock_start = time.perf_counter()
        self.cpu_start = time.process_time()

    def _on_step(self) -> bool:
        result = self.result
        for info in self.locals["infos"]:
            episode = info.get("episode")  # written by the Monitor wrapper when an episode ends
            if episode is None:
                continue
            result.episodes += 1
            self.window.append(float(episode["r"]))
            if (result.training_mean_475_step is None and len(self.window) == TRAINING_MEAN_WINDOW
                    and statistics.fmean(self.window) >= self.args.threshold):
                result.training_mean_475_step = self.num_timesteps
                result.training_mean_475_seconds = self.train_seconds()
                result.training_mean_475_cpu_seconds = self.train_cpu_seconds()

        if self.num_timesteps >= self.next_eval:
            self.next_eval += self.args.eval_every
            self.evaluate()

        if result.steps_to_solve is None:
            return True
        return self.args.keep_going and result.training_mean_475_step is None

    def evaluate(self) -> None:
        train_seconds = self.train_seconds()
        train_cpu_seconds = self.train_cpu_seconds()
        started = time.perf_counter()
        cpu_started = time.process_time()
        if isinstance(self.eval_env, VecNormalize):
            sync_envs_normalization(self.training_env, self.eval_env)
        mean, std = evaluate_policy(self.model, self.eval_env, n_eval_episodes=self.args.eval_episodes,
                                    deterministic=True)
        self.eval_total += time.perf_counter() - started
        self.eval_cpu_total += time.process_time() - cpu_started

        result = self.result
        result.evaluations.append(Evaluation(self.num_timesteps, float(mean), float(std), train_seconds,
                                             train_cpu_seconds))
        if result.best_eval_mean is None or mean > result.best_eval_mean:
            result.best_eval_mean = float(mean)
        if result.steps_to_solve is None and mean >= self.args.threshold:
            result.steps_to_solve = self.num_timesteps
            result.train_seconds_to_solve = train_seconds
            result.train_cpu_seconds_to_solve = train_cpu_seconds
        if self.args.verbose:
            print(f"    seed {result.seed} step {self.num_timesteps:>7}: eval {mean:6.1f} ± {std:5.1f}"
                  f"  train {train_seconds:7.2f} s", flush=True)

    def _on_training_end(self) -> None:
        self.result.steps_run = self.num_timesteps
        self.result.train_seconds = self.train_seconds()
        self.result.train_cpu_seconds = self.train_cpu_seconds()
        self.result.eval_seconds = self.eval_total


def make_envs(args: argparse.Namespace, setup: ZooSetup, seed: int) -> tuple[VecEnv, VecEnv]:
    """Training envs seeded seed..seed+n_envs−1 and one evaluation env seeded seed+EVAL_SEED_OFFSET.

    Both are Monitor-wrapped DummyVecEnvs, as the zoo builds them; the Monitor provides episode returns.
    """
    train_env = make_vec_env(args.env, n_envs=setup.n_envs, seed=seed)
    eval_env = make_vec_env(args.env, n_envs=1, seed=seed + EVAL_SEED_OFFSET)
    if setup.normalize_kwargs is not None:
        train_env = VecNormalize(train_env, **setup.normalize_kwargs)
        # Evaluation uses the training statistics (synced before each evaluation) and raw rewards.
        eval_env = VecNormalize(eval_env, training=False, norm_reward=False)
    return train_env, eval_env


def run_seed(args: argparse.Namespace, setup: ZooSetup, seed: int) -> SeedResult:
    result = SeedResult(seed=seed, loadavg_start=list(os.getloadavg()))
    train_env, eval_env = make_envs(args, setup, seed)
    model = ALGORITHMS[args.algo](env=train_env, seed=seed, device="cpu", verbose=0, **setup.algo_kwargs)
    model.learn(total_timesteps=args.max_steps, callback=SolveWatcher(args, eval_env, result))
    train_env.close()
    eval_env.close()
    result.loadavg_end = list(os.getloadavg())
    return result


def fmt(value: float | int | None, spec: str) -> str:
    return "—" if value is None else format(value, spec)


def median_of(values: list[float | int | None]) -> float | None:
    present = [value for value in values if value is not None]
    return statistics.median(present) if present else None


def print_table(args: argparse.Namespace, results: list[SeedResult]) -> None:
    print(f"\nSB3 {args.algo.upper()} on {args.env} (rl-zoo3 settings), greedy eval of {args.eval_episodes} "
          f"episodes every {args.eval_every} steps, solved = eval mean >= {args.threshold:g}, "
          f"max {args.max_steps} steps{', keep-going' if args.keep_going else ''}")
    header = (f"{'seed':>4} | {'solve step':>10} | {'solve s':>8} | {'cpu s':>7} | {'100-ep mean step':>16} | "
              f"{'mean s':>7} | {'steps run':>9} | {'train s':>8} | {'eval s':>7} | {'best eval':>9} | "
              "load start/end")
    print(header)
    print("-" * len(header))
    for r in results:
        print(f"{r.seed:>4} | {fmt(r.steps_to_solve, 'd'):>10} | {fmt(r.train_seconds_to_solve, '.2f'):>8} | "
              f"{fmt(r.train_cpu_seconds_to_solve, '.2f'):>7} | "
              f"{fmt(r.training_mean_475_step, 'd'):>16} | {fmt(r.training_mean_475_seconds, '.2f'):>7} | "
              f"{r.steps_run:>9} | {r.train_seconds:>8.2f} | {r.eval_seconds:>7.2f} | "
              f"{fmt(r.best_eval_mean, '.1f'):>9} | "
              f"{r.loadavg_start[0]:.2f}/{r.loadavg_end[0]:.2f}")
    solved = sum(r.steps_to_solve is not None for r in results)
    print(f"solved {solved}/{len(results)}; median over solved seeds: "
          f"{fmt(median_of([r.steps_to_solve for r in results]), '.0f')} steps, "
          f"{fmt(median_of([r.train_seconds_to_solve for r in results]), '.2f')} s wall, "
          f"{fmt(median_of([r.train_cpu_seconds_to_solve for r in results]), '.2f')} s CPU")
    reached = [r for r in results if r.training_mean_475_step is not None]
    print(f"100-episode training mean >= {args.threshold:g} on {len(reached)}/{len(results)} seeds; median "
          f"{fmt(median_of([r.training_mean_475_step for r in reached]), '.0f')} steps, "
          f"{fmt(median_of([r.training_mean_475_seconds for r in reached]), '.2f')} s wall, "
          f"{fmt(median_of([r.training_mean_475_cpu_seconds for r in reached]), '.2f')} s CPU")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--algo", choices=sorted(ALGORITHMS), required=True)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--max-steps", type=int, default=100_000, help="cap on training steps per seed")
    parser.add_argument("--keep-going", action="store_true",
                        help="after solving, train on (to --max-steps) until the 100-episode training mean "
                             "reaches the threshold")
    parser.add_argument("--env", default="CartPole-v1")
    parser.add_argument("--threshold", type=float, default=475.0)
    parser.add_argument("--eval-every", type=int, default=1000)
    parser.add_argument("--eval-episodes", type=int, default=10)
    parser.add_argument("--hyperparams", type=Path,
                        help="a YAML file in the zoo's format to read instead of the installed rl_zoo3's")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--verbose", action="store_true", help="print every evaluation")
    args = parser.parse_args(argv)
    for name in ("max_steps", "eval_every", "eval_episodes"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    raw, path = load_zoo_entry(args.algo, args.env, args.hyperparams)
    setup = build_setup(raw, args.max_steps)
    print(describe_setup(args.algo, args.env, path, setup))
    print(f"torch threads: {torch.get_num_threads()}; load average at start: {os.getloadavg()}", flush=True)

    results = []
    for seed in args.seeds:
        result = run_seed(args, setup, seed)
        print(f"  seed {seed}: solved at {fmt(result.steps_to_solve, 'd')} steps "
              f"({fmt(result.train_seconds_to_solve, '.2f')} s), {result.steps_run} steps run", flush=True)
        results.append(result)
    print_table(args, results)

    if args.json:
        report = {
            "benchmark": "sb3_cartpole",
            "date_utc": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "command": " ".join([Path(sys.argv[0]).name, *(argv if argv is not None else sys.argv[1:])]),
            "algo": args.algo,
            "env": args.env,
            "definition": {
                "eval_every_steps": args.eval_every,
                "eval_episodes": args.eval_episodes,
                "eval_deterministic": True,
                "threshold": args.threshold,
                "train_seconds": "wall-clock inside learn(), minus evaluation time",
                "train_cpu_seconds": "this process's CPU time over the same spans",
                "training_mean_window": TRAINING_MEAN_WINDOW,
            },
            "max_steps": args.max_steps,
            "keep_going": args.keep_going,
            "zoo_hyperparameters": raw,
            "zoo_hyperparameters_file": str(path),
            "versions": {
                "python": platform.python_version(),
                "torch": torch.__version__,
                "stable_baselines3": stable_baselines3.__version__,
                "rl_zoo3": zoo_version(),
                "gymnasium": gymnasium.__version__,
            },
            "torch_threads": torch.get_num_threads(),
            "cpu_count": os.cpu_count(),
            "summary": {
                "solved": sum(r.steps_to_solve is not None for r in results),
                "seeds": len(results),
                "median_steps_to_solve": median_of([r.steps_to_solve for r in results]),
                "median_train_seconds_to_solve": median_of([r.train_seconds_to_solve for r in results]),
                "median_train_cpu_seconds_to_solve": median_of([r.train_cpu_seconds_to_solve for r in results]),
                "training_mean_reached": sum(r.training_mean_475_step is not None for r in results),
                "median_training_mean_475_step": median_of([r.training_mean_475_step for r in results]),
            },
            "seeds": [asdict(r) for r in results],
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n")
        print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
