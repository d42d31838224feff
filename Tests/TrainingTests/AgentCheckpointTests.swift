import Agents
import Foundation
import RLCore
import Testing
@testable import Training

@Suite("Agent checkpoints")
struct AgentCheckpointTests {
    @Test("a saved agent is rebuilt from the metadata alone and gives the same Q-values")
    func roundTrip() throws {
        let path = RunLogTests.temporaryDirectory() + ".safetensors"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = try TrainingConfiguration(
            environment: EnvironmentSpec(name: "bitflip", bits: 5), algorithm: .dqn,
            hyperparameters: [.hiddenSize: 24, .hiddenLayers: 1, .learningStarts: 50, .batchSize: 8],
            options: AgentOptions(hindsight: .future, double: true), steps: 200, seed: 3)
        let trainer = try Trainer(configuration)
        _ = try trainer.run()
        try AgentCheckpoint.save(trainer.agent, configuration: configuration, timesteps: 200, to: path)
        let loaded = try AgentCheckpoint.load(from: path)
        #expect(loaded.environment == configuration.environment)
        #expect(loaded.agent.options == configuration.options)
        #expect(loaded.agent.hyperparameters == trainer.agent.hyperparameters)
        #expect(loaded.metadata["rlterm_version"] == TrainingConfiguration.rltermVersion)
        #expect(loaded.metadata["observation_size"] == "10")
        let observation: [Float] = [1, 0, 1, 1, 0, 0, 0, 1, 1, 0]
        #expect(loaded.agent.qValues(for: observation) == trainer.agent.qValues(for: observation))
    }

    @Test("a missing file and a corrupt one are told apart")
    func failures() throws {
        let path = RunLogTests.temporaryDirectory() + ".safetensors"
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try AgentCheckpoint.load(from: path)
        } throws: { error in
            if case .unreadable(.cannotRead(path, "no such file")) = error as? AgentCheckpointError { return true }
            return false
        }
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: path))
        #expect {
            try AgentCheckpoint.load(from: path)
        } throws: { error in
            if case .corrupt = error as? AgentCheckpointError { return true }
            return false
        }
    }

    @Test("metadata is checked before anything is built: bit-flipping with 0 bits, an unknown algorithm, bad JSON")
    func recipe() throws {
        let valid: [String: String] = [
            "algorithm": "dqn", "environment.spec": #"{"bits":10,"name":"bitflip","slippery":false,"states":10}"#,
            "hyperparameters": #"{"gamma":0.9}"#,
            "options": #"{"double":false,"hindsight":"none","noReplay":false,"noTarget":false,"replay":"uniform"}"#,
        ]
        #expect(try AgentCheckpoint.Recipe(metadata: valid, path: "a").hyperparameters[.gamma] == 0.9)
        func reason(_ key: String, _ value: String) -> String? {
            do {
                _ = try AgentCheckpoint.Recipe(metadata: valid.merging([key: value]) { $1 }, path: "a")
                return nil
            } catch {
                return error.description
            }
        }
        // Bit-flipping with 0 bits used to reach BitFlipping's precondition and crash eval.
        #expect(reason("environment.spec", #"{"bits":0,"name":"bitflip","slippery":false,"states":10}"#)
            == "a: checkpoint metadata: 'environment.spec': --bits must be a whole number in [1, 64], got 0")
        #expect(reason("algorithm", "ppo")?.hasPrefix("a: checkpoint metadata: unknown algorithm 'ppo'; known: ")
            == true)
        #expect(reason("options", "{") == "a: checkpoint metadata: 'options' is not valid: not valid JSON")
        #expect(reason("options", #"{"double":false}"#)
            == "a: checkpoint metadata: 'options' is not valid: no 'replay'")
        #expect(reason("hyperparameters", #"{"gamma":"high"}"#)?
            .hasPrefix("a: checkpoint metadata: 'hyperparameters' is not valid: 'gamma': ") == true)
    }
}
