/// One step of experience as an agent stores it: (s, a, r, s′) with gymnasium's two end flags. Replay
/// buffers keep transitions in flat arrays; this value is how they go in and come out off the hot path
/// (hindsight relabelling, inspection, tests).
public struct Transition: Sendable, Equatable {
    public var observation: [Float]
    public var action: Int
    public var reward: Float
    public var nextObservation: [Float]
    /// s′ is terminal: targets do not bootstrap from it.
    public var terminated: Bool
    /// The episode was cut after this step (a time limit): s′ still has a value to bootstrap from.
    public var truncated: Bool

    public init(observation: [Float], action: Int, reward: Float, nextObservation: [Float], terminated: Bool, truncated: Bool) {
        self.observation = observation
        self.action = action
        self.reward = reward
        self.nextObservation = nextObservation
        self.terminated = terminated
        self.truncated = truncated
    }
}
