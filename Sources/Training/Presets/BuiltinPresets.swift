// Generated from envs/presets/*.txt by Tests/TrainingTests/BuiltinPresetsTests.swift; do not edit by hand.
// After changing envs/presets/, run: RLTERM_REGENERATE_MAPS=1 swift test --filter BuiltinPresets

/// The presets shipped in envs/presets/, compiled in so that every command finds them from any directory.
public enum BuiltinPresets {
    /// (algorithm name, file text) of each envs/presets/ALGORITHM.txt, sorted by name.
    public static let all: [(name: String, text: String)] = [
        (
            "ac",
            #"""
# Batch actor-critic presets (format: envs/README.md, "Presets").

# The defaults, tuned on cliffwalking (docs/RESULTS.md, "Actor-critic on cliffwalking").
# The critic bootstraps every step, so the missing time limit does no harm.
cliffwalking:
  gamma: 0.99
  pi-lr: 3e-3
  vf-lr: 1e-2
  steps-per-epoch: 4

"""#
        ),
        (
            "dqn",
            #"""
# DQN presets: one section per environment, its values indented below it.
# Keys are those of 'rlterm algos dqn'; a key not given keeps the algorithm's default.

# The defaults, tuned to solve CartPole in 50k steps (docs/RESULTS.md).
cartpole:
  gamma: 0.99
  lr: 2.3e-3
  batch-size: 64
  buffer-size: 50000
  learning-starts: 1000
  target-period: 100
  eps-start: 1
  eps-end: 0.04
  eps-fraction: 0.12

# The map settings of docs/RESULTS.md, "Q-learning finds the optimal path":
# gamma 0.9 keeps the values small; the optimal path on 5 of 6 seeds at 30k steps.
cliffwalking:
  gamma: 0.9
  eps-start: 0.5
  eps-end: 0.02
  eps-fraction: 0.5
  learning-starts: 500
  target-period: 100

frozenlake4x4:
  gamma: 0.9
  eps-end: 0.02
  eps-fraction: 0.5
  learning-starts: 500
  target-period: 100

"""#
        ),
        (
            "fqi",
            #"""
# Fitted Q-iteration presets (format: envs/README.md, "Presets").
# The map settings of docs/RESULTS.md, "Q-learning finds the optimal path".

cliffwalking:
  gamma: 0.9
  eps-end: 0.02
  eps-fraction: 0.5
  batch-size: 128

frozenlake4x4:
  gamma: 0.9
  eps-end: 0.02
  eps-fraction: 0.5

"""#
        ),
        (
            "online-ac",
            #"""
# Online actor-critic presets (format: envs/README.md, "Presets").

# The defaults, tuned on cliffwalking (docs/RESULTS.md, "Actor-critic on cliffwalking").
cliffwalking:
  gamma: 0.99
  pi-lr: 3e-3
  vf-lr: 1e-2

"""#
        ),
        (
            "online-q",
            #"""
# Online Q-iteration presets (format: envs/README.md, "Presets").
# The map settings of docs/RESULTS.md, "Q-learning finds the optimal path", for the notes' plain step
# φ ← φ − α·∇Q·(Q − y) (the default; --adam takes an Adam step instead). On cliffwalking the plain step
# learns the optimal path only once ε is low, so ε decays over 80% of the budget; frozenlake's rewards
# are small enough for a large step.

cliffwalking:
  gamma: 0.9
  eps-end: 0.02
  eps-fraction: 0.8
  lr: 1e-3

frozenlake4x4:
  gamma: 0.9
  eps-end: 0.02
  eps-fraction: 0.5
  lr: 0.1

"""#
        ),
        (
            "reinforce",
            #"""
# REINFORCE presets (format: envs/README.md, "Presets").

# The defaults, tuned for CartPole.
cartpole:
  gamma: 1
  pi-lr: 1e-2
  steps-per-epoch: 5000

# Cliffwalking has no time limit, and REINFORCE learns only when an episode ends:
# an untrained policy would wander for millions of steps. Truncate at 200.
cliffwalking:
  time-limit: 200

"""#
        ),
        (
            "vpg",
            #"""
# Vanilla policy gradient presets (format: envs/README.md, "Presets").

# The defaults, tuned for CartPole.
cartpole:
  gamma: 0.99
  lambda: 0.97
  pi-lr: 1e-2
  vf-lr: 1e-2
  steps-per-epoch: 1000

# Cliffwalking has no time limit, and VPG's returns and advantages wait for an
# episode's end: an untrained policy would wander for millions of steps.
cliffwalking:
  time-limit: 200

"""#
        ),
    ]
}
