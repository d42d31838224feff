import NeuralNet
import RLCore

extension StateValueFunction: StateSaving {
    /// The network, Adam's moments, the gradient steps and the last loss.
    public func saveState(into part: inout StatePart) {
        network.save(into: &part, as: "network")
        optimizer.save(into: &part, as: "adam")
        part.set("gradient_steps", integer: gradientSteps)
        part.set("last_loss", optional: lastLoss.map(Double.init))
    }

    public func restoreState(from part: StatePart) throws(StatePartError) {
        try network.restore(from: part, key: "network")
        try optimizer.restore(from: part, prefix: "adam")
        gradientSteps = try part.integer("gradient_steps")
        lastLoss = try part.optionalDouble("last_loss").map(Float.init)
    }
}
