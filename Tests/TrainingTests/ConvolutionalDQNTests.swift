import Environments
import Foundation
import NeuralNet
import RLCore
import Testing
@testable import Agents
@testable import Training

/// DQN on an environment that describes its observation as an image (MinAtar): the paper's convolutional
/// network, centered RMSProp and packed replay, chosen from the environment's description; its forward pass on
/// MinAtar's [y][x][c] frames checked against a reference written from the formula; its networks, optimizer
/// state and target saved and restored.
@Suite("DQN through the convolutional network on image observations")
struct ConvolutionalDQNTests {
    static func environment(_ name: String = "minatar-breakout", seed: UInt64 = 3) throws -> any Environment {
        try EnvironmentSpec(name: name).make(generator: RunSeed(seed).generator(for: "env"))
    }

    static func agent(on environment: any Environment, seed: UInt64 = 1, options: AgentOptions = AgentOptions(),
                      _ settings: [HyperparameterKey: Double] = [:]) throws -> DQNAgent {
        var hyperparameters = Hyperparameters(defaultsFor: .dqn)
        let paper: [HyperparameterKey: Double] = [.hiddenSize: 128, .hiddenLayers: 1, .learningRate: 2.5e-4, .batchSize: 32]
        for (key, value) in paper.merging(settings, uniquingKeysWith: { $1 }) { try hyperparameters.set(key, to: value) }
        let configuration = AgentConfiguration(for: environment, totalSteps: 10_000, seed: RunSeed(seed),
                                               hyperparameters: hyperparameters, options: options)
        return try DQNAgent(configuration)
    }

    @Test("MinAtar's description gives the paper's network (conv 16 → 128 → 6), centered RMSProp and packed replay; CartPole keeps its MLP and Adam")
    func networkFollowsTheDescription() throws {
        let breakout = try Self.agent(on: try Self.environment())
        let network = try #require(breakout.qFunction.network as? ConvolutionalNetwork)
        #expect(network.inputLayout == .channelsLast)
        #expect(network.convolution.inputChannels == 4 && network.convolution.outputChannels == 16)
        #expect(network.dense.sizes == [1024, 128, 6])
        #expect(breakout.qFunction.target is ConvolutionalNetwork)
        let rmsProp = try #require(breakout.qFunction.optimizer as? RMSProp)
        #expect(rmsProp.centered && rmsProp.alpha == 0.95 && rmsProp.epsilon == 0.01 && rmsProp.momentum == 0)
        #expect(rmsProp.learningRate == 2.5e-4)
        #expect((breakout.memory as? ReplayBuffer)?.packed != nil)
        #expect(breakout.networkSummary == "Q = conv 16 3×3 → 128 → 6 on 10×10×4 (centered RMSProp)")
        #expect(breakout.updateStep.contains("centered RMSProp step"))

        let prioritized = try Self.agent(on: try Self.environment("minatar-asterix"), options: AgentOptions(replay: .prioritized))
        #expect((prioritized.memory as? PrioritizedReplayBuffer)?.storage.packed != nil)

        let cartPole = try Self.agent(on: CartPole(generator: RunSeed(1).generator(for: "env")))
        #expect(cartPole.qFunction.network is MLP)
        #expect(cartPole.qFunction.optimizer is Adam)
        #expect((cartPole.memory as? ReplayBuffer)?.packed == nil)
        #expect(cartPole.networkSummary == "Q = MLP 4 → 128 → 2 (Adam)")
    }

    /// Q(s,·) from the formula, in double, reading the frame as MinAtar lays it out, [y][x][c]: the convolution
    /// y[o, r, s] = max(0, b[o] + Σ_c Σ_i Σ_j W[o, c, i, j]·x[r + i][s + j][c]), flattened o, r, s as
    /// `torch.flatten` does, then each dense layer.
    static func reference(_ network: ConvolutionalNetwork, frame: [Float], side: Int, channels: Int) -> [Double] {
        let conv = network.convolution
        let out = side - 2
        var features = [Double](repeating: 0, count: conv.outputChannels * out * out)
        for o in 0..<conv.outputChannels {
            for r in 0..<out {
                for s in 0..<out {
                    var sum = Double(conv.bias(output: o))
                    for c in 0..<channels {
                        for i in 0..<3 {
                            for j in 0..<3 {
                                sum += Double(conv.weight(output: o, channel: c, row: i, column: j))
                                    * Double(frame[((r + i) * side + (s + j)) * channels + c])
                            }
                        }
                    }
                    features[(o * out + r) * out + s] = max(sum, 0)
                }
            }
        }
        var values = features
        let dense = network.dense
        for layer in 0..<dense.layerCount {
            values = (0..<dense.sizes[layer + 1]).map { output in
                let sum = (0..<dense.sizes[layer]).reduce(Double(dense.bias(layer: layer, output: output))) {
                    $0 + Double(dense.weight(layer: layer, output: output, input: $1)) * values[$1]
                }
                return layer < dense.layerCount - 1 ? max(sum, 0) : sum
            }
        }
        return values
    }

    @Test("Q(s,·) on MinAtar frames equals the formula computed from [y][x][c] directly, for every game's channel count")
    func forwardMatchesReference() throws {
        for game in ["minatar-breakout", "minatar-freeway", "minatar-space-invaders"] {
            var environment = try Self.environment(game)
            let agent = try Self.agent(on: environment, seed: 4)
            let network = try #require(agent.qFunction.network as? ConvolutionalNetwork)
            let channels = network.convolution.inputChannels
            var frame = [Float](repeating: 0, count: environment.observationCount)
            var chooser = Xoshiro256StarStar(seed: 8)
            for _ in 0..<12 {
                if environment.step(chooser.uniformInt(below: 6)).isDone { environment.reset() }
                frame.withUnsafeMutableBufferPointer { environment.writeObservation(into: $0) }
                let expected = Self.reference(network, frame: frame, side: 10, channels: channels)
                let got = agent.qValues(for: frame)
                for (value, reference) in zip(got, expected) {
                    #expect(abs(Double(value) - reference) <= 1e-5 * max(1, abs(reference)), "\(game)")
                }
                // The channel-major input the convolution itself takes gives the same values only after the
                // transpose, so a layout mix-up shows here.
                #expect(frame.contains(1))
            }
            // A frame and its transpose are not interchangeable: the network must read [y][x][c].
            var transposed = frame
            for y in 0..<10 { for x in 0..<10 { for c in 0..<channels {
                transposed[(c * 10 + y) * 10 + x] = frame[(y * 10 + x) * channels + c]
            } } }
            #expect(agent.qValues(for: transposed) != agent.qValues(for: frame))
        }
    }

    @Test("the network checkpoint is in PyTorch's layouts (OIHW, NHWC input noted) and the training state holds RMSProp's averages and θ⁻; both restore exactly")
    func checkpointsRoundTrip() throws {
        var environment = try Self.environment()
        let original = try Self.agent(on: environment, [.learningStarts: 40, .targetPeriod: 25])
        var observation = [Float](repeating: 0, count: environment.observationCount)
        var next = observation
        observation.withUnsafeMutableBufferPointer { environment.writeObservation(into: $0) }
        for _ in 0..<120 {
            let outcome = original.step(&environment, from: observation, into: &next)
            if outcome.isDone {
                environment.reset()
                observation.withUnsafeMutableBufferPointer { environment.writeObservation(into: $0) }
            } else {
                swap(&observation, &next)
            }
        }
        #expect(original.qFunction.gradientSteps > 60)
        let directory = RunLogTests.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configuration = TrainingConfiguration(environment: EnvironmentSpec(name: "minatar-breakout"),
                                                  hyperparameters: original.hyperparameters, options: original.options,
                                                  steps: 10_000, seed: 1)
        try AgentCheckpoint.save(original, configuration: configuration, timesteps: 120, to: directory + "/model.safetensors")
        try TrainingState.save(original, timesteps: 120, to: directory + "/training-state.safetensors")

        let model = try CheckpointReader(path: directory + "/model.safetensors")
        #expect(model.metadata["q.conv"] == "4,10,10,16")
        #expect(model.metadata["q.input"] == "NHWC")
        #expect(model.metadata["q.sizes"] == "1024,128,6")
        let state = try CheckpointReader(path: directory + "/training-state.safetensors")
        #expect(state.metadata["q_step"] == String(original.qFunction.gradientSteps))

        let restored = try Self.agent(on: environment, seed: 2, [.learningStarts: 40, .targetPeriod: 25])
        func numbers(_ agent: DQNAgent) -> [[Float]] {
            let optimizer = agent.optimizers["q"]!
            return [agent.qFunction.network.parameterValues, agent.qFunction.target!.parameterValues]
                + optimizer.stateNetworks().sorted { $0.key < $1.key }.map(\.value.parameterValues)
                + [[Float(optimizer.stepCount)]]
        }
        #expect(numbers(restored) != numbers(original))
        #expect(original.optimizers["q"]!.stateNetworks().keys.sorted() == ["grad_avg", "square_avg"])
        try Checkpoint.load(from: directory + "/model.safetensors", into: restored.networks)
        try TrainingState.restore(into: restored, timesteps: 120, from: directory + "/training-state.safetensors")
        #expect(numbers(restored) == numbers(original))

        // The complete run checkpoint's part (StatePart) carries the same, under `rmsprop.`.
        let part = original.savedState
        #expect(part.arrays["q.rmsprop.square_avg"] != nil && part.arrays["q.rmsprop.grad_avg"] != nil)
        #expect(part.arrays["q.target"] != nil && part.arrays["memory.packed_observations"] != nil)
        let third = try Self.agent(on: environment, seed: 3, [.learningStarts: 40, .targetPeriod: 25])
        try third.restoreState(from: part)
        #expect(numbers(third) == numbers(original))
        #expect(third.savedState == part)
    }
}
