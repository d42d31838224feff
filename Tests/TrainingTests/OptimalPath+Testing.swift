import Environments

extension OptimalPath {
    /// Whether `action` is optimal in `state`: its Q* is within `ValueIteration.tieTolerance` of the best.
    func isOptimal(_ action: Int, in state: Int) -> Bool {
        guard let values = solution.actionValues[state], let best = values.max() else { return false }
        return values[action] >= best - ValueIteration.tieTolerance
    }
}
