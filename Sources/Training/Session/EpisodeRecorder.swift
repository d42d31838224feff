import Environments

/// The frames of the episode in progress and of the last finished one (copy 0 of the environments), kept
/// for a viewer to step back and forth through. An episode longer than `capacity` frames keeps its last
/// `capacity`, so a wandering agent cannot make the recording grow without bound.
struct EpisodeRecorder {
    let capacity: Int
    private(set) var current: [EpisodeFrame] = []
    private(set) var last: [EpisodeFrame] = []

    init(capacity: Int) {
        precondition(capacity >= 2, "an episode needs room for at least two frames")
        self.capacity = capacity
    }

    /// Starts a new episode in `state`.
    mutating func begin(_ state: SceneState) {
        current.removeAll(keepingCapacity: true)
        current.append(EpisodeFrame(state: state))
    }

    /// Records the step into `state` with reward `reward`.
    mutating func record(_ state: SceneState, reward: Double) {
        let previous = current.last?.returnSoFar ?? 0
        if current.count == capacity {
            // Dropping half at a time keeps the cost per step constant on average.
            current.removeFirst(capacity / 2)
        }
        current.append(EpisodeFrame(state: state, reward: reward, returnSoFar: previous + reward))
    }

    /// Ends the episode with the step into its final state; it becomes `last`, and a new one starts in `next`.
    mutating func finish(final state: SceneState, reward: Double, next: SceneState) {
        record(state, reward: reward)
        swap(&current, &last)
        begin(next)
    }

    /// Everything recorded so far is of another environment or agent: forget it and start in `state`.
    mutating func restart(_ state: SceneState) {
        last.removeAll()
        begin(state)
    }
}
