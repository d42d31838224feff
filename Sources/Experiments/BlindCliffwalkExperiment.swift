import Agents
import Environments
import Foundation
import RLCore

/// The Blind Cliffwalk experiment of Prioritized Experience Replay (Schaul et al. 2016, Sec. 3 and
/// Appendix B.1, Figs. 1–2), without networks: Q-learning over a fixed replay memory holding every
/// transition of all 2ⁿ action sequences (2ⁿ⁺¹ − 2 transitions, shuffled), one transition per update,
/// counting updates until the mean squared error to the true Q falls below a threshold (10⁻³).
///
/// The paper's settings: γ = 1 − 1/n, step size η = 1/4, θᵢ ~ N(0, 0.1) (read here as standard deviation
/// 0.1), tabular and linear representations. It compares uniform replay with greedy TD-error
/// prioritization (tabular, Fig. 2 left: always replay the transition with the largest last-seen |δ|, new
/// transitions at the largest priority) and stochastic proportional prioritization (linear, Fig. 2 right:
/// P(i) ∝ (|δᵢ| + ε)^α). Every combination can be run. No importance-sampling correction is applied: the
/// paper introduces it only for the Atari agent, and here Q* is representable and every memory transition
/// is consistent with it, so the sampling distribution changes the speed, not the fixed point.
public enum BlindCliffwalkExperiment {
    /// How the next transition to replay is chosen.
    public enum Replay: String, Sendable, CaseIterable {
        /// Uniformly at random from the memory.
        case uniform
        /// The transition with the largest last-seen |δ| (ties: the one met first in the shuffled memory).
        case greedy
        /// At random with probability (|δ| + ε)^α / Σ (|δ| + ε)^α over memory slots, via a sum tree (with
        /// shared priorities a distinct transition carries the mass of all its copies).
        case proportional
    }

    /// How Q is represented (see `CliffwalkQFunction`).
    public enum Representation: String, Sendable, CaseIterable {
        case tabular
        case linear
    }

    /// The knobs of one run; the defaults are the paper's where it states them.
    public struct Settings: Sendable, Hashable {
        /// The mean squared error to Q* at which a run has learned the value function.
        public var threshold = 1e-3
        /// η, the Q-learning step size.
        public var stepSize = 0.25
        /// The standard deviation of the initial weights.
        public var initialDeviation = 0.1
        /// α of proportional prioritization (the paper's Atari value; it gives none for this experiment).
        public var alpha = 0.6
        /// ε of proportional prioritization.
        public var epsilon = 1e-6
        /// A run that has not learned after this many updates gives up.
        public var maxUpdates = 100_000_000
        /// Whether the copies of one transition in the memory share one priority, refreshed whenever any
        /// copy is replayed (the default), or each memory slot keeps the |δ| last seen in it. With shared
        /// priorities "the last |δ| seen for each transition" is one number per distinct transition (2n of
        /// them) and greedy replay never returns to a copy of a transition it has just learned; per slot,
        /// every one of the 2ⁿ⁺¹ − 2 slots must be replayed once before its priority is known, which costs
        /// prioritized replay about as many updates as there are slots.
        public var sharedPriorities = true

        public init() {}
    }

    /// The number of updates until the mean squared error to Q* falls below `settings.threshold`, or nil
    /// if `settings.maxUpdates` were not enough. Everything random (the environment's 'right' actions, the
    /// memory's order, θ's initial values, replay draws) comes from `seed`. The update loop allocates nothing.
    /// It is the experiment's own, not the engine's: PER's protocol replays a fixed memory holding every
    /// transition and never steps the environment.
    public static func updatesToLearn(states: Int, replay: Replay, representation: Representation, seed: UInt64,
                                      settings: Settings = Settings()) -> Int? {
        let runSeed = RunSeed(seed)
        let env = BlindCliffwalk(states: states, generator: runSeed.generator(for: "env"))
        var shuffler = runSeed.generator(for: "memory")
        let (transitions, slots) = shuffledMemory(of: env, using: &shuffler)
        let trueQ = (0..<2 * states).map { env.trueQ(state: $0 / 2, action: $0 % 2) }
        var initialiser = runSeed.generator(for: "theta")
        var q = CliffwalkQFunction(states: states, linear: representation == .linear,
                                   initialDeviation: settings.initialDeviation, generator: &initialiser)
        var draws = runSeed.generator(for: "replay")

        // Prioritized replay keys its priorities by memory slot, or by distinct transition when copies share
        // one; a shared key stands for all its copies, so proportional replay weighs it by their number.
        let shared = settings.sharedPriorities
        var copies = [Double](repeating: 0, count: transitions.count)
        for id in slots { copies[Int(id)] += 1 }
        var priorities = SumTree(capacity: shared ? transitions.count : slots.count)
        if replay != .uniform {
            // Every transition enters at the largest priority so far, 1 at the start (Alg. 1).
            for key in 0..<priorities.capacity {
                priorities.update(key, priority: replay == .proportional && shared ? copies[key] : 1)
            }
        }

        let gamma = env.discount
        var updates = 0
        while q.meanSquaredError(to: trueQ) >= settings.threshold {
            guard updates < settings.maxUpdates else { return nil }
            let key: Int = switch replay {
            case .uniform: draws.uniformInt(below: slots.count)
            case .greedy: priorities.indexOfMaximum!
            case .proportional: priorities.index(forPrefixSum: draws.uniform() * priorities.total)
            }
            let id = replay != .uniform && shared ? key : Int(slots[key])
            let transition = transitions[id]
            let next = transition.terminated ? 0 : max(q.value(transition.nextState, 0), q.value(transition.nextState, 1))
            let delta = transition.reward + gamma * next - q.value(transition.state, transition.action)
            q.add(settings.stepSize * delta, at: transition.state, transition.action)
            switch replay {
            case .uniform:
                break
            case .greedy:
                priorities.update(key, priority: abs(delta))
            case .proportional:
                priorities.update(key, priority: (shared ? copies[id] : 1) * pow(abs(delta) + settings.epsilon, settings.alpha))
            }
            updates += 1
        }
        return updates
    }

    /// The paper's memory in random order, stored compactly: the distinct transitions (2n of them, in order
    /// of first appearance) and, for each of the 2ⁿ⁺¹ − 2 slots, which distinct transition it holds. Small
    /// slots keep the memory of n = 16 (131,070 slots) in cache.
    private static func shuffledMemory(of env: BlindCliffwalk, using generator: inout Xoshiro256StarStar)
        -> (transitions: [BlindCliffwalk.Transition], slots: [UInt16]) {
        var memory = env.replayMemory()
        for i in stride(from: memory.count - 1, to: 0, by: -1) {
            memory.swapAt(i, generator.uniformInt(below: i + 1))
        }
        var transitions: [BlindCliffwalk.Transition] = []
        var ids: [BlindCliffwalk.Transition: UInt16] = [:]
        let slots = memory.map { transition in
            if let id = ids[transition] { return id }
            let id = UInt16(transitions.count)
            ids[transition] = id
            transitions.append(transition)
            return id
        }
        return (transitions, slots)
    }

    /// The median of some runs' update counts, nil standing for a run that gave up and counting as more
    /// than any finished run; nil if the median itself is such a run. An even number of runs gives the mean
    /// of the middle two.
    public static func median(of counts: [Int?]) -> Double? {
        precondition(!counts.isEmpty, "the median needs at least one run")
        let sorted = counts.map { $0.map(Double.init) ?? .infinity }.sorted()
        let middle = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        return median.isFinite ? median : nil
    }
}
