/// The outcome of replaying one recorded MinAtar episode.
public struct MinAtarTraceReport: Sendable, Equatable {
    public let id: String
    /// The number of acts replayed.
    public let stepCount: Int
    /// The first disagreement, or nil when every cell, reward, flag and stream position matched.
    public let firstMismatch: MinAtarTraceMismatch?

    public var passed: Bool { firstMismatch == nil }
}
