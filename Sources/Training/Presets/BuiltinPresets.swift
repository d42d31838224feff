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
  steps: 300000
  gamma: 0.99
  pi-lr: 3e-3
  vf-lr: 1e-2
  steps-per-epoch: 4

# CartPole needs more than ac's linear defaults (tuned for the maps' one-hot cells): two tanh layers, batches
# of 64 steps with 10 critic steps each, and slower steps. Greedy 475 on 20 of seeds 0-19 (docs/RESULTS.md).
cartpole:
  steps: 300000
  layers: 2
  steps-per-epoch: 64
  vf-iters: 10
  pi-lr: 1e-3
  vf-lr: 3e-3

# With the default α_π = 3e-3 the optimal path on 19 of seeds 0-19 (seed 7 misses it within 300k steps); a
# slower actor finds it on 20 of 20 (docs/RESULTS.md, "Presets").
fourrooms:
  steps: 300000
  pi-lr: 1e-3

# The budgets of benchmarks/presets.sh for pairs whose values are the defaults.
frozenlake4x4:
  steps: 100000

maze:
  steps: 300000

# Acrobot-v1: VPG's networks and batches (two tanh layers, T = 1,000, 20 critic steps, α = 1e-2) and an
# entropy bonus. Without the bonus the greedy policy of 3 of seeds 0-9 settles on swinging that never reaches
# the line (−500 at every evaluation); with CartPole's ac values 1 of 4. With these, greedy ≥ −100 on 10 of
# seeds 0-9, median 25k steps (docs/RESULTS.md, "Presets").
acrobot:
  steps: 150000
  layers: 2
  steps-per-epoch: 1000
  vf-iters: 20
  pi-lr: 1e-2
  vf-lr: 1e-2
  ent-coef: 0.01

"""#
        ),
        (
            "dqn",
            #"""
# DQN presets: one section per environment, its values indented below it.
# Keys are those of 'rlterm algos dqn'; a key not given keeps the algorithm's default.

# The defaults, tuned to solve CartPole in 50k steps, with K = 250 instead of 100: greedy 475 within 50k steps
# on 20 of seeds 0-19 (K = 100: 8 of 10; K = 200: 19 of 20). docs/RESULTS.md, "Presets".
cartpole:
  steps: 50000
  gamma: 0.99
  lr: 2.3e-3
  batch-size: 64
  buffer-size: 50000
  learning-starts: 1000
  target-period: 250
  eps-start: 1
  eps-end: 0.04
  eps-fraction: 0.12

# The map settings of docs/RESULTS.md, "Q-learning finds the optimal path":
# gamma 0.9 keeps the values small; the optimal path on 5 of 6 seeds at 30k steps.
cliffwalking:
  steps: 30000
  gamma: 0.9
  eps-start: 0.5
  eps-end: 0.02
  eps-fraction: 0.5
  learning-starts: 500
  target-period: 100

frozenlake4x4:
  steps: 20000
  gamma: 0.9
  eps-end: 0.02
  eps-fraction: 0.5
  learning-starts: 500
  target-period: 100

# The cliff's settings: with the defaults (γ = 0.99, ε decaying over 12%) the maze's optimal path on 7 of
# seeds 0-9; with these on 20 of seeds 0-19 within 50k steps (docs/RESULTS.md, "Presets").
maze:
  steps: 50000
  gamma: 0.9
  eps-start: 1
  eps-end: 0.02
  eps-fraction: 0.5
  learning-starts: 500

# The budgets of benchmarks/presets.sh for pairs whose values are the defaults.
fourrooms:
  steps: 50000

# Acrobot-v1: the defaults learn it. Greedy mean ≥ −100 (10 episodes) on 10 of seeds 0-9, median 20k steps;
# the best networks' 100-episode mean ≥ −100 on 9 of 10 (docs/RESULTS.md, "Acrobot and MountainCar under DQN").
acrobot:
  steps: 50000

# MountainCar-v0: rl-zoo3's tuned values (hyperparams/dqn.yml, rl-baselines3-zoo commit ce95481) translated
# to rlterm's units. SB3 counts target_update_interval (600) in environment steps, rlterm's K in gradient
# steps: 8 gradient steps every 16 environment steps make 600 environment steps K = 300 (with K = 600, 0 of
# seeds 0-1 reached −110). Greedy mean ≥ −110 (10 episodes) on 10 of seeds 0-9 within 120k steps (median
# 102.5k), the best networks' 100-episode mean ≥ −110 on 10 of 10 (docs/RESULTS.md, "Acrobot and MountainCar
# under DQN").
mountaincar:
  steps: 120000
  gamma: 0.98
  lr: 4e-3
  batch-size: 128
  buffer-size: 10000
  learning-starts: 1000
  target-period: 300
  train-freq: 16
  gradient-steps: 8
  eps-fraction: 0.2
  eps-end: 0.07
  hidden: 256
  layers: 2

# MinAtar: the MinAtar paper's DQN (Young & Tian 2019, arXiv:1903.03176, and its examples/dqn.py). The game
# describes its observation as an image, so DQN learns through the paper's network (conv 16 3×3 → ReLU →
# 128 → ReLU → 6; 'hidden' and 'layers' give the dense part) with centered RMSProp (α = 0.95, ε = 0.01, the
# authors' values, not PyTorch's defaults 0.99 and 1e-8) at the paper's step size 2.5e-4, and the memory keeps the
# binary frames packed, so it holds the paper's 100,000 transitions in 27 MB. Target every 1,000 updates, batch
# 32, one update per frame after 5,000 random frames, ε 1 → 0.1 over the first 100k frames (0.1 of the 1M
# budget). Gradients are clipped at the default norm 10, where the paper clips none; on Breakout it never
# binds: seed 0 for 1M frames with --max-grad-norm 1e6 wrote the same progress.csv, all 1,000 rows.
minatar-breakout:
  steps: 1000000
  lr: 2.5e-4
  target-period: 1000
  batch-size: 32
  buffer-size: 100000
  learning-starts: 5000
  eps-start: 1
  eps-end: 0.1
  eps-fraction: 0.1
  hidden: 128
  layers: 1

minatar-freeway:
  steps: 1000000
  lr: 2.5e-4
  target-period: 1000
  batch-size: 32
  buffer-size: 100000
  learning-starts: 5000
  eps-start: 1
  eps-end: 0.1
  eps-fraction: 0.1
  hidden: 128
  layers: 1

minatar-space-invaders:
  steps: 1000000
  lr: 2.5e-4
  target-period: 1000
  batch-size: 32
  buffer-size: 100000
  learning-starts: 5000
  eps-start: 1
  eps-end: 0.1
  eps-fraction: 0.1
  hidden: 128
  layers: 1

minatar-asterix:
  steps: 1000000
  lr: 2.5e-4
  target-period: 1000
  batch-size: 32
  buffer-size: 100000
  learning-starts: 5000
  eps-start: 1
  eps-end: 0.1
  eps-fraction: 0.1
  hidden: 128
  layers: 1

minatar-seaquest:
  steps: 1000000
  lr: 2.5e-4
  target-period: 1000
  batch-size: 32
  buffer-size: 100000
  learning-starts: 5000
  eps-start: 1
  eps-end: 0.1
  eps-fraction: 0.1
  hidden: 128
  layers: 1

"""#
        ),
        (
            "fqi",
            #"""
# Fitted Q-iteration presets (format: envs/README.md, "Presets").
# The map settings of docs/RESULTS.md, "Q-learning finds the optimal path".

cliffwalking:
  steps: 30000
  gamma: 0.9
  eps-end: 0.02
  eps-fraction: 0.5
  batch-size: 128

frozenlake4x4:
  steps: 20000
  gamma: 0.9
  eps-end: 0.02
  eps-fraction: 0.5

# With FQI's defaults (γ = 0.99, ε 1 → 0.05 over 30%) the maze's optimal path on 8 of seeds 0-9; with these on
# 20 of seeds 0-19 within 50k steps (docs/RESULTS.md, "Presets").
maze:
  steps: 50000
  gamma: 0.9
  eps-end: 0.02
  eps-fraction: 0.5

# The budgets of benchmarks/presets.sh for pairs whose values are the defaults.
fourrooms:
  steps: 50000

# Acrobot-v1: the defaults learn it. Greedy mean ≥ −100 (10 episodes) on 10 of seeds 0-9, median 15k steps
# (docs/RESULTS.md, "Presets").
acrobot:
  steps: 100000

# MountainCar-v0: the defaults with a refit every 250 new transitions instead of 1,000. Unvisited states keep
# their optimistic initial values while visited ones learn that a step costs 1, and refitting more often sends
# the greedy policy towards new states sooner. Greedy ≥ −110 (10 episodes) on 2 of seeds 0-3 with the defaults
# (200k steps), on 9 of seeds 0-9 with these (median 205k steps); over 100 episodes those networks reach −110
# on only 5 of 10: FQI is not a reliable MountainCar solver here (docs/RESULTS.md, "Acrobot under every algorithm").
mountaincar:
  steps: 250000
  fqi-collect: 250

"""#
        ),
        (
            "online-ac",
            #"""
# Online actor-critic presets (format: envs/README.md, "Presets").

# The defaults, tuned on cliffwalking (docs/RESULTS.md, "Actor-critic on cliffwalking").
cliffwalking:
  steps: 300000
  gamma: 0.99
  pi-lr: 3e-3
  vf-lr: 1e-2

# CartPole needs more than online-ac's linear defaults: two tanh layers and slower steps, one transition per
# update as the notes' online actor-critic. Greedy 475 on 20 of seeds 0-19 (docs/RESULTS.md).
cartpole:
  steps: 300000
  layers: 2
  pi-lr: 3e-4
  vf-lr: 1e-3

# With the default α_π = 3e-3 the optimal path on 7 of seeds 0-9; a slower actor finds it on 20 of seeds 0-19
# (docs/RESULTS.md, "Presets").
fourrooms:
  steps: 300000
  pi-lr: 1e-3

# The budgets of benchmarks/presets.sh for pairs whose values are the defaults.
frozenlake4x4:
  steps: 100000

maze:
  steps: 300000

# Acrobot-v1: CartPole's values. With the linear defaults greedy ≥ −100 on 2 of seeds 0-3; with these on 10
# of seeds 0-9, median 25k steps (docs/RESULTS.md, "Presets").
acrobot:
  steps: 150000
  layers: 2
  pi-lr: 3e-4
  vf-lr: 1e-3

"""#
        ),
        (
            "online-q",
            #"""
# Online Q-iteration presets (format: envs/README.md, "Presets").
# The map settings of docs/RESULTS.md, "Q-learning finds the optimal path", for the notes' plain step
# φ ← φ − α·∇Q·(Q − y) (the default; --adam takes an Adam step instead). On cliffwalking the plain step
# learns the optimal path only once ε is low, so ε decays over 80% of a 100k budget (8 of seeds 0-9; at
# 30k steps 1 of 10); frozenlake's rewards are small enough for a large step.

cliffwalking:
  steps: 100000
  gamma: 0.9
  eps-end: 0.02
  eps-fraction: 0.8
  lr: 1e-3

frozenlake4x4:
  steps: 20000
  gamma: 0.9
  eps-end: 0.02
  eps-fraction: 0.5
  lr: 0.1

# The budgets of benchmarks/presets.sh for pairs whose values are the defaults.
fourrooms:
  steps: 50000

maze:
  steps: 50000

"""#
        ),
        (
            "reinforce",
            #"""
# REINFORCE presets (format: envs/README.md, "Presets").

# The defaults, tuned for CartPole.
cartpole:
  steps: 500000
  gamma: 1
  pi-lr: 1e-2
  steps-per-epoch: 5000

# Cliffwalking and the maze pay -1 a step and nothing at the goal. A tabular policy with gamma = 1 scores an
# episode by its length, so whole episodes that reach G sooner weigh more; with gamma < 1 a far goal is worth
# almost nothing and the policy learns only to stay off the cliff, never to reach G. Reward-to-go (Psi) leaves
# out the falls before a step, small steps every 250 make the policy sharp enough for the cliff's edge, and the
# time limit only guards against a policy that stops reaching G. The optimal path on 20 of seeds 0-19 on both
# (docs/RESULTS.md, "Presets"); with the old preset (CartPole's network, gamma = 1 nowhere) on none.
cliffwalking:
  steps: 6000000
  time-limit: 100000
  layers: 0
  gamma: 1
  psi: reward-to-go
  pi-lr: 0.01
  steps-per-epoch: 250

maze:
  steps: 2000000
  time-limit: 100000
  layers: 0
  gamma: 1
  psi: reward-to-go
  pi-lr: 0.05
  steps-per-epoch: 5000

# The maps that end episodes often enough for whole-episode updates: a linear (on one-hot cells, tabular)
# policy, larger steps, γ < 1 so that a shorter path has the larger return. With REINFORCE's CartPole defaults
# the optimal path on 7 of seeds 0-9 (frozenlake4x4) and 1 of 10 (fourrooms); with these on 20 of seeds
# 0-19 on both (docs/RESULTS.md, "Presets").
frozenlake4x4:
  steps: 100000
  layers: 0
  gamma: 0.9
  pi-lr: 0.05
  steps-per-epoch: 500

fourrooms:
  steps: 300000
  layers: 0
  gamma: 0.95
  pi-lr: 0.2
  steps-per-epoch: 1000

# Acrobot-v1: γ = 1 as for CartPole, Ψ = reward-to-go minus a learned V̂ (the baseline), T = 1,000. Every
# episode of an untrained policy is cut at 500 steps, so every return is −500: without the baseline those
# batches only push the policy about at random, and on 4 of seeds 10-19 (reward-to-go, T = 5,000) it never
# swung up. With these, greedy ≥ −100 on 20 of seeds 0-19, slowest 170k steps (docs/RESULTS.md, "Presets").
acrobot:
  steps: 300000
  psi: baseline
  steps-per-epoch: 1000

"""#
        ),
        (
            "vpg",
            #"""
# Vanilla policy gradient presets (format: envs/README.md, "Presets").

# The defaults, tuned for CartPole.
cartpole:
  steps: 300000
  gamma: 0.99
  lambda: 0.97
  pi-lr: 1e-2
  vf-lr: 1e-2
  steps-per-epoch: 1000

# The maps: a linear (on one-hot cells, tabular) policy and critic, batches of 8 steps with one critic step
# each, α_π = 3e-3. Batches cut episodes and GAE bootstraps from V̂ there, so no time limit is needed, and the
# critic's untouched values for unvisited cells draw the policy towards them (as for ac, docs/RESULTS.md).
# With VPG's CartPole defaults (64x64 tanh, T = 1,000) the cliff's optimal path on 1 of seeds 0-9; with these
# on 20 of seeds 0-19, and on maze, fourrooms and frozenlake4x4 on 10 of 10 (docs/RESULTS.md, "Presets").
cliffwalking:
  steps: 300000
  layers: 0
  steps-per-epoch: 8
  vf-iters: 1
  pi-lr: 3e-3

frozenlake4x4:
  steps: 100000
  layers: 0
  steps-per-epoch: 8
  vf-iters: 1
  pi-lr: 3e-3

fourrooms:
  steps: 300000
  layers: 0
  steps-per-epoch: 8
  vf-iters: 1
  pi-lr: 3e-3

maze:
  steps: 300000
  layers: 0
  steps-per-epoch: 8
  vf-iters: 1
  pi-lr: 3e-3

# Acrobot-v1: the defaults (CartPole's: 64x64 tanh, T = 1,000, GAE λ = 0.97) learn it. Greedy mean ≥ −100
# (10 episodes) on 10 of seeds 0-9, median 15k steps (docs/RESULTS.md, "Presets").
acrobot:
  steps: 150000

"""#
        ),
    ]
}
