"""Records MinAtar episodes for rlterm's conformance tests: minatar_<game>_traces.json, format minatar-traces/1.

Run `python3 make_minatar_traces.py [game ...]` here with `pip install minatar==1.0.15` (numpy 2.4.6, CPython
3.11.7 on Linux x86-64). A test helper, not a runtime dependency: it runs MinAtar as a black box
(Environment, seed, reset, act, state) and reads nothing of its code.

Each trace: the seed given to `env.seed`, the sticky-action probability, difficulty ramping, the actions, each
act's reward and terminal flag, and the observation and the stream position (32-bit words drawn from the
shared RandomState since `seed`) after the reset and after every act (so one more of those than of actions). An observation is the sorted list of its set cells,
each as the flat index (y·10 + x)·C + c of the bool (10, 10, C) array. Episodes continue a few acts past the
terminal one, because acts after the end still draw from the stream.
"""
import copy
import json
import os
import sys

import numpy as np
from minatar import Environment

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../RLCoreTests/Fixtures"))
from make_numpy_random_state import WordCounter  # noqa: E402  (an act draws far fewer than 624 words)

GAMES = ["breakout", "freeway", "space_invaders", "asterix", "seaquest"]
ACTS_AFTER_TERMINAL = 3


def cells(observation):
    return [int(i) for i in np.flatnonzero(observation.reshape(-1))]


def random_policy(observation, chooser):
    return int(chooser.randint(6))


def breakout_policy(observation, chooser):
    """Keeps the paddle under where a falling ball will come down and near the middle while it rises, with a
    little noise while the ball is high."""
    ball = np.argwhere(observation[:, :, 1])
    paddle = int(np.argwhere(observation[9, :, 0])[0][0])
    if not len(ball):
        return 0
    trail = np.argwhere(observation[:, :, 2])[0]
    y, x = ball[0]
    if y < 5 and chooser.rand() < 0.05:
        return int(chooser.randint(6))
    dx = x - trail[1] or 1
    if y - trail[0] <= 0:
        x = min(6, max(3, x))
    else:
        for _ in range(8 - y):
            x += dx
            if x < 0 or x > 9:
                x = min(9, max(0, x))
                dx = -dx
    return 1 if x < paddle else 3 if x > paddle else 0


def up_policy(observation, chooser):
    return 2 if chooser.rand() < 0.9 else int(chooser.randint(6))


def space_invaders_policy(observation, chooser):
    """Steps out of the column of a low enemy bullet, fires when an alien is overhead and no shot of its own is
    in the air, else walks to the nearest column with aliens."""
    cannon = int(np.argwhere(observation[9, :, 0])[0][0])
    danger = {int(x) for y, x in np.argwhere(observation[:, :, 5]) if y >= 6}
    if cannon in danger:
        for x, action in ((cannon - 1, 1), (cannon + 1, 3)):
            if 0 <= x <= 9 and x not in danger:
                return action
    if chooser.rand() < 0.05:
        return int(chooser.randint(6))
    columns = np.flatnonzero(observation[:, :, 1].any(axis=0))
    if cannon in columns and not observation[:, cannon, 4].any():
        return 5
    if len(columns):
        target = columns[np.argmin(np.abs(columns - cannon))]
        if target < cannon and cannon - 1 not in danger:
            return 1
        if target > cannon and cannon + 1 not in danger:
            return 3
    return 5


def asterix_policy(observation, chooser):
    """Moves to the neighbouring cell (or stays) with the fewest enemies close by in its row, drawn a little
    towards the nearest gold."""
    y, x = np.argwhere(observation[:, :, 0])[0]
    moves = {0: (0, 0), 1: (0, -1), 2: (-1, 0), 3: (0, 1), 4: (1, 0)}
    scored = []
    for action, (dy, dx) in moves.items():
        ny, nx = min(8, max(1, y + dy)), min(9, max(0, x + dx))
        danger = sum(3 - abs(ex - nx) for ex in np.flatnonzero(observation[ny, :, 1]) if abs(ex - nx) <= 2)
        gold = min([abs(gx - nx) + abs(gy - ny) for gy, gx in np.argwhere(observation[:, :, 3])] or [0])
        scored.append((danger + 0.1 * gold + 0.01 * chooser.rand(), action))
    return min(scored)[1]


class SeaquestDiver:
    """Seaquest's scripted submarine: heads for the nearest diver, fires along its row at enemies ahead, and
    surfaces with six divers or when the oxygen gauge runs low (or never, when `surfaces` is false, so that
    the oxygen runs out). Each act it takes the first wanted action after which some steady course survives a
    few acts, found by playing deep copies of the environment itself (a black box: only act and state)."""

    looks_ahead = True

    def __init__(self, surfaces=True, low_oxygen=3, horizon=8):
        self.surfaces, self.low_oxygen, self.horizon = surfaces, low_oxygen, horizon

    def survives(self, env, action):
        trial = copy.deepcopy(env)
        if trial.act(action)[1]:
            return False
        for course in (0, 2, 4, 1, 3):
            rest = copy.deepcopy(trial)
            if not any(rest.act(course)[1] for _ in range(self.horizon)):
                return True
        return False

    def wanted(self, observation, chooser):
        y, x = (int(v) for v in np.argwhere(observation[:, :, 0])[0])
        facing_right = bool(observation[y, :, 1].any() and np.argwhere(observation[y, :, 1])[0][0] < x)
        carried = int(observation[9, :, 8].sum())
        oxygen = int(observation[9, :, 7].sum())
        if y == 0:
            return [4]
        if self.surfaces and (carried >= 6 or (carried > 0 and oxygen <= self.low_oxygen)):
            return [2]
        enemies = np.argwhere(observation[y, :, 5] | observation[y, :, 6]).ravel()
        ahead = [e for e in enemies if (e > x) == facing_right and e != x]
        if len(ahead) and chooser.rand() < 0.8:
            return [5]
        divers = np.argwhere(observation[:8, :, 9])
        moves = []
        if len(divers):
            dy, dx = min(divers, key=lambda d: abs(d[0] - y) + abs(d[1] - x))
            moves = [2 if dy < y and y > 1 else 4 if dy > y else 1 if dx < x else 3 if dx > x else 0]
        if chooser.rand() < 0.2:
            moves.append(int(chooser.randint(6)))
        return moves + [0, 5, 1, 3, 4, 2]

    def __call__(self, env, chooser):
        wanted = self.wanted(env.state(), chooser)
        for action in wanted:
            if (action != 2 or self.surfaces or int(np.argwhere(env.state()[:, :, 0])[0][0]) > 1) \
                    and self.survives(env, action):
                return action
        return wanted[0]


def record(game, trace_id, kind, seed, sticky, ramping, policy, max_acts):
    env = Environment(game, sticky_action_prob=sticky, difficulty_ramping=ramping)
    env.seed(seed)
    counter = WordCounter(env.random)
    env.reset()
    chooser = np.random.RandomState(100_000 + seed)
    observations, rewards, terminals, stream = [cells(env.state())], [], [], [counter.position()]
    actions = []
    after_terminal = None
    while len(actions) < max_acts and (after_terminal is None or after_terminal < ACTS_AFTER_TERMINAL):
        action = policy(env, chooser) if getattr(policy, "looks_ahead", False) else policy(env.state(), chooser)
        reward, terminal = env.act(action)
        actions.append(action)
        observations.append(cells(env.state()))
        rewards.append(int(reward))
        terminals.append(bool(terminal))
        stream.append(counter.position())
        if after_terminal is not None:
            after_terminal += 1
        elif terminal:
            after_terminal = 0
    return {"id": trace_id, "kind": kind, "seed": seed, "sticky_action_prob": sticky,
            "difficulty_ramping": ramping, "actions": actions, "rewards": rewards, "terminals": terminals,
            "stream": stream, "observations": observations}


def episodes(game):
    """(id, kind, seed, sticky, ramping, policy, max_acts) for each recorded episode of `game`."""
    runs = [(f"random_seed{s}", "random", s, 0.1, True, random_policy, 1000) for s in range(6)]
    runs += [("random_no_sticky_seed6", "random", 6, 0.0, True, random_policy, 1000),
             ("random_large_seed", "random", 4_000_000_000, 0.1, True, random_policy, 1000)]
    if game == "breakout":
        runs += [(f"random_seed{s}", "random", s, 0.1, True, random_policy, 1000) for s in range(6, 40)]
        runs += [("tracking_seed407_three_walls", "heuristic", 407, 0.0, True, breakout_policy, 3000),
                 ("tracking_seed409_two_walls", "heuristic", 409, 0.0, True, breakout_policy, 3000),
                 ("tracking_sticky_seed400_two_walls", "heuristic", 400, 0.1, True, breakout_policy, 3000)]
    if game == "freeway":
        runs = [(trace_id, kind, seed, sticky, ramping, policy, 300)
                for trace_id, kind, seed, sticky, ramping, policy, _ in runs[:3] + runs[6:7]]
        runs += [("up_seed7_to_time_limit", "heuristic", 7, 0.1, True, up_policy, 2600),
                 ("up_seed8", "heuristic", 8, 0.0, False, up_policy, 400)]
    if game == "space_invaders":
        runs += [("hunting_seed18_three_blocks", "heuristic", 18, 0.1, True, space_invaders_policy, 3000),
                 ("hunting_seed1_two_blocks", "heuristic", 1, 0.1, True, space_invaders_policy, 3000),
                 ("hunting_no_ramping_seed32_two_blocks", "heuristic", 32, 0.1, False, space_invaders_policy,
                  3000)]
    if game == "asterix":
        runs += [(f"dodging_seed{s}_six_ramps", "heuristic", s, 0.1, True, asterix_policy, 3000) for s in (7, 10, 19)]
        runs += [("dodging_no_ramping_seed36", "heuristic", 36, 0.1, False, asterix_policy, 3000)]
    if game == "seaquest":
        runs += [(f"random_seed{s}", "random", s, 0.1, True, random_policy, 1000) for s in range(6, 60)]
        # Seeds whose dives last longest, reaching 9 to 14 ramps.
        runs += [(f"diving_seed{s}", "heuristic", s, 0.1, True, SeaquestDiver(), 4000) for s in (1, 5, 12, 13, 15, 22)]
        runs += [("diving_no_sticky_seed6", "heuristic", 6, 0.0, True, SeaquestDiver(), 4000),
                 ("diving_no_ramping_seed7", "heuristic", 7, 0.1, False, SeaquestDiver(), 4000),
                 ("diving_late_surfacing_seed8", "heuristic", 8, 0.1, True, SeaquestDiver(low_oxygen=1), 4000),
                 ("holding_breath_seed9", "heuristic", 9, 0.1, True, SeaquestDiver(surfaces=False), 1000),
                 ("holding_breath_seed10", "heuristic", 10, 0.1, True, SeaquestDiver(surfaces=False), 1000)]
    return runs


def main():
    for game in sys.argv[1:] or GAMES:
        env = Environment(game)
        traces = [record(game, *run) for run in episodes(game)]
        with open(f"minatar_{game}_traces.json", "w") as out:
            json.dump({"format": "minatar-traces/1", "game": game, "minatar": "1.0.15",
                       "channels": env.n_channels, "traces": traces}, out, separators=(",", ":"))
            out.write("\n")
        steps = sum(len(t["actions"]) for t in traces)
        print(f"{game}: {len(traces)} traces, {steps} acts")


if __name__ == "__main__":
    main()
