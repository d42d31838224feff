/// What one call to `Environment.step(_:)` reports besides the new observation (gymnasium's step tuple).
public struct StepOutcome: Sendable, Equatable {
    public var reward: Double
    /// The episode reached a terminal state of the MDP: do not bootstrap from the next state.
    public var terminated: Bool
    /// The episode was cut short (a time limit): the next state still has a value to bootstrap from.
    public var truncated: Bool

    public init(reward: Double, terminated: Bool, truncated: Bool) {
        self.reward = reward
        self.terminated = terminated
        self.truncated = truncated
    }

    /// The episode is over for either reason.
    public var isDone: Bool { terminated || truncated }
}

/// A reinforcement-learning environment with gymnasium's semantics: `reset()` starts an episode,
/// `step(_:)` applies a discrete action and reports reward, terminated and truncated; the observation
/// after either call is read with `writeObservation(into:)`.
///
/// Observations are written into a caller-owned buffer so that stepping allocates nothing. An environment
/// draws all its randomness (reset states, slips, goals) from the generator it was built with.
public protocol Environment: StateSaving {
    /// The number of floats in an observation.
    var observationCount: Int { get }
    /// Actions are the integers `0..<actionCount`.
    var actionCount: Int { get }
    /// Starts a new episode.
    mutating func reset()
    /// Applies `action` (in `0..<actionCount`) and advances one time step.
    mutating func step(_ action: Int) -> StepOutcome
    /// Writes the current observation into `buffer`, which holds exactly `observationCount` floats.
    func writeObservation(into buffer: UnsafeMutableBufferPointer<Float>)
}

extension Environment {
    /// The current observation as a new array (convenient off the hot path).
    public func observation() -> [Float] {
        [Float](unsafeUninitializedCapacity: observationCount) { buffer, count in
            writeObservation(into: buffer)
            count = observationCount
        }
    }
}

/// A goal-conditioned environment (the HER setting): the observation is the state followed by the desired
/// goal, and the reward is a function of an achieved and a desired goal, so stored transitions can be
/// relabelled with other goals and their rewards recomputed.
public protocol GoalEnvironment: Environment {
    /// The number of floats in a goal.
    var goalCount: Int { get }
    /// The goal the current state achieves.
    var achievedGoal: [Float] { get }
    /// The goal of the current episode.
    var desiredGoal: [Float] { get }
    /// The reward for arriving where `achieved` holds while `desired` is the goal.
    func reward(achieved: [Float], desired: [Float]) -> Double
    /// Whether `achieved` fulfils `desired`.
    func isSuccess(achieved: [Float], desired: [Float]) -> Bool
}
