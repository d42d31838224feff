/// The outcome of replaying one recorded trace.
public struct TraceReport<E: TraceableEnvironment>: Sendable, Equatable {
    public let id: String
    /// The number of `step()` calls replayed.
    public let stepCount: Int
    /// The largest |Δ| between a replayed and a recorded state component over the whole trace.
    public let maxStateDeviation: Double
    /// The first disagreement, or nil when the replay reproduced the trace.
    public let firstMismatch: TraceMismatch<E>?

    init(id: String, stepCount: Int, maxStateDeviation: Double, firstMismatch: TraceMismatch<E>?) {
        self.id = id
        self.stepCount = stepCount
        self.maxStateDeviation = maxStateDeviation
        self.firstMismatch = firstMismatch
    }

    /// Every state within the tolerance and every observation bit, reward and flag identical.
    public var passed: Bool { firstMismatch == nil }
}
