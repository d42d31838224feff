import NeuralNet
import RLCore

extension CategoricalPolicy: StateSaving {
    /// θ, Adam's moments, the "policy" sampling stream, the gradient steps and the last loss and entropy.
    public func saveState(into part: inout StatePart) {
        network.save(into: &part, as: "network")
        optimizer.save(into: &part, as: "adam")
        part.set("generator", generator: generator)
        part.set("gradient_steps", integer: gradientSteps)
        part.set("last_result", floats: lastResult.map { [$0.loss, $0.meanEntropy] } ?? [])
    }

    public func restoreState(from part: StatePart) throws(StatePartError) {
        try network.restore(from: part, key: "network")
        try optimizer.restore(from: part, prefix: "adam")
        generator = try part.generator("generator")
        gradientSteps = try part.integer("gradient_steps")
        let result = try part.floats("last_result")
        guard result.isEmpty || result.count == 2 else { throw .wrongCount(key: "last_result", expected: 2, found: result.count) }
        lastResult = result.isEmpty ? nil : PolicyGradientLoss.Result(loss: result[0], meanEntropy: result[1])
    }
}
