import RLCore

/// Online actor-critic, one transition at a time: after each step (s, a, r, s′),
///
///     δ = r + γ·V̂_φ(s′) − V̂_φ(s)      (V̂_φ(s′) = 0 when s′ is terminal; a truncated s′ still bootstraps)
///
/// one Adam step (α_V) moves V̂_φ(s) towards r + γ·V̂_φ(s′), and one Adam step (α_π) on
/// −[δ·log πθ(a|s) + β_H·H(πθ(·|s))] moves the policy, with δ the advantage estimate.
///
/// With N_env = N > 1 (`--envs N`, the notes' parallel variant, A2C-style) the trainer steps N environment
/// copies in turn and the agent waits for one transition from each: δᵢ is computed for every transition as it
/// arrives (the networks do not change in between), and the two Adam steps then average over the N rows.
public final class OnlineActorCriticAgent: PolicyGradientAgent {
    public let algorithm = Algorithm.onlineAC
    public let options: AgentOptions
    public private(set) var hyperparameters: Hyperparameters
    public let policy: CategoricalPolicy
    public let valueFunction: StateValueFunction?
    /// Transitions learned from so far.
    public private(set) var steps = 0
    /// Updates made so far, each over N_env transitions.
    public private(set) var updates = 0
    /// The transitions of the update being gathered: sᵢ row after row, aᵢ, r + γ·V̂(s′ᵢ) and δᵢ.
    private var observations: [Float]
    private var actions: [Int]
    private var targets: [Double]
    private var advantages: [Double]
    private var gathered = 0
    /// (r, V̂(s), V̂(s′) as bootstrapped, terminated) of the last transition, for `lastAdvantage`.
    private var last: (reward: Double, value: Double, nextValue: Double, terminated: Bool)?

    public init(_ configuration: AgentConfiguration) throws(AlgorithmError) {
        options = configuration.options
        _ = try options.psi(for: .onlineAC)
        hyperparameters = configuration.hyperparameters
        var initGenerator = configuration.seed.generator(for: "init")
        policy = CategoricalPolicy(configuration, initGenerator: &initGenerator)
        valueFunction = StateValueFunction(configuration, initGenerator: &initGenerator)
        let n = configuration.hyperparameters.integer(.environments)
        observations = [Float](repeating: 0, count: n * configuration.observationCount)
        actions = [Int](repeating: 0, count: n)
        targets = [Double](repeating: 0, count: n)
        advantages = [Double](repeating: 0, count: n)
    }

    /// The whole algorithm: one transition, its δ; after N_env of them, one critic step and one actor step.
    public func observe(observation s: UnsafeBufferPointer<Float>, action a: Int, outcome: StepOutcome,
                        nextObservation: UnsafeBufferPointer<Float>, environment: any Environment) {
        guard let critic = valueFunction else { return }
        steps += 1
        let gamma = hyperparameters[.gamma]
        let nextValue = outcome.terminated ? 0 : critic.value(nextObservation)
        let value = critic.value(s)
        let row = gathered
        targets[row] = outcome.reward + gamma * nextValue
        advantages[row] = targets[row] - value
        actions[row] = a
        for index in 0..<s.count { observations[row * s.count + index] = s[index] }
        last = (outcome.reward, value, nextValue, outcome.terminated)
        gathered += 1
        guard gathered == actions.count else { return }
        gathered = 0
        critic.fit(observations: observations, targets: targets, iterations: 1)
        policy.step(observations: observations, actions: actions, psi: advantages)
        updates += 1
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

    /// The policy and its stream, the critic, the counts and the N_env transitions gathered towards the next update.
    public func saveState(into part: inout StatePart) {
        saveNetworks(into: &part)
        part.set("steps", integer: steps)
        part.set("updates", integer: updates)
        part.set("gathered", integer: gathered)
        part.set("observations", floats: observations)
        part.set("actions", integers: actions)
        part.set("targets", doubles: targets)
        part.set("advantages", doubles: advantages)
    }

    public func restoreState(from part: StatePart) throws(StatePartError) {
        try restoreNetworks(from: part)
        steps = try part.integer("steps")
        updates = try part.integer("updates")
        gathered = try part.integer("gathered", in: 0...(actions.count - 1))
        observations = try part.floats("observations", count: observations.count)
        actions = try part.integers("actions", count: actions.count, in: 0...(actionCount - 1))
        targets = try part.doubles("targets", count: targets.count)
        advantages = try part.doubles("advantages", count: advantages.count)
    }
}

extension Algorithm {
    public static let onlineAC = Algorithm(
        name: "online-ac", displayName: "online AC",
        summary: "online actor-critic: one transition (--envs N: one from each of N lockstep copies), one critic step, one actor step with δ",
        options: [.psi], psiChoices: [.tdResidual], defaultPsi: .tdResidual,
        defaults: [
            .gamma: 0.99, .hiddenSize: 64, .hiddenLayers: 0, .policyLearningRate: 3e-3, .valueLearningRate: 1e-2,
            .entropyCoefficient: 0, .environments: 1,
        ],
        make: { configuration throws(AlgorithmError) in try OnlineActorCriticAgent(configuration) })
}
