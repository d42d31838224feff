import Environments
import NeuralNet
import RLCore
@testable import Agents

/// Shared helpers for agent tests: building agents and driving them through an environment.
enum AgentTestSupport {
    /// An agent of `algorithm` for `environment`, with `settings` applied over the defaults.
    static func agent(_ algorithm: Algorithm, for environment: any Environment, steps: Int = 10_000,
                      options: AgentOptions = AgentOptions(), seed: UInt64 = 1,
                      _ settings: [HyperparameterKey: Double] = [:]) throws -> any Agent {
        var hyperparameters = Hyperparameters(defaultsFor: algorithm)
        for (key, value) in settings { try hyperparameters.set(key, to: value) }
        return try AlgorithmRegistry.make(AgentConfiguration(
            observationCount: environment.observationCount, actionCount: environment.actionCount, totalSteps: steps,
            seed: RunSeed(seed), hyperparameters: hyperparameters, options: options,
            isGoalEnvironment: environment is any GoalEnvironment))
    }

    /// Runs `agent` for `steps` environment steps on `environment`, resetting at episode ends; `afterStep`
    /// sees the agent after each `observe`. Observations live in buffers allocated before the first step,
    /// so the loop itself allocates nothing. Returns the lengths of the episodes that finished.
    @discardableResult
    static func drive(_ agent: any Agent, on environment: inout any Environment, steps: Int,
                      afterStep: (Int) -> Void = { _ in }) -> [Int] {
        var observation = [Float](repeating: 0, count: environment.observationCount)
        var next = observation
        var lengths: [Int] = [], length = 0
        lengths.reserveCapacity(steps)
        environment.reset()
        observation.withUnsafeMutableBufferPointer { environment.writeObservation(into: $0) }
        agent.startEpisode(in: environment)
        for step in 1...steps {
            let outcome = agent.step(&environment, from: observation, into: &next)
            length += 1
            if outcome.isDone {
                lengths.append(length)
                length = 0
                environment.reset()
                observation.withUnsafeMutableBufferPointer { environment.writeObservation(into: $0) }
                agent.startEpisode(in: environment)
            } else {
                swap(&observation, &next)
            }
            afterStep(step)
        }
        return lengths
    }

    /// Every weight and bias of a Q-function's `network`, an MLP in these tests, layer by layer.
    static func parameters(of network: any FeedForwardNetwork) -> [Float] {
        parameters(of: network as! MLP)
    }

    /// Every weight and bias of `network`, layer by layer.
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

    static func cartPole(seed: UInt64 = 1) -> any Environment {
        CartPole(generator: RunSeed(seed).generator(for: "env"))
    }
}
