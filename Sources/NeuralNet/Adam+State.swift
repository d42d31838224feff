import RLCore

/// Adam's state — m, v and t — as PyTorch's optimizer `state_dict` holds it (`exp_avg`, `exp_avg_sq` and
/// `step` per parameter), so a checkpoint can carry it (`StatefulOptimizer`).
extension Adam: StatefulOptimizer {
    public var displayName: String { "Adam" }
    public var trainedNetwork: any FeedForwardNetwork { network }

    public var stateBuffers: [OptimizerStateBuffer] {
        [
            OptimizerStateBuffer(name: "exp_avg", blocks: [firstMoment], nonNegative: false),
            OptimizerStateBuffer(name: "exp_avg_sq", blocks: [secondMoment], nonNegative: true),
        ]
    }

    public func restoreStepCount(_ count: Int) { stepCount = count }

    /// m and v as networks shaped like `network`, each moment in the place of its parameter.
    public func momentNetworks() -> (first: MLP, second: MLP) {
        let states = stateNetworks()
        return (states["exp_avg"] as! MLP, states["exp_avg_sq"] as! MLP)
    }

    /// Takes m, v (as `momentNetworks()` gives them) and t from a checkpoint.
    public func restore(first: MLP, second: MLP, stepCount: Int) {
        precondition(first.hasSameArchitecture(as: network) && second.hasSameArchitecture(as: network),
                     "moments of \(first.sizes) cannot restore an optimizer of \(network.sizes)")
        restore(stateNetworks: ["exp_avg": first, "exp_avg_sq": second], stepCount: stepCount)
    }
}
