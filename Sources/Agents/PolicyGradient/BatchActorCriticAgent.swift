import RLCore

/// The notes' batch actor-critic algorithm, repeated every T environment steps:
///
/// 1. sample {sᵢ, aᵢ, rᵢ, s′ᵢ} with πθ (a path still running at the batch's end is cut there);
/// 2. fit V̂_φ to the sampled reward sums Ĝᵢ = Σ γˡ r_{i+l} (bootstrapped from V̂_φ(s_T) only where a path
///    was truncated or cut) with I_V Adam steps — or, with `--bootstrap-critic`, to the bootstrapped
///    targets yᵢ = rᵢ + γ·V̂_φ(s′ᵢ) (0 for a terminal s′ᵢ), computed once before fitting;
/// 3. evaluate Âᵢ = rᵢ + γ·V̂_φ(s′ᵢ) − V̂_φ(sᵢ) with the refitted critic;
/// 4. ∇θJ ≈ (1/N)·Σᵢ ∇θ log πθ(aᵢ|sᵢ)·Âᵢ (plus β_H times the entropy gradient);
/// 5. θ ← θ + α_π·∇θJ (one Adam step on the negated surrogate).
public final class BatchActorCriticAgent: PolicyGradientAgent {
    public let algorithm = Algorithm.ac
    public let options: AgentOptions
    public private(set) var hyperparameters: Hyperparameters
    public let policy: CategoricalPolicy
    public let valueFunction: StateValueFunction?
    public private(set) var lastAdvantage: AdvantageExplanation?
    /// Updates made so far.
    public private(set) var epochs = 0
    private var rollout: Rollout

    public init(_ configuration: AgentConfiguration) throws(AlgorithmError) {
        options = configuration.options
        _ = try options.psi(for: .ac)
        hyperparameters = configuration.hyperparameters
        var initGenerator = configuration.seed.generator(for: "init")
        policy = CategoricalPolicy(configuration, initGenerator: &initGenerator)
        valueFunction = StateValueFunction(configuration, initGenerator: &initGenerator)
        rollout = Rollout(observationCount: configuration.observationCount)
    }

    public func observe(observation: UnsafeBufferPointer<Float>, action: Int, outcome: StepOutcome,
                        nextObservation: UnsafeBufferPointer<Float>, environment: any Environment) {
        guard rollout.append(observation: observation, action: action, outcome: outcome, nextObservation: nextObservation,
                             cuttingAt: hyperparameters.integer(.stepsPerEpoch)) else { return }
        update()
        rollout.removeAll()
    }

    /// Steps 2–5 on the batch in `rollout` (step 1 filled it).
    func update() {
        guard let critic = valueFunction else { return }
        let gamma = hyperparameters[.gamma]
        let (rewards, terminated, truncated) = (rollout.rewards, rollout.terminated, rollout.truncated)
        // 2. Fit V̂ to sampled reward sums, or to bootstrapped targets.
        var values = critic.values(rollout.observations, count: rollout.count)
        var bootstrapValues = critic.values(rollout.bootstrapObservations, count: rollout.bootstrapCount)
        let targets: [Double]
        if options.bootstrapCritic {
            let residuals = AdvantageEstimation.tdResiduals(rewards: rewards, values: values, terminated: terminated,
                                                           truncated: truncated, bootstrapValues: bootstrapValues, gamma: gamma)
            targets = zip(residuals, values).map { $0 + $1 }
        } else {
            targets = AdvantageEstimation.discountedReturns(rewards: rewards, terminated: terminated, truncated: truncated,
                                                            bootstrapValues: bootstrapValues, gamma: gamma)
        }
        critic.fit(observations: rollout.observations, targets: targets, iterations: hyperparameters.integer(.valueIterations))
        // 3. Â = r + γV̂(s′) − V̂(s) with the refitted critic.
        values = critic.values(rollout.observations, count: rollout.count)
        bootstrapValues = critic.values(rollout.bootstrapObservations, count: rollout.bootstrapCount)
        let advantages = AdvantageEstimation.tdResiduals(rewards: rewards, values: values, terminated: terminated,
                                                        truncated: truncated, bootstrapValues: bootstrapValues, gamma: gamma)
        lastAdvantage = AdvantageExplanation(
            psi: .tdResidual, rewards: rewards, terminated: terminated, truncated: truncated, values: values,
            bootstrapValues: bootstrapValues, gamma: gamma, lambda: 0, weight: advantages[0])
        // 4–5. One policy-gradient step.
        policy.step(observations: rollout.observations, actions: rollout.actions, psi: advantages)
        epochs += 1
    }

    public func setHyperparameter(_ key: HyperparameterKey, to value: Double) throws(HyperparameterError) {
        try hyperparameters.setLive(key, to: value)
        applyToNetworks(key, value)
    }

    /// The policy and its stream, the value function if any, the batch in progress and the epochs.
    public func saveState(into part: inout StatePart) { saveBatchState(into: &part, rollout: rollout, epochs: epochs) }

    public func restoreState(from part: StatePart) throws(StatePartError) {
        epochs = try restoreBatchState(from: part, rollout: &rollout)
    }
}

extension Algorithm {
    public static let ac = Algorithm(
        name: "ac", displayName: "AC",
        summary: "batch actor-critic: fit V̂ to the batch, Â = r + γV̂(s′) − V̂(s), one policy step",
        options: [.psi, .bootstrapCritic], psiChoices: [.tdResidual], defaultPsi: .tdResidual,
        defaults: [
            .gamma: 0.99, .hiddenSize: 64, .hiddenLayers: 0, .policyLearningRate: 3e-3, .valueLearningRate: 1e-2,
            .stepsPerEpoch: 4, .valueIterations: 1, .entropyCoefficient: 0,
        ],
        make: { configuration throws(AlgorithmError) in try BatchActorCriticAgent(configuration) })
}
