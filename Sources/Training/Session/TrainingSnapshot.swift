import Agents
import Environments

/// Everything a viewer of a `TrainingSession` can see at one moment, as an immutable value: taking one costs
/// the trainer a few copies of shared arrays, and a viewer may keep it as long as it likes.
public struct TrainingSnapshot: Sendable, Equatable {
    /// Grows by one with every snapshot of the session.
    public var sequence: Int
    /// The algorithm, environment, options and seed now in use (hyperparameters as the agent has them).
    public var configuration: TrainingConfiguration
    /// False while replaying a checkpoint: the agent acts greedily and learns nothing.
    public var learns: Bool
    public var hyperparameters: Hyperparameters
    /// The values the current pair starts from: its preset over the algorithm's defaults (the panel marks
    /// values that differ, and restores them on request).
    public var presetHyperparameters: Hyperparameters
    public var mode: RunMode
    public var pace: Pace
    /// Environment steps and finished episodes of the whole session.
    public var timesteps: Int
    public var episodes: Int
    /// Measured over the last second or more; 0 while paused.
    public var stepsPerSecond: Double
    /// ε now, for agents that explore ε-greedily.
    public var epsilon: Double?
    /// Hyperparameters that have no effect at this point of the run, with why (`Agent.idleHyperparameters`).
    public var idleNow: [HyperparameterKey: String] = [:]
    /// The mean return of the last (up to) 100 episodes.
    public var meanRecentReturn: Double?

    public var layout: SceneLayout
    /// The episode in progress, its first frame the reset state (possibly only its last frames, see
    /// `EpisodeRecorder`), and the last finished episode.
    public var currentEpisode: [EpisodeFrame]
    public var lastEpisode: [EpisodeFrame]

    /// Every segment of the session, oldest first (the oldest dropped beyond the session's capacity).
    public var segments: [SessionSegment]
    public var losses: [LossPoint]
    public var values: ValueInspection
    /// The last update written out with its numbers, one equation per line.
    public var explanation: [String]
    /// The latest message (a result or a refusal); see `SessionMessage.id`.
    public var message: SessionMessage?
    /// Why learning stopped, when the agent met a non-finite value: the session is paused, the networks keep
    /// their last finite values, and a reset or a switch starts a new agent.
    public var failure: String?
    /// The agent's networks in a few words (`Agent.networkSummary`), for the hyperparameter panel.
    public var network: String

    /// A snapshot from its parts: the session builds one at each publication, and a viewer of a shared
    /// session rebuilds the teacher's from the wire.
    public init(sequence: Int, configuration: TrainingConfiguration, learns: Bool, hyperparameters: Hyperparameters,
                presetHyperparameters: Hyperparameters, mode: RunMode, pace: Pace, timesteps: Int, episodes: Int,
                stepsPerSecond: Double, epsilon: Double?, idleNow: [HyperparameterKey: String] = [:],
                meanRecentReturn: Double?, layout: SceneLayout, currentEpisode: [EpisodeFrame],
                lastEpisode: [EpisodeFrame], segments: [SessionSegment], losses: [LossPoint], values: ValueInspection,
                explanation: [String], message: SessionMessage?, failure: String?, network: String = "") {
        self.sequence = sequence
        self.configuration = configuration
        self.learns = learns
        self.hyperparameters = hyperparameters
        self.presetHyperparameters = presetHyperparameters
        self.mode = mode
        self.pace = pace
        self.timesteps = timesteps
        self.episodes = episodes
        self.stepsPerSecond = stepsPerSecond
        self.epsilon = epsilon
        self.idleNow = idleNow
        self.meanRecentReturn = meanRecentReturn
        self.layout = layout
        self.currentEpisode = currentEpisode
        self.lastEpisode = lastEpisode
        self.segments = segments
        self.losses = losses
        self.values = values
        self.network = network
        self.explanation = explanation
        self.message = message
        self.failure = failure
    }
}
