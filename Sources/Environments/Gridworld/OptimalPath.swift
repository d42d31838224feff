/// The path value iteration's greedy policy walks from the start of a deterministic gridworld, and the
/// optimal action set of every state it visits. Learning tests compare a learned greedy path with it, and a
/// deterministic `Gridworld` uses its return as its solved threshold.
public struct OptimalPath: Sendable {
    /// The states visited, start first, ending in a terminal state (or at the time limit).
    public let states: [Int]
    /// The actions taken, one per step.
    public let actions: [Int]
    /// The undiscounted sum of rewards along the path.
    public let `return`: Double
    /// The solution it was read from.
    public let solution: ValueIteration

    /// Follows value iteration's greedy policy (ties to the lowest action) from the start of `grid`, whose
    /// map must not be slippery.
    public init(grid: Gridworld, gamma: Double) {
        precondition(!grid.map.settings.slippery, "an optimal path is defined for deterministic maps")
        let solution = ValueIteration(model: grid.model, gamma: gamma)
        var states = [grid.model.start], actions: [Int] = [], total = 0.0
        let limit = grid.map.settings.maxSteps ?? grid.model.stateCount
        while actions.count < limit, let action = solution.policy[states.last!] {
            let outcome = grid.model.outcomes(state: states.last!, action: action).first!
            actions.append(action)
            states.append(outcome.next)
            total += outcome.reward
            if outcome.terminated { break }
        }
        self.states = states
        self.actions = actions
        self.return = total
        self.solution = solution
    }
}
