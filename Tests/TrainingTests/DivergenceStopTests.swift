import Agents
import Environments
import Foundation
import Testing
@testable import Training

/// The watchdog inside the loop: a forced blow-up (DQN on CartPole at α = 1, seed 1) stops a headless run and
/// pauses a session; healthy runs with the defaults are never stopped.
@Suite("Divergence watchdog in the loop")
struct DivergenceStopTests {
    /// DQN's defaults on CartPole but α = 1: Q passes the bound 10·1/(1 − 0.99) = 1,000 at its first update.
    static func blowUp(steps: Int = 30_000, evaluationInterval: Int = 0) throws -> TrainingConfiguration {
        try TrainingConfiguration(environment: EnvironmentSpec(name: "cartpole"), algorithm: .dqn,
                                  hyperparameters: [.learningRate: 1], steps: steps, seed: 1,
                                  evaluationInterval: evaluationInterval, evaluationEpisodes: 2)
    }

    @Test("a headless run whose Q diverges stops with agentFailed; the best checkpoint before it stays, no final one")
    func headlessStops() throws {
        let directory = RunLogTests.temporaryDirectory()
        let configuration = try Self.blowUp(evaluationInterval: 500)
        let log = try RunLog(directory: directory, configuration: configuration, startTime: 0)
        var failure: (step: Int, reason: String)?
        do {
            _ = try Trainer(configuration).run(log: log)
        } catch {
            if case .agentFailed(let step, let reason) = error { failure = (step, reason) }
        }
        let (step, reason) = try #require(failure)
        // Learning starts after 1,000 steps: the first update is the one that diverges.
        #expect(step == 1_001)
        #expect(reason.hasPrefix("diverging: |Q| reached") && reason.contains("beyond 1000 = 10·max|r|/(1−γ)"))
        #expect(!FileManager.default.fileExists(atPath: log.modelPath))
        #expect(!FileManager.default.fileExists(atPath: log.statePath))
        let best = try AgentCheckpoint.load(from: log.bestPath)
        #expect(best.metadata["timesteps"].flatMap(Int.init).map { $0 < step } == true)
    }

    @Test("a trainer whose watchdog fired refuses every later step")
    func staysStopped() throws {
        let trainer = try Trainer(try Self.blowUp())
        trainer.begin()
        var errors: [String] = []
        for _ in 0..<1_100 {
            do {
                try trainer.advance()
            } catch {
                errors.append(error.description)
            }
        }
        // The step whose update diverged is not counted, as a refused non-finite one is not.
        #expect(errors.count == 100 && Set(errors).count == 1 && trainer.timesteps == 1_000)
        #expect(errors.first?.hasPrefix("training stopped at step 1001: diverging:") == true)
    }

    @Test("a session whose Q diverges pauses with the message; it will not resume, and stop writes no diverged model")
    func sessionPauses() throws {
        let directory = RunLogTests.temporaryDirectory()
        let configuration = try Self.blowUp()
        let log = try RunLog(directory: directory, configuration: configuration, startTime: 0)
        let worker = try SessionWorker(configuration: configuration, log: log, settings: SessionSettings())
        SessionWorkerTests.runWhileStepping(worker, limit: 5_000)
        let snapshot = worker.snapshot()
        #expect(snapshot.mode == .paused && snapshot.timesteps == 1_000)
        #expect(snapshot.failure?.hasPrefix("diverging: |Q| reached") == true)
        #expect(snapshot.message?.text.hasPrefix("learning stopped at step 1001: diverging:") == true)
        #expect(snapshot.message?.text.contains("larger K") == true)
        worker.apply(.resume)
        #expect(worker.mode == .paused)
        worker.apply(.stop)
        #expect(!FileManager.default.fileExists(atPath: log.modelPath))
        #expect(worker.snapshot().message?.text == "final checkpoint not written: learning had stopped")
    }

    /// Healthy fixed-seed runs with the defaults: DQN on CartPole (seeds 0–2, whose loss rises as Q climbs
    /// towards 100) and on cliffwalking (max|r| = 100; seeds 0–1), and VPG's critic on CartPole.
    @Test("healthy runs with the defaults are not stopped", arguments: [
        ("cartpole", Algorithm.dqn, 0 as UInt64, 20_000), ("cartpole", .dqn, 1, 20_000), ("cartpole", .dqn, 2, 20_000),
        ("cliffwalking", .dqn, 0, 10_000), ("cliffwalking", .dqn, 1, 10_000), ("cartpole", .vpg, 1, 20_000),
    ])
    func healthy(run: (environment: String, algorithm: Algorithm, seed: UInt64, steps: Int)) throws {
        let (environment, algorithm, seed, steps) = run
        let configuration = TrainingConfiguration(environment: EnvironmentSpec(name: environment), algorithm: algorithm,
                                                  steps: steps, seed: seed)
        let summary = try Trainer(configuration).run()
        #expect(summary.steps == steps)
    }
}
