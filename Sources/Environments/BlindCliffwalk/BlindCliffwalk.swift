import Foundation
import RLCore

/// The Blind Cliffwalk of Prioritized Experience Replay (Schaul et al. 2016, Sec. 3.1 and Appendix B.1).
///
/// A chain of n states with two actions each. One action is 'right' and moves on to the next state; the
/// other is 'wrong' and ends the episode (terminated) with reward 0. The n-th 'right' in a row gives
/// reward 1 and terminates. Which action is 'right' alternates from state to state, so knowing it in one
/// state says nothing about the next; which one it is in state 0 is drawn once from the generator. A random
/// action sequence reaches the reward with probability 2⁻ⁿ, which is what makes replay order matter.
///
/// The observation is the one-hot code of the current state (n floats); after the final 'right' the agent
/// stands beyond the chain and the observation is all zeros. The paper's discount is γ = 1 − 1/n, which
/// keeps the values on about the same scale for every n.
public struct BlindCliffwalk: Environment, Sendable {
    /// One step of the chain with states as integers (the form the replay experiment needs).
    public struct Transition: Sendable, Hashable {
        public var state: Int
        public var action: Int
        public var reward: Double
        /// The state reached: `state + 1` after 'right' (n after the last one), `state` after 'wrong'.
        public var nextState: Int
        public var terminated: Bool

        public init(state: Int, action: Int, reward: Double, nextState: Int, terminated: Bool) {
            self.state = state
            self.action = action
            self.reward = reward
            self.nextState = nextState
            self.terminated = terminated
        }
    }

    public let stateCount: Int
    /// The 'right' action in state 0 (0 or 1); it alternates along the chain.
    public let firstRightAction: Int
    /// The current state: `0..<stateCount` on the chain, `stateCount` after the rewarded final step.
    internal(set) public var position = 0
    /// Whether the episode has ended (a 'wrong' action or the final 'right').
    internal(set) public var isOver = false

    public init(states: Int, generator: Xoshiro256StarStar) {
        precondition(states >= 1, "the Blind Cliffwalk needs at least one state")
        stateCount = states
        var generator = generator
        firstRightAction = Int(generator.next() >> 63)
    }

    public var observationCount: Int { stateCount }
    public var actionCount: Int { 2 }

    /// The paper's discount for this chain, γ = 1 − 1/n.
    public var discount: Double { 1 - 1 / Double(stateCount) }

    /// The action that moves on from `state`.
    public func rightAction(in state: Int) -> Int {
        precondition(state >= 0 && state < stateCount, "state \(state) outside 0..<\(stateCount)")
        return (firstRightAction + state) % 2
    }

    public mutating func reset() {
        position = 0
        isOver = false
    }

    public mutating func step(_ action: Int) -> StepOutcome {
        precondition(action == 0 || action == 1, "action \(action) outside 0..<2")
        precondition(!isOver, "step(_:) after the episode ended; call reset() first")
        let transition = Self.transition(from: position, action: action, stateCount: stateCount, right: rightAction(in: position))
        position = transition.nextState
        isOver = transition.terminated
        return StepOutcome(reward: transition.reward, terminated: transition.terminated, truncated: false)
    }

    public func writeObservation(into buffer: UnsafeMutableBufferPointer<Float>) {
        for i in 0..<stateCount { buffer[i] = i == position ? 1 : 0 }
    }

    /// The true action value with γ = 1 − 1/n: Q*(s, right) = γ^(n−1−s), since the reward 1 arrives after
    /// n − s more 'right' steps and is discounted n − 1 − s times; Q*(s, wrong) = 0.
    public func trueQ(state: Int, action: Int) -> Double {
        action == rightAction(in: state) ? pow(discount, Double(stateCount - 1 - state)) : 0
    }

    /// The paper's replay memory: every one of the 2ⁿ action sequences of length n, executed from state 0
    /// until it terminates, in the order of the sequences read as binary numbers (the first action is the
    /// most significant bit). A sequence whose first 'wrong' is at position k contributes k transitions and
    /// there are 2ⁿ⁻ᵏ of them; the all-'right' sequence contributes n, so the memory holds
    /// Σₖ k·2ⁿ⁻ᵏ + n = 2ⁿ⁺¹ − 2 transitions, exactly one of them rewarded. Each transition appears as often
    /// as a uniformly random behaviour policy would produce it. Shuffle it for the paper's random order.
    public func replayMemory() -> [Transition] {
        precondition(stateCount <= 24, "the full replay memory of \(stateCount) states would hold 2^\(stateCount + 1) − 2 transitions")
        var memory: [Transition] = []
        memory.reserveCapacity((1 << (stateCount + 1)) - 2)
        for sequence in 0..<(1 << stateCount) {
            var state = 0
            for position in 0..<stateCount {
                let bit = (sequence >> (stateCount - 1 - position)) & 1
                let transition = Self.transition(from: state, action: bit, stateCount: stateCount, right: rightAction(in: state))
                memory.append(transition)
                if transition.terminated { break }
                state = transition.nextState
            }
        }
        return memory
    }

    private static func transition(from state: Int, action: Int, stateCount: Int, right: Int) -> Transition {
        guard action == right else {
            return Transition(state: state, action: action, reward: 0, nextState: state, terminated: true)
        }
        let last = state == stateCount - 1
        return Transition(state: state, action: action, reward: last ? 1 : 0, nextState: state + 1, terminated: last)
    }
}
