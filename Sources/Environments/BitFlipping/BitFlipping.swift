import RLCore

/// The bit-flipping task of Hindsight Experience Replay (Andrychowicz et al. 2017, Sec. 3.1).
///
/// The state is n bits; action i flips bit i. Each episode draws a start state and a goal uniformly and
/// independently. The reward is −1 while the state after the flip differs from the goal and 0 once it
/// equals it (the reading of r(s,a,g) on the next state, as the paper does for its robot tasks). An episode
/// ends (terminated) when the goal is reached and is cut (truncated) after n steps, the paper's length.
/// The observation is the state followed by the goal, 2n floats in {0, 1}.
public struct BitFlipping: GoalEnvironment, Sendable {
    public let bitCount: Int
    var generator: Xoshiro256StarStar
    internal(set) public var state: [Float]
    internal(set) public var goal: [Float]
    internal(set) public var elapsedSteps = 0

    public init(bits: Int, generator: Xoshiro256StarStar) {
        precondition(bits >= 1, "bit-flipping needs at least one bit")
        bitCount = bits
        self.generator = generator
        state = [Float](repeating: 0, count: bits)
        goal = [Float](repeating: 0, count: bits)
        reset()
    }

    public var observationCount: Int { 2 * bitCount }
    public var actionCount: Int { bitCount }
    public var goalCount: Int { bitCount }

    public mutating func reset() {
        for i in 0..<bitCount { state[i] = Float(generator.next() & 1) }
        for i in 0..<bitCount { goal[i] = Float(generator.next() & 1) }
        elapsedSteps = 0
    }

    public mutating func step(_ action: Int) -> StepOutcome {
        precondition(action >= 0 && action < bitCount, "action \(action) outside 0..<\(bitCount)")
        state[action] = 1 - state[action]
        elapsedSteps += 1
        let reached = state == goal
        return StepOutcome(reward: reached ? 0 : -1, terminated: reached, truncated: !reached && elapsedSteps >= bitCount)
    }

    public func writeObservation(into buffer: UnsafeMutableBufferPointer<Float>) {
        for i in 0..<bitCount {
            buffer[i] = state[i]
            buffer[bitCount + i] = goal[i]
        }
    }

    public var achievedGoal: [Float] { state }
    public var desiredGoal: [Float] { goal }

    public func reward(achieved: [Float], desired: [Float]) -> Double {
        isSuccess(achieved: achieved, desired: desired) ? 0 : -1
    }

    public func isSuccess(achieved: [Float], desired: [Float]) -> Bool {
        achieved == desired
    }
}
