/// What the agent computes over the states a value heatmap shows, taken on the training thread when a
/// snapshot is published: Q(s,·), π(·|s) and V(s) at every point of `domain`, and the exact Q* where it is
/// known. Arrays are indexed by point; a point without a state (a wall) has empty arrays and nil values.
public struct ValueInspection: Sendable, Equatable {
    /// Which states the points are.
    public enum Domain: Sendable, Equatable {
        /// Every cell of a gridworld map, row-major.
        case gridCells(rows: Int, columns: Int)
        /// CartPole states with x = ẋ = 0 on a `rows` × `columns` grid: θ across `angles` (left to right),
        /// θ̇ down `angularVelocities` (the top row at the highest θ̇).
        case cartPoleSlice(angles: ClosedRange<Double>, angularVelocities: ClosedRange<Double>, rows: Int, columns: Int)
        /// The states of the Blind Cliffwalk's chain, in order.
        case chainStates(Int)
        /// The environment's current state alone (too many states to sweep, as in bit flipping).
        case currentState
    }

    public var domain: Domain
    /// Q(s,·) per point; empty for agents without Q-values.
    public var qValues: [[Float]]
    /// π(·|s) per point; empty for agents without an explicit policy.
    public var probabilities: [[Float]]
    /// V(s) per point; nil for agents without a state-value function.
    public var stateValues: [Float?]
    /// Q*(s,·) per point where it is known exactly: value iteration at the agent's γ on a gridworld, the
    /// closed form on the Blind Cliffwalk; nil elsewhere.
    public var optimalQ: [[Double]]?

    public init(domain: Domain, qValues: [[Float]] = [], probabilities: [[Float]] = [], stateValues: [Float?] = [],
                optimalQ: [[Double]]? = nil) {
        self.domain = domain
        self.qValues = qValues
        self.probabilities = probabilities
        self.stateValues = stateValues
        self.optimalQ = optimalQ
    }

    /// The number of points in `domain`.
    public var pointCount: Int {
        switch domain {
        case .gridCells(let rows, let columns): rows * columns
        case .cartPoleSlice(_, _, let rows, let columns): rows * columns
        case .chainStates(let count): count
        case .currentState: 1
        }
    }
}
