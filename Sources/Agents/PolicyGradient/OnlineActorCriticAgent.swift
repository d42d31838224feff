import RLCore

/// Online actor-critic, one transition at a time: after each step (s, a, r, s′),
///
///     δ = r + γ·V̂_φ(s′) − V̂_φ(s)      (V̂_φ(s′) = 0 when s′ is terminal; a truncated s′ still bootstraps)
///
/// one Adam step (α_V) moves V̂_φ(s) towards r + γ·V̂_φ(s′), and one Adam step (α_π) on
/// −[δ·log πθ(a|s) + β_H·H(πθ(·|s))] moves the policy, with δ the advantage estimate. It runs one
/// environment; the notes' parallel-environment variant (A2C-style `--envs N`) is not implemented.
public final class OnlineActorCriticAgent: PolicyGradientAgent {
    public let algorithm = "online-ac"
    public let options: AgentOptions
    public private(set) var hyperparameters: Hyperparameters
    public let policy: CategoricalPolicy
    public let valueFunction: StateValueFunction?
    /// Transitions learned from so far.
    public private(set) var steps = 0
    private var observation: [Float]
    private var action = [0]
    private var target = [0.0]
    private var advantage = [0.0]
    /// (r, V̂(s), V̂(s′) as bootstrapped, terminated) of the last transition, for `lastAdvantage`.
    private var last: (reward: Double, value: Double, nextValue: Double, terminated: Bool)?

    public init(_ configuration: AgentConfiguration) throws(AlgorithmError) {
        options = configuration.options
        _ = try options.psi(for: "online-ac", supported: [.tdResidual], fallback: .tdResidual)
        hyperparameters = configuration.hyperparameters
        var initGenerator = configuration.seed.generator(for: "init")
        policy = CategoricalPolicy(configuration, initGenerator: &initGenerator)
        valueFunction = StateValueFunction(configuration, initGenerator: &initGenerator)
        observation = [Float](repeating: 0, count: configuration.observationCount)
    }

    /// The whole algorithm: one transition, one critic step, one actor step.
    public func observe(observation s: UnsafeBufferPointer<Float>, action a: Int, outcome: StepOutcome,
                        nextObservation: UnsafeBufferPointer<Float>, environment: any Environment) {
        guard let critic = valueFunction else { return }
        steps += 1
        let gamma = hyperparameters[.gamma]
        let nextValue = outcome.terminated ? 0 : critic.value(nextObservation)
        let value = critic.value(s)
        target[0] = outcome.reward + gamma * nextValue
        advantage[0] = target[0] - value
        action[0] = a
        for index in observation.indices { observation[index] = s[index] }
        last = (outcome.reward, value, nextValue, outcome.terminated)
        critic.fit(observations: observation, targets: target, iterations: 1)
        policy.step(observations: observation, actions: action, psi: advantage)
    }

    /// δ of the last transition written out.
    public var lastAdvantage: AdvantageExplanation? {
        guard let last else { return nil }
        return AdvantageExplanation(
            psi: .tdResidual, rewards: [last.reward], terminated: [last.terminated], truncated: [!last.terminated],
            values: [last.value], bootstrapValues: last.terminated ? [] : [last.nextValue], gamma: hyperparameters[.gamma],
            lambda: 0, weight: last.reward + hyperparameters[.gamma] * last.nextValue - last.value)
    }

    public func setHyperparameter(_ key: HyperparameterKey, to value: Double) throws(HyperparameterError) {
        try hyperparameters.setLive(key, to: value)
        applyToNetworks(key, value)
    }
}
