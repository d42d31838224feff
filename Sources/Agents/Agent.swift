import NeuralNet
import RLCore

/// An algorithm as the training loop sees it. The loop resets the environment and calls
/// `startEpisode(in:)`, then on every step picks an action with `act(_:)`, steps the environment and
/// hands the transition to `observe(...)`. The agent stores it and learns when it chooses (every step,
/// every f steps, after collecting a dataset), always within `observe`, so between two calls it is at a
/// safe point where hyperparameters may change.
///
/// Besides acting, every agent offers the read-only inspection view of the architecture notes: Q-values,
/// action probabilities or V of any state (whichever apply), the last losses and TD errors, and the last
/// update or advantage computation written out with its numbers.
public protocol Agent: AnyObject, StateSaving {
    /// The algorithm this agent runs.
    var algorithm: Algorithm { get }
    var observationCount: Int { get }
    var actionCount: Int { get }
    var options: AgentOptions { get }
    /// The current hyperparameters (always valid).
    var hyperparameters: Hyperparameters { get }
    /// Changes one hyperparameter between updates; refuses out-of-range values and keys the algorithm
    /// does not read, and keys that only a new agent can take (`HyperparameterSpec.live` false).
    func setHyperparameter(_ key: HyperparameterKey, to value: Double) throws(HyperparameterError)

    /// An action while training: explores (e.g. ε-greedy with the current ε).
    func act(_ observation: UnsafeBufferPointer<Float>) -> Int
    /// The greedy action, for evaluation: argmax_a Q(s,a).
    func actGreedily(_ observation: UnsafeBufferPointer<Float>) -> Int
    /// Called after every reset, with the environment in its first state.
    func startEpisode(in environment: any Environment)
    /// One step of experience: (s, a, r, s′) and the end flags; `environment` is already in s′ (HER reads
    /// the achieved goal from it). The agent may learn before returning.
    func observe(observation: UnsafeBufferPointer<Float>, action: Int, outcome: StepOutcome,
                 nextObservation: UnsafeBufferPointer<Float>, environment: any Environment)

    /// The networks to checkpoint, by prefix ("q" → the online Q-network).
    var networks: [String: any FeedForwardNetwork] { get }
    /// The optimizer of each network that learns with one that keeps state (Adam, RMSProp), by the network's
    /// prefix: a resumed run continues with their averages and step counts (a plain gradient step keeps none).
    var optimizers: [String: any StatefulOptimizer] { get }
    /// The target network that trails each network that has one, by the online network's prefix ("q" → θ⁻).
    var targetNetworks: [String: any FeedForwardNetwork] { get }
    /// The exploration rate now (ε of ε-greedy), nil for an agent that explores by sampling its policy.
    var explorationRate: Double? { get }
    /// The hyperparameters that have no effect at this point of the run, with why (ε₀ once ε's decay is over):
    /// what the table's "used when" rule, which reads only the options, cannot know.
    var idleHyperparameters: [HyperparameterKey: String] { get }

    /// Q(s,·) for `observation`.
    func qValues(for observation: [Float]) -> [Float]
    /// The loss of the last update, nil before the first.
    var lastLoss: Float? { get }
    /// δᵢ = yᵢ − Q(sᵢ,aᵢ) of the last update's rows.
    var lastTDErrors: [Float] { get }
    /// The last update's first row with its numbers.
    var lastUpdate: UpdateExplanation? { get }
    /// The number of gradient steps taken so far.
    var gradientSteps: Int { get }

    /// π(·|s) for `observation`, nil for agents without an explicit policy (Q-learning).
    func actionProbabilities(for observation: [Float]) -> [Float]?
    /// V(s) for `observation`, nil for agents without a state-value function.
    func stateValue(for observation: [Float]) -> Float?
    /// The losses of the last update by name ("policy", "value", "q").
    var lastLosses: [String: Float] { get }
    /// The last policy-gradient weight Ψ written out with its numbers, nil for Q-learning.
    var lastAdvantage: AdvantageExplanation? { get }
    /// The sizes of the last fit of its value function (Q or V): what the divergence watchdog compares with
    /// the bound the rewards and γ put on any value. nil before the first fit and for an agent without one.
    var lastValueFit: ValueFitReading? { get }
    /// Replaces the whole learning state with a checkpoint's (`StateSaving`): networks, optimizers, memories,
    /// random streams, counters and the batch or episode in progress, so the agent goes on exactly as the saved
    /// one would have. Built from the same configuration first; on an error the agent must be discarded.
    func restoreState(from part: StatePart) throws(StatePartError)
    /// Why the agent cannot go on (a non-finite loss, gradient or policy); the trainer stops the run without
    /// writing the agent's networks, so the last good checkpoint stays.
    var failure: String? { get }
}

/// Defaults that let each kind of agent implement only the inspection it has: Q-learning agents have no
/// policy or state value, policy-gradient agents no Q-values or TD errors.
extension Agent {
    public func qValues(for observation: [Float]) -> [Float] { [] }
    public var lastTDErrors: [Float] { [] }
    public var lastUpdate: UpdateExplanation? { nil }
    public func actionProbabilities(for observation: [Float]) -> [Float]? { nil }
    public func stateValue(for observation: [Float]) -> Float? { nil }
    public var lastLosses: [String: Float] { lastLoss.map { ["q": $0] } ?? [:] }
    public var lastAdvantage: AdvantageExplanation? { nil }
    public var lastValueFit: ValueFitReading? { nil }
    public var failure: String? { nil }
    public var idleHyperparameters: [HyperparameterKey: String] { [:] }

    /// What the first of its networks with a convolution (by prefix) computes there from `observation`, for
    /// a viewer to draw; nil when none has one. Called between updates, as `qValues(for:)` is.
    public func featureMaps(for observation: [Float]) -> FeatureMaps? {
        let networks = self.networks
        for prefix in networks.keys.sorted() {
            if let maps = networks[prefix]?.featureMaps(for: observation) { return maps }
        }
        return nil
    }

    /// The networks in a few words, by prefix with the optimizer that trains each:
    /// `Q = conv 16 3×3 → 128 → 6 on 10×10×4 (RMSProp)`, `π = MLP 4 → 64 → 2 (Adam), V = …`.
    public var networkSummary: String {
        let symbols = ["q": "Q", "pi": "π", "v": "V"]
        let optimizers = self.optimizers
        return networks.keys.sorted().map { prefix in
            let trainer = optimizers[prefix].map { " (\($0.displayName))" } ?? ""
            return "\(symbols[prefix] ?? prefix) = \(networks[prefix]!.architectureSummary)" + trainer
        }.joined(separator: ", ")
    }
}
