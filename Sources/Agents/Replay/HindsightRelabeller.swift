import RLCore

/// Hindsight experience replay (Andrychowicz et al. 2017, Alg. 1 and Sec. 4.5): every transition of an
/// episode is stored with the goal it was played for and again with goals the episode actually achieved,
/// so even a failed episode teaches how to reach somewhere.
///
/// A relabelled copy of step t (sₜ‖g, aₜ, s_{t+1}‖g) with goal g′ replaces the goal part (the last
/// `goalCount` floats) of both observations with g′ and recomputes through the environment
/// r = reward(g_{t+1}, g′), where g_{t+1} is the goal achieved after the step.
///
/// End flags follow the paper by default: γ = 0.98 applies to all transitions, including those that end an
/// episode (Appendix A), so nothing stored is terminated — every target bootstraps, y = r + γ·max Q(s′‖g′) —
/// and a step that ended the episode, original or copy, is marked truncated. With `terminalOnSuccess`
/// (`--her-terminal`) the environment's rule is applied to each goal instead: the original keeps its own
/// flags, and a copy is terminated when it reaches g′ (isSuccess(g_{t+1}, g′)) and truncated when it does not
/// but the episode ended there. The output is plain `Transition`s, stored into any `ReplayMemory`, uniform or
/// prioritized.
public struct HindsightRelabeller: Sendable, Hashable {
    /// Which achieved goals replace the episode's goal.
    public enum Strategy: Sendable, Hashable {
        /// One copy per step with g_T, the goal achieved at the episode's end.
        case final
        /// k copies per step, each with a goal drawn uniformly (with replacement) from those achieved after
        /// the step: g_j with j in t + 1 … T (k = 4 was best in the paper).
        case future(k: Int)
    }

    public var strategy: Strategy
    /// Whether reaching a goal ends the transition (terminated, no bootstrap) rather than bootstrapping as the
    /// paper does.
    public var terminalOnSuccess: Bool

    public init(strategy: Strategy, terminalOnSuccess: Bool = false) {
        if case let .future(k) = strategy { precondition(k >= 1, "HER future needs k ≥ 1") }
        self.strategy = strategy
        self.terminalOnSuccess = terminalOnSuccess
    }

    /// The indices j into `GoalEpisode.achievedGoals` whose goals relabel step t of an episode of length T.
    public func goalIndices(forStep t: Int, episodeLength: Int, using generator: inout Xoshiro256StarStar) -> [Int] {
        precondition(t >= 0 && t < episodeLength, "step \(t) outside 0..<\(episodeLength)")
        switch strategy {
        case .final:
            return [episodeLength]
        case let .future(k):
            return (0..<k).map { _ in t + 1 + generator.uniformInt(below: episodeLength - t) }
        }
    }

    /// The transitions to store for `episode`: for each step in order, the original transition followed by
    /// its relabelled copies (2T transitions for `final`, (1 + k)·T for `future`).
    public func transitions(of episode: GoalEpisode, environment: some GoalEnvironment,
                            using generator: inout Xoshiro256StarStar) -> [Transition] {
        var result: [Transition] = []
        result.reserveCapacity(episode.length * (1 + copiesPerStep))
        relabel(episode, environment: environment, using: &generator) { observation, action, reward, next, terminated, truncated in
            result.append(Transition(observation: Array(observation), action: action, reward: reward,
                                     nextObservation: Array(next), terminated: terminated, truncated: truncated))
        }
        return result
    }

    /// Stores the transitions of `transitions(of:environment:using:)` straight into `memory`, in the same
    /// order and with the same draws, building each relabelled observation in one reused pair of buffers.
    public func store(_ episode: GoalEpisode, into memory: some ReplayMemory, environment: some GoalEnvironment,
                      using generator: inout Xoshiro256StarStar) {
        relabel(episode, environment: environment, using: &generator) { observation, action, reward, next, terminated, truncated in
            memory.add(observation: observation, action: action, reward: reward, nextObservation: next,
                       terminated: terminated, truncated: truncated)
        }
    }

    /// The number of relabelled copies of each step.
    private var copiesPerStep: Int {
        switch strategy { case .final: 1; case let .future(k): k }
    }

    /// Hands each transition to store to `sink` as (s, a, r, s′, terminated, truncated); the observation
    /// buffers are only valid during the call.
    private func relabel(_ episode: GoalEpisode, environment: some GoalEnvironment, using generator: inout Xoshiro256StarStar,
                         sink: (UnsafeBufferPointer<Float>, Int, Float, UnsafeBufferPointer<Float>, Bool, Bool) -> Void) {
        let goalCount = environment.goalCount
        let observationCount = episode.observations[0].count
        precondition(observationCount >= goalCount, "observations must end with the goal")
        let stateCount = observationCount - goalCount
        var relabelled = [Float](repeating: 0, count: observationCount), relabelledNext = relabelled
        for t in 0..<episode.length {
            let observation = episode.observations[t], next = episode.observations[t + 1]
            let episodeEnds = episode.terminated[t] || episode.truncated[t]
            let terminated = terminalOnSuccess && episode.terminated[t]
            let truncated = terminalOnSuccess ? episode.truncated[t] : episodeEnds
            observation.withUnsafeBufferPointer { current in
                next.withUnsafeBufferPointer { following in
                    sink(current, episode.actions[t], Float(episode.rewards[t]), following, terminated, truncated)
                }
            }
            let achieved = episode.achievedGoals[t + 1]
            for j in goalIndices(forStep: t, episodeLength: episode.length, using: &generator) {
                let goal = episode.achievedGoals[j]
                let success = environment.isSuccess(achieved: achieved, desired: goal)
                for i in 0..<stateCount {
                    relabelled[i] = observation[i]
                    relabelledNext[i] = next[i]
                }
                for i in 0..<goalCount {
                    relabelled[stateCount + i] = goal[i]
                    relabelledNext[stateCount + i] = goal[i]
                }
                relabelled.withUnsafeBufferPointer { current in
                    relabelledNext.withUnsafeBufferPointer { following in
                        sink(current, episode.actions[t], Float(environment.reward(achieved: achieved, desired: goal)), following,
                             terminalOnSuccess && success, (!terminalOnSuccess || !success) && episodeEnds)
                    }
                }
            }
        }
    }
}
