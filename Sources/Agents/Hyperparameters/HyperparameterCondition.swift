/// When a hyperparameter that an algorithm has acts: always, or only with some of its options (α_PER only with
/// prioritized replay, K only with a target network, λ only when Ψ is GAE's advantage). The one rule behind
/// the panel's dimmed rows and `rlterm algos`.
public struct HyperparameterCondition: Sendable {
    /// The condition as a sentence, nil when it always acts.
    public let reason: String?
    private let applies: @Sendable (Algorithm, AgentOptions) -> Bool

    /// Acts whenever the algorithm has it.
    public static let always = HyperparameterCondition(reason: nil) { _, _ in true }

    /// Acts only when `applies` holds; `reason` says when, for the user.
    public static func only(_ reason: String, when applies: @escaping @Sendable (Algorithm, AgentOptions) -> Bool) -> Self {
        HyperparameterCondition(reason: reason, applies: applies)
    }

    private init(reason: String?, applies: @escaping @Sendable (Algorithm, AgentOptions) -> Bool) {
        self.reason = reason
        self.applies = applies
    }

    /// `reason` when the hyperparameter does nothing for `algorithm` with `options`, else nil.
    func idleReason(_ algorithm: Algorithm, _ options: AgentOptions) -> String? {
        applies(algorithm, options) ? nil : reason
    }
}
