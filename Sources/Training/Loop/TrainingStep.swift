import RLCore

/// What one `Trainer.advance()` did: which environment copy stepped, its outcome, and the episode that ended
/// with the step, if one did (that copy has then been reset).
public struct TrainingStep: Sendable, Equatable {
    public var copy: Int
    public var outcome: StepOutcome
    public var episode: EpisodeRecord?

    public init(copy: Int, outcome: StepOutcome, episode: EpisodeRecord?) {
        self.copy = copy
        self.outcome = outcome
        self.episode = episode
    }
}
