import RLCore

/// Vanilla policy gradient in the manner of Spinning Up: a policy network πθ and a value network V_φ;
/// every T environment steps (an epoch; a path still running is cut and bootstraps from V_φ(s_T), as does a
/// truncated one, while a terminal step bootstraps from 0):
///
/// 1. Ψₜ for every step (default: GAE(γ,λ) advantages Âₜ = Σ (γλ)ˡ δ_{t+l}, δₜ = rₜ + γV_φ(s_{t+1}) − V_φ(sₜ);
///    `--psi` selects any of the six choices), normalised to mean 0 and std 1 over the epoch. Every choice
///    bootstraps a truncated or cut path from V_φ(s_T), the total return and reward-to-go included, so Ψ and
///    the value targets Ĝₜ agree on what follows a cut;
/// 2. one Adam step (α_π) on −(1/T)·Σₜ [Ψₜ·log πθ(aₜ|sₜ) + β_H·H(πθ(·|sₜ))];
/// 3. I_V full-batch Adam steps (α_V) of V_φ(sₜ) towards the bootstrapped discounted returns Ĝₜ.
///
/// γ, λ, T and the rates are read at each update, so edits take effect at the next epoch.
public final class VPGAgent: PolicyGradientAgent {
    public let algorithm = Algorithm.vpg
    public let options: AgentOptions
    public private(set) var hyperparameters: Hyperparameters
    public let policy: CategoricalPolicy
    public let valueFunction: StateValueFunction?
    public let psi: Psi
    public private(set) var lastAdvantage: AdvantageExplanation?
    /// Updates made so far.
    public private(set) var epochs = 0
    private var rollout: Rollout

    public init(_ configuration: AgentConfiguration) throws(AlgorithmError) {
        options = configuration.options
        psi = try options.psi(for: .vpg)
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

    /// The epoch's update: Ψ, one policy step, then I_V value steps.
    func update() {
        guard let valueFunction else { return }
        let gamma = hyperparameters[.gamma], lambda = hyperparameters[.lambda]
        let values = valueFunction.values(rollout.observations, count: rollout.count)
        let bootstrapValues = valueFunction.values(rollout.bootstrapObservations, count: rollout.bootstrapCount)
        let weights = psi.weights(rewards: rollout.rewards, terminated: rollout.terminated, truncated: rollout.truncated,
                                  values: values, bootstrapValues: bootstrapValues, gamma: gamma, lambda: lambda)
        lastAdvantage = AdvantageExplanation(
            psi: psi, rewards: rollout.rewards, terminated: rollout.terminated, truncated: rollout.truncated, values: values,
            bootstrapValues: bootstrapValues, gamma: gamma, lambda: lambda, weight: weights[0])
        policy.step(observations: rollout.observations, actions: rollout.actions, psi: AdvantageEstimation.normalized(weights))
        let returns = AdvantageEstimation.discountedReturns(
            rewards: rollout.rewards, terminated: rollout.terminated, truncated: rollout.truncated,
            bootstrapValues: bootstrapValues, gamma: gamma)
        valueFunction.fit(observations: rollout.observations, targets: returns, iterations: hyperparameters.integer(.valueIterations))
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
    public static let vpg = Algorithm(
        name: "vpg", displayName: "VPG",
        summary: "vanilla policy gradient: policy and value networks, GAE(γ,λ), T steps per epoch",
        options: [.psi], psiChoices: Psi.allCases, defaultPsi: .advantage,
        defaults: [
            .gamma: 0.99, .lambda: 0.97, .hiddenSize: 64, .hiddenLayers: 2, .policyLearningRate: 1e-2, .valueLearningRate: 1e-2,
            .stepsPerEpoch: 1000, .valueIterations: 20, .entropyCoefficient: 0,
        ],
        make: { configuration throws(AlgorithmError) in try VPGAgent(configuration) })
}
