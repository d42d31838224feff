import Agents
import NeuralNet
import RLCore
import Training

/// Networks of the shapes the seed checkpoints hold (a DQN on cartpole, an actor-critic on frozenlake4x4),
/// so mutated files get as far as loading tensors. libFuzzer calls the entry point from one thread.
nonisolated(unsafe) let networks: [String: MLP] = {
    var generator = Xoshiro256StarStar(seed: 1)
    return [
        "q": MLP(sizes: [4, 8, 2], activation: .relu, generator: &generator),
        "pi": MLP(sizes: [16, 4], activation: .tanh, generator: &generator),
        "v": MLP(sizes: [16, 1], activation: .tanh, generator: &generator),
    ]
}()

/// Whether every weight and bias of `network` is finite.
func isFinite(_ network: MLP) -> Bool {
    (0..<network.layerCount).allSatisfy { layer in
        (0..<network.sizes[layer + 1]).allSatisfy { output in
            network.bias(layer: layer, output: output).isFinite
                && (0..<network.sizes[layer]).allSatisfy {
                    network.weight(layer: layer, output: output, input: $0).isFinite
                }
        }
    }
}

/// A small DQN trainer on CartPole that mutated run checkpoints are restored into, each time afresh.
let runConfiguration = try! TrainingConfiguration(
    environment: EnvironmentSpec(name: "cartpole"), algorithm: .dqn,
    hyperparameters: [.hiddenSize: 8, .bufferSize: 64, .batchSize: 8], steps: 1_000_000, seed: 1)

/// libFuzzer entry point for the checkpoint loaders: every input must load or be refused with a typed error,
/// and a loaded network never holds a non-finite parameter. The metadata goes through the checks that
/// decide which agent to build (the agent itself is not built: its memory is sized by the hyperparameters,
/// not by the file). The same bytes are read as a run checkpoint and, when they parse, restored into a trainer.
@_cdecl("LLVMFuzzerTestOneInput")
public func checkpointLoaderFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let state = try? RunStateFile.read(bytes: bytes, path: "fuzz.safetensors") {
        _ = try? Trainer(restoring: state, configuration: runConfiguration, resumePoint: nil)
    }
    guard let reader = try? CheckpointReader(bytes: bytes, path: "fuzz.safetensors") else { return 0 }
    _ = try? AgentCheckpoint.Recipe(metadata: reader.metadata, path: "fuzz.safetensors")
    for (prefix, network) in networks where (try? reader.load(into: [prefix: network])) != nil {
        precondition(isFinite(network), "a loaded \(prefix) network holds a non-finite value")
    }
    return 0
}
