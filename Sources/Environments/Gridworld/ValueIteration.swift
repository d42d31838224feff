/// The optimal values and a greedy policy of a gridworld, by value iteration over its `TransitionModel`.
///
/// Synchronous sweeps from V = 0 of the Bellman optimality backup
///
///     Q(s,a) = Σ p · (r + (terminated ? 0 : γ·V(s′))),    V(s) = max_a Q(s,a)
///
/// (no bootstrapping through a terminating transition), until the largest change in a sweep is below
/// tolerance·(1 − γ)/γ, which bounds every value's error by `tolerance`; or below a few units in the last
/// place of the largest value, when doubles cannot resolve the first; or after `maxSweeps` sweeps (then
/// `converged` is false). Q is recomputed once from the final V. Terminal cells have V = 0 and Q = 0;
/// walls have no values (nil).
public struct ValueIteration: Sendable {
    public let gamma: Double
    /// V*(s) for each state, nil for walls.
    public let values: [Double?]
    /// Q*(s, ·) for each state in action order (up, right, down, left), nil for walls.
    public let actionValues: [[Double]?]
    /// The greedy action for each state: the lowest-numbered action whose Q is within `tieTolerance` of the
    /// best. nil for walls and terminal cells, where no action is taken.
    public let policy: [Int?]
    /// The number of sweeps performed.
    public let sweeps: Int
    /// The largest change of V in the last sweep; every value is within finalChange·γ/(1 − γ) of V*.
    public let finalChange: Double
    /// Whether the stopping rule was met before `maxSweeps`.
    public let converged: Bool

    /// Q values this close to the maximum count as ties (the reference data's convention).
    public static let tieTolerance = 1e-9

    /// Solves `model` for the discount γ ∈ [0, 1).
    public init(model: TransitionModel, gamma: Double, tolerance: Double = 1e-12, maxSweeps: Int = 100_000) {
        precondition(gamma >= 0 && gamma < 1, "γ must be in [0, 1)")
        self.gamma = gamma
        let states = 0..<model.stateCount
        let actions = 0..<model.actionCount
        let acting = states.filter { !model.isWall[$0] && !model.isTerminal[$0] }
        func q(_ state: Int, _ action: Int, _ v: [Double]) -> Double {
            model.outcomes(state: state, action: action).reduce(0) { sum, o in
                sum + o.probability * (o.reward + (o.terminated ? 0 : gamma * v[o.next]))
            }
        }
        let threshold = gamma > 0 ? tolerance * (1 - gamma) / gamma : .infinity
        var v = [Double](repeating: 0, count: model.stateCount)
        var next = v
        var sweeps = 0
        var change = Double.infinity
        var converged = false
        while sweeps < maxSweeps {
            change = 0
            var largest = 0.0
            for state in acting {
                var best = -Double.infinity
                for action in actions { best = max(best, q(state, action, v)) }
                next[state] = best
                change = max(change, abs(next[state] - v[state]))
                largest = max(largest, abs(next[state]))
            }
            swap(&v, &next)
            sweeps += 1
            if change < threshold || change <= 4 * largest.ulp {
                converged = true
                break
            }
        }
        self.sweeps = sweeps
        finalChange = change
        self.converged = converged
        values = states.map { model.isWall[$0] ? nil : v[$0] }
        let finalV = v
        let qValues: [[Double]?] = states.map { state in
            if model.isWall[state] { return nil }
            if model.isTerminal[state] { return actions.map { _ in 0 } }
            return actions.map { q(state, $0, finalV) }
        }
        actionValues = qValues
        policy = states.map { state in
            guard !model.isTerminal[state], let qs = qValues[state], let best = qs.max() else { return nil }
            return qs.firstIndex { $0 >= best - Self.tieTolerance }
        }
    }
}
