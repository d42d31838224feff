/// The learning signal of one stretch of training for the loss plot: the mean loss of the updates made
/// during one episode, and the mean |δ| of their TD errors (Q-learning agents only).
public struct LossPoint: Sendable, Equatable {
    /// The session's episode count when the point was taken.
    public var episode: Int
    public var loss: Double
    public var meanAbsoluteTDError: Double?

    public init(episode: Int, loss: Double, meanAbsoluteTDError: Double?) {
        self.episode = episode
        self.loss = loss
        self.meanAbsoluteTDError = meanAbsoluteTDError
    }
}
