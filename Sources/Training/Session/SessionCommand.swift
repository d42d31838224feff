import Agents

/// What anyone may ask of a running `TrainingSession`. Commands are applied on the training thread in the
/// order they were sent, each at the next safe point: between two environment steps, never inside an update.
public enum SessionCommand: Sendable, Equatable {
    case pause
    case resume
    case togglePause
    /// One environment step, then paused (pauses first when running).
    case step
    /// Runs at the current pace until the current episode ends, then pauses.
    case finishEpisode
    /// Changes one hyperparameter of the running agent; the change starts a new segment.
    case set(HyperparameterKey, Double)
    /// A new agent of this algorithm (its default hyperparameters) on the current environment.
    case switchAlgorithm(Algorithm)
    /// The current algorithm, with its current hyperparameters, on a new environment.
    case switchEnvironment(EnvironmentSpec)
    /// A new agent of the same algorithm and hyperparameters: learning starts over.
    case reset
    /// Writes the agent's networks to `path`, or to the session's checkpoint directory when nil.
    case saveCheckpoint(path: String?)
    case setPace(Pace)
    /// Ends the session: with a run log, the final networks are saved first.
    case stop
}

extension SessionCommand {
    /// Whether the command changes the agent or what it learns from (refused while replaying a checkpoint).
    public var changesAgent: Bool {
        switch self {
        case .set, .switchAlgorithm, .switchEnvironment, .reset: true
        case .pause, .resume, .togglePause, .step, .finishEpisode, .saveCheckpoint, .setPace, .stop: false
        }
    }
}
