import NeuralNet
import RLCore

extension QFunction: StateSaving {
    /// θ, θ⁻ when there is one, the optimizer's state when it keeps one (Adam's moments under `adam.`, centered
    /// RMSProp's averages under `rmsprop.`), the gradient steps and the last loss (what `progress.csv` shows
    /// until the next update).
    public func saveState(into part: inout StatePart) {
        network.save(into: &part, as: "network")
        target?.save(into: &part, as: "target")
        if let statefulOptimizer { statefulOptimizer.save(into: &part, as: optimizerKey) }
        part.set("gradient_steps", integer: gradientSteps)
        part.set("last_loss", optional: lastLoss.map(Double.init))
    }

    public func restoreState(from part: StatePart) throws(StatePartError) {
        try network.restore(from: part, key: "network")
        try target?.restore(from: part, key: "target")
        try statefulOptimizer?.restore(from: part, prefix: optimizerKey)
        gradientSteps = try part.integer("gradient_steps")
        lastLoss = try part.optionalDouble("last_loss").map(Float.init)
    }

    /// Where the optimizer's state is kept, named for the optimizer so a checkpoint of one is not read as the other's.
    private var optimizerKey: String { step == .centeredRMSProp ? "rmsprop" : "adam" }
}
