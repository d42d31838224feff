import Environments
import Foundation
import NeuralNet
import RLCore
import Testing
@testable import Agents
@testable import Training

/// Every algorithm's learning state goes through the `Agent` protocol alone (its networks, optimizers and
/// target networks): saved after some updates and restored into a fresh agent built from another seed, it
/// gives the same parameters, Adam moments and step counts, and the same next update, bit for bit.
@Suite("Save and resume: every algorithm's learning state round-trips")
struct TrainingStateRoundTripTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let algorithm: Algorithm
        var options = AgentOptions()
        let settings: [HyperparameterKey: Double]

        var testDescription: String { ([algorithm.name] + options.chosen.map(\.flag)).joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(algorithm: .fqi, settings: [.hiddenSize: 8, .collectSteps: 40, .batchSize: 8, .gradientSteps: 3,
                                         .fittingIterations: 2]),
        Case(algorithm: .onlineQ, settings: [.hiddenSize: 8]),
        Case(algorithm: .onlineQ, options: AgentOptions(adam: true), settings: [.hiddenSize: 8]),
        Case(algorithm: .dqn, settings: [.hiddenSize: 8, .learningStarts: 20, .batchSize: 8, .targetPeriod: 7]),
        Case(algorithm: .dqn, options: AgentOptions(replay: .prioritized, double: true),
             settings: [.hiddenSize: 8, .learningStarts: 20, .batchSize: 8, .targetPeriod: 7, .tau: 0.5]),
        Case(algorithm: .reinforce, settings: [.hiddenSize: 8, .stepsPerEpoch: 60]),
        Case(algorithm: .reinforce, options: AgentOptions(psi: .baseline), settings: [.hiddenSize: 8, .stepsPerEpoch: 60]),
        Case(algorithm: .vpg, settings: [.hiddenSize: 8, .stepsPerEpoch: 40]),
        Case(algorithm: .ac, settings: [.stepsPerEpoch: 8]),
        Case(algorithm: .ac, options: AgentOptions(bootstrapCritic: true), settings: [.stepsPerEpoch: 8]),
        Case(algorithm: .onlineAC, settings: [.environments: 2]),
    ]

    /// A stream of CartPole transitions under uniformly random actions, the same for every agent it feeds.
    struct Transitions {
        private var environment: any Environment = CartPole(generator: RunSeed(7).generator(for: "env"))
        private var actions = RunSeed(7).generator(for: "actions")
        private var observation: [Float]

        init() {
            environment.reset()
            observation = environment.observation()
        }

        mutating func next() -> (observation: [Float], action: Int, outcome: StepOutcome, next: [Float]) {
            let action = Int(actions.next() % 2)
            let outcome = environment.step(action)
            let next = environment.observation()
            defer {
                if outcome.isDone { environment.reset() }
                observation = outcome.isDone ? environment.observation() : next
            }
            return (observation, action, outcome, next)
        }
    }

    static func agent(_ testCase: Case, seed: UInt64) throws -> any Agent {
        try AlgorithmRegistry.make(AgentConfiguration(
            observationCount: 4, actionCount: 2, totalSteps: 10_000, seed: RunSeed(seed),
            hyperparameters: try Hyperparameters(testCase.algorithm, testCase.settings), options: testCase.options))
    }

    /// Feeds `agents` the next transitions of `stream` until the first of them has taken `updates` more
    /// gradient steps; returns the transitions fed.
    static func feed(_ agents: [any Agent], from stream: inout Transitions, updates: Int = 1) -> Int {
        let environment = CartPole(generator: RunSeed(0).generator(for: "env"))
        let start = agents[0].gradientSteps
        var count = 0
        while agents[0].gradientSteps < start + updates {
            let transition = stream.next()
            for agent in agents {
                transition.observation.withUnsafeBufferPointer { observation in
                    transition.next.withUnsafeBufferPointer { next in
                        agent.observe(observation: observation, action: transition.action, outcome: transition.outcome,
                                      nextObservation: next, environment: environment)
                    }
                }
            }
            count += 1
        }
        return count
    }

    static func parameters(_ network: any FeedForwardNetwork) -> [UInt32] {
        parameters(network as! MLP)
    }

    static func parameters(_ network: MLP) -> [UInt32] {
        var values: [UInt32] = []
        for layer in 0..<network.layerCount {
            for output in 0..<network.sizes[layer + 1] {
                for input in 0..<network.sizes[layer] { values.append(network.weight(layer: layer, output: output, input: input).bitPattern) }
                values.append(network.bias(layer: layer, output: output).bitPattern)
            }
        }
        return values
    }

    /// Every learned number of `agent`, by name: networks, Adam's moments and step counts, target networks.
    static func state(_ agent: any Agent) -> [String: [UInt32]] {
        var state: [String: [UInt32]] = [:]
        for (prefix, network) in agent.networks { state[prefix] = parameters(network) }
        for (prefix, optimizer) in agent.optimizers {
            for (name, moment) in optimizer.stateNetworks() { state["\(prefix)_\(name)"] = parameters(moment) }
            state["\(prefix)_step"] = [UInt32(optimizer.stepCount)]
        }
        for (prefix, target) in agent.targetNetworks { state["\(prefix)_target"] = parameters(target) }
        return state
    }

    @Test("saved after some updates and restored into an agent of another seed, the state and the next update are the same",
          arguments: cases)
    func roundTrip(_ testCase: Case) throws {
        let directory = RunLogTests.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let original = try Self.agent(testCase, seed: 1)
        var stream = Transitions()
        let steps = Self.feed([original], from: &stream, updates: 3)
        // Every agent keeps Adam state but online Q's plain step, which has none.
        #expect(original.optimizers.isEmpty == (testCase.algorithm == .onlineQ && !testCase.options.adam))
        let configuration = TrainingConfiguration(environment: EnvironmentSpec(name: "cartpole"),
                                                  hyperparameters: original.hyperparameters, options: testCase.options,
                                                  steps: 10_000, seed: 1)
        try AgentCheckpoint.save(original, configuration: configuration, timesteps: steps, to: directory + "/model.safetensors")
        try TrainingState.save(original, timesteps: steps, to: directory + "/training-state.safetensors")

        let restored = try Self.agent(testCase, seed: 2)
        #expect(Self.state(restored) != Self.state(original))
        try Checkpoint.load(from: directory + "/model.safetensors", into: restored.networks)
        try TrainingState.restore(into: restored, timesteps: steps, from: directory + "/training-state.safetensors")
        #expect(Self.state(restored) == Self.state(original))

        if let original = original as? any QFunctionAgent, let restored = restored as? any QFunctionAgent {
            // A replay memory is not part of the saved state (it refills on resume), so both take their next
            // update from the same batch.
            let rows = original.qFunction.batchSize
            var batch = TransitionColumns(rows: rows, observationCount: 4)
            for row in 0..<rows {
                let transition = stream.next()
                transition.observation.withUnsafeBufferPointer { observation in
                    transition.next.withUnsafeBufferPointer { next in
                        batch.write(row: row, observation: observation, action: transition.action,
                                    reward: Float(transition.outcome.reward), nextObservation: next,
                                    terminated: transition.outcome.terminated, truncated: transition.outcome.truncated)
                    }
                }
            }
            for agent in [original, restored] {
                agent.qFunction.computeTargets(batch, gamma: 0.99, double: testCase.options.double)
                agent.qFunction.fit(batch, weights: [Float](repeating: 1, count: rows), maxGradientNorm: 10)
                agent.qFunction.updateTarget(tau: 0.5)
            }
        } else {
            _ = Self.feed([original, restored], from: &stream)
        }
        #expect(Self.state(restored) == Self.state(original))
    }
}
