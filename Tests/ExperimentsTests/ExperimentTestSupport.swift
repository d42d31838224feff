import Agents
import NeuralNet
import RLCore

/// Shared helpers for the experiment tests.
enum ExperimentTestSupport {
    /// Every weight and bias of `network`, layer by layer, so two networks can be compared exactly.
    static func parameters(of network: MLP) -> [Float] {
        var values: [Float] = []
        for layer in 0..<network.layerCount {
            let fanIn = network.sizes[layer], fanOut = network.sizes[layer + 1]
            for output in 0..<fanOut {
                for input in 0..<fanIn { values.append(network.weight(layer: layer, output: output, input: input)) }
                values.append(network.bias(layer: layer, output: output))
            }
        }
        return values
    }

    /// A VPG agent with its defaults, shaped for CartPole-v1 (4 observations, 2 actions).
    static func cartPoleVPG(seed: UInt64 = 1) throws -> VPGAgent {
        try VPGAgent(AgentConfiguration(observationCount: 4, actionCount: 2, totalSteps: 10_000, seed: RunSeed(seed),
                                        hyperparameters: Hyperparameters(defaultsFor: "vpg")))
    }
}
