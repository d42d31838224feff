import Agents
import Foundation
import RLCore
import Testing
@testable import Training

@Suite("Policy-gradient checkpoints")
struct PolicyCheckpointTests {
    // The agent is driven here rather than by Trainer.run, which turns on flush-to-zero for the calling thread (a
    // shared test worker).
    @Test("a VPG checkpoint restores π and V exactly, with --psi kept in the options")
    func roundTrip() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rlterm-pg-\(UUID().uuidString).safetensors").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = try TrainingConfiguration(
            environment: EnvironmentSpec(name: "cartpole"), algorithm: .vpg, hyperparameters: [.stepsPerEpoch: 200],
            options: AgentOptions(psi: .tdResidual), steps: 600, seed: 3)
        let trainer = try Trainer(configuration)
        let agent = trainer.agent
        var environment = trainer.environment
        environment.reset()
        for _ in 0..<configuration.steps {
            let observation = environment.observation()
            let action = observation.withUnsafeBufferPointer { agent.act($0) }
            let outcome = environment.step(action)
            let next = environment.observation()
            observation.withUnsafeBufferPointer { s in
                next.withUnsafeBufferPointer {
                    agent.observe(observation: s, action: action, outcome: outcome, nextObservation: $0, environment: environment)
                }
            }
            if outcome.isDone { environment.reset() }
        }
        #expect(agent.gradientSteps > 0)
        try AgentCheckpoint.save(agent, configuration: configuration, timesteps: configuration.steps, to: path)
        let loaded = try AgentCheckpoint.load(from: path)
        #expect(loaded.agent.options.psi == .tdResidual)
        #expect(Set(loaded.agent.networks.keys) == ["pi", "v"])
        let state: [Float] = [0.01, -0.2, 0.03, 0.1]
        #expect(loaded.agent.actionProbabilities(for: state) == agent.actionProbabilities(for: state))
        #expect(loaded.agent.stateValue(for: state) == agent.stateValue(for: state))
    }
}
