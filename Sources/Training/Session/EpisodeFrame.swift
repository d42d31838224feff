import Environments

/// One moment of an episode as a viewer replays it: the state, the reward of the step that led to it (0 for
/// the first frame) and the undiscounted return up to it.
public struct EpisodeFrame: Sendable, Equatable {
    public var state: SceneState
    public var reward: Double
    public var returnSoFar: Double

    public init(state: SceneState, reward: Double = 0, returnSoFar: Double = 0) {
        self.state = state
        self.reward = reward
        self.returnSoFar = returnSoFar
    }
}
