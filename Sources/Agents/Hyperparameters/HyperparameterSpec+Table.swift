extension HyperparameterSpec {
    /// Every hyperparameter, in the order the panel and `--help` list them. Which algorithms read one, and
    /// their defaults, each `Algorithm` says; `usedWhen` says when one of them does nothing with some options.
    public static let table: [HyperparameterSpec] = [
        HyperparameterSpec(
            key: .gamma, symbol: "γ", meaning: "discount factor", minimum: 0, minimumIncluded: true, maximum: 1,
            step: 0.01, logScale: false, integer: false, live: true),
        HyperparameterSpec(
            key: .lambda, symbol: "λ", meaning: "GAE lambda (policy-gradient methods)", minimum: 0, minimumIncluded: true,
            maximum: 1, step: 0.01, logScale: false, integer: false, live: true,
            usedWhen: .only("only Ψ = advantage, GAE(γ,λ), uses it (--psi advantage)") { algorithm, options in
                (options.psi ?? algorithm.defaultPsi) == .advantage
            }),
        HyperparameterSpec(
            key: .learningRate, symbol: "α", meaning: "learning rate (step size of Adam, or of online Q's plain step)",
            minimum: 0, minimumIncluded: false,
            maximum: 1, step: 2, logScale: true, integer: false, live: true),
        HyperparameterSpec(
            key: .hiddenSize, symbol: "H", meaning: "units per hidden layer", minimum: 1, minimumIncluded: true,
            maximum: 4096, step: 2, logScale: true, integer: true, live: false),
        HyperparameterSpec(
            key: .hiddenLayers, symbol: "L", meaning: "hidden layers (0: a linear model)", minimum: 0, minimumIncluded: true, maximum: 8,
            step: 1, logScale: false, integer: true, live: false),
        HyperparameterSpec(
            key: .batchSize, symbol: "B", meaning: "minibatch size", minimum: 1, minimumIncluded: true, maximum: 65536,
            step: 2, logScale: true, integer: true, live: true),
        HyperparameterSpec(
            key: .bufferSize, symbol: "N", meaning: "replay memory capacity", minimum: 1, minimumIncluded: true,
            maximum: 10_000_000, step: 2, logScale: true, integer: true, live: false),
        HyperparameterSpec(
            key: .learningStarts, symbol: "n₀", meaning: "environment steps before the first update", minimum: 0,
            minimumIncluded: true, maximum: 1e9, step: 2, logScale: true, integer: true, live: true),
        HyperparameterSpec(
            key: .trainFrequency, symbol: "f", meaning: "environment steps between training rounds", minimum: 1,
            minimumIncluded: true, maximum: 1e6, step: 2, logScale: true, integer: true, live: true),
        HyperparameterSpec(
            key: .gradientSteps, symbol: "G", meaning: "gradient steps per training round (FQI: per fitting iteration)",
            minimum: 1, minimumIncluded: true, maximum: 1e5, step: 2, logScale: true, integer: true, live: true),
        HyperparameterSpec(
            key: .targetPeriod, symbol: "K", meaning: "gradient steps between target-network updates", minimum: 1,
            minimumIncluded: true, maximum: 1e9, step: 2, logScale: true, integer: true, live: true,
            usedWhen: .only("--no-target: there is no target network to update") { _, options in
                !options.noTarget
            }),
        HyperparameterSpec(
            key: .tau, symbol: "τ", meaning: "target update θ⁻ ← τ·θ + (1 − τ)·θ⁻ every K steps (1 copies)", minimum: 0,
            minimumIncluded: false, maximum: 1, step: 0.05, logScale: false, integer: false, live: true,
            usedWhen: .only("--no-target: there is no target network to update") { _, options in
                !options.noTarget
            }),
        HyperparameterSpec(
            key: .maxGradientNorm, symbol: "‖g‖max", meaning: "gradient-norm clipping threshold", minimum: 0,
            minimumIncluded: false, maximum: .infinity, step: 2, logScale: true, integer: false, live: true,
            usedWhen: .only("online Q clips only with --adam: the notes' plain step clips nothing") { algorithm, options in
                !algorithm.options.contains(.adam) || options.adam
            }),
        HyperparameterSpec(
            key: .epsilonStart, symbol: "ε₀", meaning: "exploration rate at the start", minimum: 0, minimumIncluded: true,
            maximum: 1, step: 0.05, logScale: false, integer: false, live: true),
        HyperparameterSpec(
            key: .epsilonEnd, symbol: "ε₁", meaning: "exploration rate after the decay", minimum: 0, minimumIncluded: true,
            maximum: 1, step: 0.01, logScale: false, integer: false, live: true),
        HyperparameterSpec(
            key: .explorationFraction, symbol: "ε-frac", meaning: "fraction of the step budget over which ε decays",
            minimum: 0, minimumIncluded: true, maximum: 1, step: 0.05, logScale: false, integer: false, live: true),
        HyperparameterSpec(
            key: .alpha, symbol: "α_PER", meaning: "prioritization exponent, P(i) ∝ p_i^α", minimum: 0,
            minimumIncluded: true, maximum: 1, step: 0.1, logScale: false, integer: false, live: true,
            usedWhen: .only("only prioritized replay (--replay prioritized) uses it") { _, options in
                options.replay == .prioritized
            }),
        HyperparameterSpec(
            key: .beta0, symbol: "β₀", meaning: "importance-sampling exponent at the start (annealed to 1)", minimum: 0,
            minimumIncluded: true, maximum: 1, step: 0.1, logScale: false, integer: false, live: true,
            usedWhen: .only("only prioritized replay (--replay prioritized) uses it") { _, options in
                options.replay == .prioritized
            }),
        HyperparameterSpec(
            key: .herK, symbol: "k", meaning: "relabelled copies per transition (HER future)", minimum: 1,
            minimumIncluded: true, maximum: 64, step: 1, logScale: false, integer: true, live: true,
            usedWhen: .only("only HER future (--her future) uses it") { _, options in
                options.hindsight == .future
            }),
        HyperparameterSpec(
            key: .collectSteps, symbol: "|D|", meaning: "transitions added to the dataset per FQI round", minimum: 1,
            minimumIncluded: true, maximum: 1e7, step: 2, logScale: true, integer: true, live: true),
        HyperparameterSpec(
            key: .fittingIterations, symbol: "I", meaning: "target recomputations per FQI round", minimum: 1,
            minimumIncluded: true, maximum: 1e5, step: 2, logScale: true, integer: true, live: true),
        HyperparameterSpec(
            key: .policyLearningRate, symbol: "α_π", meaning: "policy learning rate (Adam step size)", minimum: 0,
            minimumIncluded: false, maximum: 1, step: 2, logScale: true, integer: false, live: true),
        HyperparameterSpec(
            key: .valueLearningRate, symbol: "α_V", meaning: "value-function learning rate (Adam step size)", minimum: 0,
            minimumIncluded: false, maximum: 1, step: 2, logScale: true, integer: false, live: true),
        HyperparameterSpec(
            key: .stepsPerEpoch, symbol: "T", meaning: "environment steps per batch (reinforce: at least, in whole episodes)",
            minimum: 1, minimumIncluded: true, maximum: 1e7, step: 2, logScale: true, integer: true, live: true),
        HyperparameterSpec(
            key: .valueIterations, symbol: "I_V", meaning: "value-function gradient steps per batch", minimum: 1,
            minimumIncluded: true, maximum: 1e5, step: 2, logScale: true, integer: true, live: true),
        HyperparameterSpec(
            key: .entropyCoefficient, symbol: "β_H", meaning: "entropy bonus weight in the policy loss", minimum: 0,
            minimumIncluded: true, maximum: 10, step: 0.005, logScale: false, integer: false, live: true),
        HyperparameterSpec(
            key: .environments, symbol: "N_env",
            meaning: "environment copies stepped in lockstep, one update per N transitions (A2C-style)", minimum: 1,
            minimumIncluded: true, maximum: 64, step: 2, logScale: true, integer: true, live: false),
    ]

    /// The spec of `key`.
    public static func spec(for key: HyperparameterKey) -> HyperparameterSpec {
        table.first { $0.key == key }!
    }
}
