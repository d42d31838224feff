import Agents
import Environments
import RLCore

/// N copies of one environment stepped in turn (A2C's synchronous parallel environments, on one thread):
/// each call to `step(_:)` gives the agent one transition from the copy whose turn it is, so N calls make one
/// lockstep step that collects a transition from every copy, and an agent that learns every N transitions
/// (online actor-critic with N_env = N) updates once per lockstep step on a batch of N.
///
/// Copy i draws its randomness from the run's stream "env" with index i, so copy 0 is the environment a
/// single-environment run uses, and N = 1 steps exactly as a run without copies. Each copy keeps its own
/// observation and its own episode's return and length; an episode that ends is reported and that copy alone
/// is reset. With a gym seed N (`EnvironmentSpec.gymSeed`), copy i draws from gymnasium's generator seeded with
/// N + i instead, as SB3's vectorised environments seed their copies.
public struct LockstepEnvironments {
    public internal(set) var copies: [any Environment]
    /// The current observation of each copy.
    var observations: [[Float]]
    /// Scratch for s′ (swapped into `observations` when the episode goes on).
    private var next: [Float]
    var returns: [Double]
    var lengths: [Int]
    /// The copy whose turn it is.
    var turn = 0
    /// The copy that took the last step.
    public internal(set) var lastStepped = 0
    /// Keep the copy whose episode just ended as it was before its reset, in `finishedCopy`: a live view
    /// draws an episode's last state (the goal reached, the pole fallen) although the copy starts over at once.
    public var keepsFinishedCopy = false
    /// With `keepsFinishedCopy`, the last copy whose episode ended, in its final state.
    public private(set) var finishedCopy: (any Environment)?

    /// `count` copies of `spec`, copy i built from `seed.generator(for: "env", index: i)` (or gym seed N + i).
    public init(_ spec: EnvironmentSpec, count: Int, seed: RunSeed) throws(MapLoadError) {
        precondition(count >= 1, "at least one environment")
        var copies: [any Environment] = []
        for index in 0..<count {
            var copy = spec
            copy.gymSeed = spec.gymSeed?.adding(UInt64(index))
            copies.append(try copy.make(generator: seed.generator(for: "env", index: UInt64(index))))
        }
        self.copies = copies
        let observationCount = copies[0].observationCount
        observations = [[Float]](repeating: [Float](repeating: 0, count: observationCount), count: count)
        next = [Float](repeating: 0, count: observationCount)
        returns = [Double](repeating: 0, count: count)
        lengths = [Int](repeating: 0, count: count)
    }

    /// Copy 0, the one that defines the run's shapes and solved threshold.
    public var first: any Environment { copies[0] }

    /// Resets every copy and starts the agent's episode in each, copy 0 first.
    public mutating func reset(for agent: any Agent) {
        for index in copies.indices { restart(index, for: agent) }
        turn = 0
    }

    /// One transition of the copy whose turn it is: a = agent.act(s), the copy steps, the agent observes and
    /// may learn; with `learning` false, a = the greedy action and the agent is told nothing (a replay).
    /// Returns the outcome and, when the copy's episode ended (it is then reset), that episode's undiscounted
    /// return and length.
    public mutating func step(_ agent: any Agent, learning: Bool = true)
        -> (outcome: StepOutcome, finished: (reward: Double, length: Int)?)
    {
        let index = turn
        turn = (turn + 1) % copies.count
        lastStepped = index
        let outcome: StepOutcome
        if learning {
            outcome = agent.step(&copies[index], from: observations[index], into: &next)
        } else {
            let action = observations[index].withUnsafeBufferPointer { agent.actGreedily($0) }
            outcome = copies[index].step(action)
            next.withUnsafeMutableBufferPointer { copies[index].writeObservation(into: $0) }
        }
        returns[index] += outcome.reward
        lengths[index] += 1
        guard outcome.isDone else {
            swap(&observations[index], &next)
            return (outcome, nil)
        }
        let finished = (reward: returns[index], length: lengths[index])
        if keepsFinishedCopy { finishedCopy = copies[index] }
        restart(index, for: agent)
        return (outcome, finished)
    }

    private mutating func restart(_ index: Int, for agent: any Agent) {
        returns[index] = 0
        lengths[index] = 0
        copies[index].reset()
        observations[index].withUnsafeMutableBufferPointer { copies[index].writeObservation(into: $0) }
        agent.startEpisode(in: copies[index])
    }
}
