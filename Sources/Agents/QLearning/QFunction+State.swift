import NeuralNet
import RLCore

extension QFunction: StateSaving {
    /// θ, θ⁻ when there is one, Adam's moments when it learns with Adam, the gradient steps and the last loss
    /// (what `progress.csv` shows until the next update).
    public func saveState(into part: inout StatePart) {
        network.save(into: &part, as: "network")
        target?.save(into: &part, as: "target")
        adam?.save(into: &part, as: "adam")
        part.set("gradient_steps", integer: gradientSteps)
        part.set("last_loss", optional: lastLoss.map(Double.init))
    }

    public func restoreState(from part: StatePart) throws(StatePartError) {
        try network.restore(from: part, key: "network")
        try target?.restore(from: part, key: "target")
        try adam?.restore(from: part, prefix: "adam")
        gradientSteps = try part.integer("gradient_steps")
        lastLoss = try part.optionalDouble("last_loss").map(Float.init)
    }
}
