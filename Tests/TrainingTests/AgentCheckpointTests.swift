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
        let configuration = TrainingConfiguration(
            environment: EnvironmentSpec(name: "bitflip", bits: 5), algorithm: "dqn",
            hyperparameters: ["hidden": 24, "layers": 1, "learning-starts": 50, "batch-size": 8],
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
            if case .missing = error as? AgentCheckpointError { return true }
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
}
