import Agents
import Foundation
import Testing
@testable import Training

@Suite("Policy-gradient checkpoints")
struct PolicyCheckpointTests {
    @Test("a VPG run's checkpoint restores π and V exactly, with --psi kept in the options")
    func roundTrip() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rlterm-pg-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configuration = TrainingConfiguration(
            environment: EnvironmentSpec(name: "cartpole"), algorithm: "vpg", hyperparameters: ["steps-per-epoch": 200],
            options: AgentOptions(psi: .tdResidual), steps: 600, seed: 3)
        let trainer = try Trainer(configuration)
        let log = try RunLog(directory: directory, configuration: configuration, startTime: 0)
        _ = try trainer.run(log: log)
        let loaded = try AgentCheckpoint.load(from: log.modelPath)
        #expect(loaded.agent.options.psi == .tdResidual)
        let state: [Float] = [0.01, -0.2, 0.03, 0.1]
        #expect(loaded.agent.actionProbabilities(for: state) == trainer.agent.actionProbabilities(for: state))
        #expect(loaded.agent.stateValue(for: state) == trainer.agent.stateValue(for: state))
        #expect(trainer.agent.gradientSteps > 0)
    }
}
