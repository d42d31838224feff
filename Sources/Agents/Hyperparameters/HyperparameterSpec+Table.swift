extension HyperparameterSpec {
    /// Algorithms that learn a Q-function; they share most of their hyperparameters.
    static let qAlgorithms = ["dqn", "fqi", "online-q"]
    /// Algorithms that step a policy by its gradient.
    static let policyGradientAlgorithms = ["reinforce", "vpg", "ac", "online-ac"]

    /// The same default for every algorithm in `algorithms`.
    static func same(_ value: Double, for algorithms: [String]) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: algorithms.map { ($0, value) })
    }

    /// Every hyperparameter, in the order the panel and `--help` list them. DQN's defaults are tuned for
    /// CartPole-v1 (docs/RESULTS.md); rl-zoo3's CartPole DQN settings were the starting point. reinforce and
    /// vpg are tuned for CartPole-v1, ac and online-ac for cliffwalking: their actor and critic are linear
    /// (L = 0), tabular on a gridworld's one-hot observations, so the values of states not yet visited do not
    /// sink with the visited ones and the TD residual keeps steering towards them (docs/RESULTS.md, "Actor-critic on cliffwalking").
    public static let table: [HyperparameterSpec] = [
        HyperparameterSpec(
            key: .gamma, symbol: "γ", meaning: "discount factor", minimum: 0, minimumIncluded: true, maximum: 1,
            step: 0.01, logScale: false, integer: false, live: true,
            defaults: same(0.99, for: qAlgorithms + ["vpg", "ac", "online-ac"]).merging(["reinforce": 1]) { $1 }),
        HyperparameterSpec(
            key: .lambda, symbol: "λ", meaning: "GAE lambda (policy-gradient methods)", minimum: 0, minimumIncluded: true,
            maximum: 1, step: 0.01, logScale: false, integer: false, live: true, defaults: ["vpg": 0.97]),
        HyperparameterSpec(
            key: .learningRate, symbol: "α", meaning: "learning rate (Adam step size)", minimum: 0, minimumIncluded: false,
            maximum: 1, step: 2, logScale: true, integer: false, live: true,
            defaults: ["dqn": 2.3e-3, "fqi": 1e-3, "online-q": 1e-3]),
        HyperparameterSpec(
            key: .hiddenSize, symbol: "H", meaning: "units per hidden layer", minimum: 1, minimumIncluded: true,
            maximum: 4096, step: 2, logScale: true, integer: true, live: false,
            defaults: same(64, for: qAlgorithms + ["vpg", "ac", "online-ac"]).merging(["reinforce": 32]) { $1 }),
        HyperparameterSpec(
            key: .hiddenLayers, symbol: "L", meaning: "hidden layers (0: a linear model)", minimum: 0, minimumIncluded: true, maximum: 8,
            step: 1, logScale: false, integer: true, live: false,
            defaults: same(2, for: qAlgorithms + ["vpg"]).merging(["reinforce": 1, "ac": 0, "online-ac": 0]) { $1 }),
        HyperparameterSpec(
            key: .batchSize, symbol: "B", meaning: "minibatch size", minimum: 1, minimumIncluded: true, maximum: 65536,
            step: 2, logScale: true, integer: true, live: true, defaults: ["dqn": 64, "fqi": 64]),
        HyperparameterSpec(
            key: .bufferSize, symbol: "N", meaning: "replay memory capacity", minimum: 1, minimumIncluded: true,
            maximum: 10_000_000, step: 2, logScale: true, integer: true, live: false, defaults: ["dqn": 50_000, "fqi": 50_000]),
        HyperparameterSpec(
            key: .learningStarts, symbol: "n₀", meaning: "environment steps before the first update", minimum: 0,
            minimumIncluded: true, maximum: 1e9, step: 2, logScale: true, integer: true, live: true,
            defaults: ["dqn": 1000]),
        HyperparameterSpec(
            key: .trainFrequency, symbol: "f", meaning: "environment steps between training rounds", minimum: 1,
            minimumIncluded: true, maximum: 1e6, step: 2, logScale: true, integer: true, live: true, defaults: ["dqn": 1]),
        HyperparameterSpec(
            key: .gradientSteps, symbol: "G", meaning: "gradient steps per training round (FQI: per fitting iteration)",
            minimum: 1, minimumIncluded: true, maximum: 1e5, step: 2, logScale: true, integer: true, live: true,
            defaults: ["dqn": 1, "fqi": 50]),
        HyperparameterSpec(
            key: .targetPeriod, symbol: "K", meaning: "gradient steps between target-network updates", minimum: 1,
            minimumIncluded: true, maximum: 1e9, step: 2, logScale: true, integer: true, live: true,
            defaults: ["dqn": 100]),
        HyperparameterSpec(
            key: .tau, symbol: "τ", meaning: "target update θ⁻ ← τ·θ + (1 − τ)·θ⁻ every K steps (1 copies)", minimum: 0,
            minimumIncluded: false, maximum: 1, step: 0.05, logScale: false, integer: false, live: true,
            defaults: ["dqn": 1]),
        HyperparameterSpec(
            key: .maxGradientNorm, symbol: "‖g‖max", meaning: "gradient-norm clipping threshold", minimum: 0,
            minimumIncluded: false, maximum: .infinity, step: 2, logScale: true, integer: false, live: true,
            defaults: same(10, for: qAlgorithms)),
        HyperparameterSpec(
            key: .epsilonStart, symbol: "ε₀", meaning: "exploration rate at the start", minimum: 0, minimumIncluded: true,
            maximum: 1, step: 0.05, logScale: false, integer: false, live: true, defaults: same(1, for: qAlgorithms)),
        HyperparameterSpec(
            key: .epsilonEnd, symbol: "ε₁", meaning: "exploration rate after the decay", minimum: 0, minimumIncluded: true,
            maximum: 1, step: 0.01, logScale: false, integer: false, live: true,
            defaults: ["dqn": 0.04, "fqi": 0.05, "online-q": 0.05]),
        HyperparameterSpec(
            key: .explorationFraction, symbol: "ε-frac", meaning: "fraction of the step budget over which ε decays",
            minimum: 0, minimumIncluded: true, maximum: 1, step: 0.05, logScale: false, integer: false, live: true,
            defaults: ["dqn": 0.12, "fqi": 0.3, "online-q": 0.3]),
        HyperparameterSpec(
            key: .alpha, symbol: "α_PER", meaning: "prioritization exponent, P(i) ∝ p_i^α", minimum: 0,
            minimumIncluded: true, maximum: 1, step: 0.1, logScale: false, integer: false, live: true,
            defaults: ["dqn": 0.6]),
        HyperparameterSpec(
            key: .beta0, symbol: "β₀", meaning: "importance-sampling exponent at the start (annealed to 1)", minimum: 0,
            minimumIncluded: true, maximum: 1, step: 0.1, logScale: false, integer: false, live: true,
            defaults: ["dqn": 0.4]),
        HyperparameterSpec(
            key: .herK, symbol: "k", meaning: "relabelled copies per transition (HER future)", minimum: 1,
            minimumIncluded: true, maximum: 64, step: 1, logScale: false, integer: true, live: true,
            defaults: ["dqn": 4]),
        HyperparameterSpec(
            key: .collectSteps, symbol: "|D|", meaning: "transitions added to the dataset per FQI round", minimum: 1,
            minimumIncluded: true, maximum: 1e7, step: 2, logScale: true, integer: true, live: true,
            defaults: ["fqi": 1000]),
        HyperparameterSpec(
            key: .fittingIterations, symbol: "I", meaning: "target recomputations per FQI round", minimum: 1,
            minimumIncluded: true, maximum: 1e5, step: 2, logScale: true, integer: true, live: true,
            defaults: ["fqi": 10]),
        HyperparameterSpec(
            key: .policyLearningRate, symbol: "α_π", meaning: "policy learning rate (Adam step size)", minimum: 0,
            minimumIncluded: false, maximum: 1, step: 2, logScale: true, integer: false, live: true,
            defaults: ["reinforce": 1e-2, "vpg": 1e-2, "ac": 3e-3, "online-ac": 3e-3]),
        HyperparameterSpec(
            key: .valueLearningRate, symbol: "α_V", meaning: "value-function learning rate (Adam step size)", minimum: 0,
            minimumIncluded: false, maximum: 1, step: 2, logScale: true, integer: false, live: true,
            defaults: ["reinforce": 1e-2, "vpg": 1e-2, "ac": 1e-2, "online-ac": 1e-2]),
        HyperparameterSpec(
            key: .stepsPerEpoch, symbol: "T", meaning: "environment steps per batch (reinforce: at least, in whole episodes)",
            minimum: 1, minimumIncluded: true, maximum: 1e7, step: 2, logScale: true, integer: true, live: true,
            defaults: ["reinforce": 5000, "vpg": 1000, "ac": 4]),
        HyperparameterSpec(
            key: .valueIterations, symbol: "I_V", meaning: "value-function gradient steps per batch", minimum: 1,
            minimumIncluded: true, maximum: 1e5, step: 2, logScale: true, integer: true, live: true,
            defaults: ["reinforce": 40, "vpg": 20, "ac": 1]),
        HyperparameterSpec(
            key: .entropyCoefficient, symbol: "β_H", meaning: "entropy bonus weight in the policy loss", minimum: 0,
            minimumIncluded: true, maximum: 10, step: 0.005, logScale: false, integer: false, live: true,
            defaults: same(0, for: policyGradientAlgorithms)),
        HyperparameterSpec(
            key: .environments, symbol: "N_env",
            meaning: "environment copies stepped in lockstep, one update per N transitions (A2C-style)", minimum: 1,
            minimumIncluded: true, maximum: 64, step: 2, logScale: true, integer: true, live: false,
            defaults: ["online-ac": 1]),
    ]

    /// The spec of `key`.
    public static func spec(for key: HyperparameterKey) -> HyperparameterSpec {
        table.first { $0.key == key }!
    }
}
