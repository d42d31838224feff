import RLCore

/// The simplest policy gradient (REINFORCE; Spinning Up's `1_simple_pg` and `2_rtg_pg`): play whole
/// episodes with πθ until the batch holds at least T steps, then take one Adam step (α_π) on
///
///     L(θ) = −(1/N)·Σₜ [Ψₜ·log πθ(aₜ|sₜ) + β_H·H(πθ(·|sₜ))]
///
/// with Ψ the total return R(τ) (default), the reward-to-go, or the reward-to-go minus a learned baseline
/// V_φ(sₜ) (`--psi baseline`; V_φ then takes I_V Adam steps towards the rewards-to-go). All sums are
/// discounted by γ (γ = 1 is the textbook form), and Ψ is not normalised. Nothing is bootstrapped: REINFORCE
/// has no value function to estimate the rewards after a time limit's cut, so a truncated episode counts as
/// if it had ended there (and the baseline is fitted to the same unbootstrapped sums); VPG bootstraps them.
public final class ReinforceAgent: PolicyGradientAgent {
    public let algorithm = Algorithm.reinforce
    public let options: AgentOptions
    public private(set) var hyperparameters: Hyperparameters
    public let policy: CategoricalPolicy
    /// The baseline b(s) = V_φ(s), present only with `--psi baseline`.
    public let valueFunction: StateValueFunction?
    public let psi: Psi
    public private(set) var lastAdvantage: AdvantageExplanation?
    /// Updates (batches of episodes) made so far.
    public private(set) var epochs = 0
    private var rollout: Rollout

    public init(_ configuration: AgentConfiguration) throws(AlgorithmError) {
        options = configuration.options
        psi = try options.psi(for: .reinforce)
        hyperparameters = configuration.hyperparameters
        var initGenerator = configuration.seed.generator(for: "init")
        policy = CategoricalPolicy(configuration, initGenerator: &initGenerator)
        valueFunction = psi == .baseline ? StateValueFunction(configuration, initGenerator: &initGenerator) : nil
        rollout = Rollout(observationCount: configuration.observationCount)
    }

    public func observe(observation: UnsafeBufferPointer<Float>, action: Int, outcome: StepOutcome,
                        nextObservation: UnsafeBufferPointer<Float>, environment: any Environment) {
        rollout.append(observation: observation, action: action, reward: outcome.reward, terminated: outcome.terminated,
                       truncated: outcome.truncated, nextObservation: nextObservation)
        guard outcome.isDone, rollout.count >= hyperparameters.integer(.stepsPerEpoch) else { return }
        update()
        rollout.removeAll()
    }

    /// One batch of whole episodes: Ψ, one policy step, and with a baseline, I_V value steps.
    func update() {
        let gamma = hyperparameters[.gamma]
        let values = valueFunction?.values(rollout.observations, count: rollout.count) ?? []
        let weights = psi.weights(rewards: rollout.rewards, terminated: rollout.terminated, truncated: rollout.truncated,
                                  values: values, bootstrapValues: nil, gamma: gamma, lambda: 1)
        lastAdvantage = AdvantageExplanation(
            psi: psi, rewards: rollout.rewards, terminated: rollout.terminated, truncated: rollout.truncated, values: values,
            bootstrapValues: nil, gamma: gamma, lambda: 1, weight: weights[0])
        policy.step(observations: rollout.observations, actions: rollout.actions, psi: weights)
        if let valueFunction {
            let toGo = AdvantageEstimation.rewardToGo(rewards: rollout.rewards, terminated: rollout.terminated,
                                                      truncated: rollout.truncated, gamma: gamma)
            valueFunction.fit(observations: rollout.observations, targets: toGo, iterations: hyperparameters.integer(.valueIterations))
        }
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
    public static let reinforce = Algorithm(
        name: "reinforce", displayName: "REINFORCE",
        summary: "simplest policy gradient: whole episodes, one step on −mean log π·Ψ per batch",
        options: [.psi], psiChoices: [.total, .rewardToGo, .baseline], defaultPsi: .total,
        defaults: [
            .gamma: 1, .hiddenSize: 32, .hiddenLayers: 1, .policyLearningRate: 1e-2, .valueLearningRate: 1e-2,
            .stepsPerEpoch: 5000, .valueIterations: 40, .entropyCoefficient: 0,
        ],
        make: { configuration throws(AlgorithmError) in try ReinforceAgent(configuration) })
}
