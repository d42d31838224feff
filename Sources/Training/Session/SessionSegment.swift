import Agents

/// A stretch of a session's training under one algorithm, environment and set of hyperparameter values,
/// with the returns of the episodes that ended in it. A new segment starts whenever one of those changes,
/// so a plot can mark the change and overlay the curves of different algorithms.
public struct SessionSegment: Sendable, Equatable {
    /// What started the segment.
    public enum Cause: Sendable, Equatable {
        /// The session's first agent.
        case start
        case algorithm
        case environment
        /// A new agent with the same settings (learning starts over).
        case reset
        case hyperparameter(HyperparameterKey, from: Double, to: Double)
    }

    public var cause: Cause
    public var algorithm: Algorithm
    public var environment: String
    /// The seed of the segment's agent (`rlterm train --seed`).
    public var seed: UInt64
    /// The `rlterm train` command whose episodes are this agent's, from its first step (up to the first edit
    /// of a hyperparameter, which it does not contain); nil for a replayed checkpoint.
    public var trainCommand: String?
    /// The session's step and episode counts when the segment started.
    public var firstStep: Int
    public var firstEpisode: Int
    /// The undiscounted returns of the segment's episodes, oldest first: the last `returnCapacity` of them.
    public var returns: [Double]
    /// How many of the segment's earliest returns were dropped to keep within the capacity.
    public var droppedReturns: Int

    public init(cause: Cause, algorithm: Algorithm, environment: String, seed: UInt64 = 0, trainCommand: String? = nil,
                firstStep: Int, firstEpisode: Int, returns: [Double] = [], droppedReturns: Int = 0) {
        self.cause = cause
        self.algorithm = algorithm
        self.environment = environment
        self.seed = seed
        self.trainCommand = trainCommand
        self.firstStep = firstStep
        self.firstEpisode = firstEpisode
        self.returns = returns
        self.droppedReturns = droppedReturns
    }

    /// Appends a return, dropping the oldest half when `capacity` is reached.
    mutating func append(_ value: Double, capacity: Int) {
        if returns.count == capacity {
            let dropped = capacity / 2
            returns.removeFirst(dropped)
            droppedReturns += dropped
        }
        returns.append(value)
    }
}
