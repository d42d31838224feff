import Foundation
import Agents
import Environments
import RLCore
import Testing
@testable import Training

@Suite("Trainer")
struct TrainerTests {
    @Test("--stop-when-solved ends the run at the first evaluation at or above the threshold")
    func stopsWhenSolved() throws {
        let configuration = try TrainingConfiguration(
            environment: EnvironmentSpec(name: "cliffwalk", states: 4), algorithm: .onlineQ,
            hyperparameters: [.hiddenSize: 16], steps: 20_000, seed: 2, evaluationInterval: 200, evaluationEpisodes: 2,
            stopWhenSolved: true)
        let summary = try Trainer(configuration).run()
        let solved = try #require(summary.firstSolved)
        #expect(summary.evaluations.last?.timesteps == solved.timesteps)
        #expect(summary.steps == solved.timesteps && summary.steps < 20_000)
        #expect(summary.evaluations.dropLast().allSatisfy { $0.result.meanReturn < 1 })
        #expect(solved.trainSeconds <= summary.trainSeconds)
    }

    @Test("solved thresholds: CartPole 475, Blind Cliffwalk 1, a deterministic map its optimal return, none otherwise")
    func thresholds() throws {
        func threshold(_ spec: EnvironmentSpec) throws -> Double? {
            EnvironmentSpec.solvedThreshold(of: try spec.make(generator: RunSeed(0).generator(for: "env")))
        }
        #expect(try threshold(EnvironmentSpec(name: "cartpole")) == 475)
        #expect(try threshold(EnvironmentSpec(name: "cliffwalk")) == 1)
        #expect(try threshold(EnvironmentSpec(name: "cliffwalking")) == -13)
        #expect(try threshold(EnvironmentSpec(name: "frozenlake4x4")) == 1)
        #expect(try threshold(EnvironmentSpec(name: "frozenlake4x4", slippery: true)) == nil)
        #expect(try threshold(EnvironmentSpec(name: "bitflip")) == nil)
    }

    @Test("value iteration's path on cliffwalking walks the cliff's edge: up, 11 × right, down")
    func cliffwalkingPath() throws {
        let grid = try #require(try EnvironmentSpec(name: "cliffwalking").make(generator: RunSeed(0).generator(for: "env"))
            as? Gridworld)
        let path = OptimalPath(grid: grid, gamma: 0.9)
        let up = GridAction.up.rawValue, right = GridAction.right.rawValue, down = GridAction.down.rawValue
        #expect(path.actions == [up] + [Int](repeating: right, count: 11) + [down])
        #expect(path.return == -13)
        #expect(path.isOptimal(up, in: grid.model.start) && !path.isOptimal(right, in: grid.model.start))
    }

    @Test("settings out of range are refused before anything runs, naming the valid range")
    func refusals() {
        func message(_ configuration: TrainingConfiguration) -> String? {
            do {
                _ = try Trainer(configuration)
                return nil
            } catch {
                return error.description
            }
        }
        let cartPole = EnvironmentSpec(name: "cartpole")
        #expect(message(TrainingConfiguration(environment: cartPole, algorithm: .dqn, steps: 0, seed: 0))
            == "--steps must be a whole number ≥ 1, got 0")
        #expect(throws: HyperparameterError.outOfRange(key: .gamma, value: 2)) {
            try TrainingConfiguration(environment: cartPole, algorithm: .dqn, hyperparameters: [.gamma: 2], steps: 9, seed: 0)
        }
        #expect(HyperparameterError.outOfRange(key: .gamma, value: 2).description == "γ (gamma) must be a number in [0, 1], got 2")
        #expect(message(TrainingConfiguration(environment: EnvironmentSpec(name: "bitflip", bits: 0), algorithm: .dqn, steps: 9, seed: 0))
            == "--bits must be a whole number in [1, 64], got 0")
        #expect(message(TrainingConfiguration(environment: EnvironmentSpec(name: "bitflip"), algorithm: .dqn, steps: 9, seed: 0,
                                              evaluationInterval: 5, stopWhenSolved: true))
            == "--stop-when-solved: bitflip has no solved threshold")
        #expect(message(TrainingConfiguration(environment: cartPole, algorithm: .dqn, options: AgentOptions(hindsight: .final),
                                              steps: 9, seed: 0))?.hasPrefix("--her needs a goal environment") == true)
    }

    @Test("a replay memory larger than the machine is refused before it is allocated (it ended the process)")
    func replayLargerThanMachine() throws {
        let path = NSTemporaryDirectory() + "rlterm-big-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        // The largest map allowed: 65,536 one-hot observation values.
        let row = String(repeating: "F", count: 256)
        let rows = ["S" + row.dropFirst()] + Array(repeating: row, count: 254) + [row.dropLast() + "G"]
        try rows.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        // 10⁷ transitions of 65,536 floats, twice: 5.2 TB, more than any machine this runs on.
        let configuration = try TrainingConfiguration(
            environment: EnvironmentSpec(name: path), algorithm: .dqn, hyperparameters: [.bufferSize: 10_000_000],
            steps: 10, seed: 0)
        #expect {
            _ = try Trainer(configuration)
        } throws: { error in
            guard case .invalid(let message) = error as? TrainingError else { return false }
            return message.hasPrefix("the replay memory of 10000000 transitions of 65536 observation values needs 5243")
        }
        var small = configuration
        small.hyperparameters = try Hyperparameters(.dqn, [.bufferSize: 100, .hiddenSize: 4, .hiddenLayers: 1])
        let trainer = try Trainer(small)
        #expect(try trainer.run().steps == 10)
    }

    @Test("training time comes from the trainer's clock and stops while suspended and while evaluating")
    func injectedClock() throws {
        final class HandClock: TrainingClock {
            var now = Duration.zero
        }
        let clock = HandClock()
        let configuration = try TrainingConfiguration(
            environment: EnvironmentSpec(name: "cliffwalk", states: 4), algorithm: .onlineQ,
            hyperparameters: [.hiddenSize: 8], steps: 100, seed: 1, evaluationInterval: 50, evaluationEpisodes: 1)
        let trainer = try Trainer(configuration, clock: clock)
        var reports: [TrainingProgress] = []
        trainer.begin(progressInterval: 10) { reports.append($0) }
        clock.now = .seconds(2)
        trainer.suspendClock()
        clock.now = .seconds(60)
        trainer.resumeClock()
        clock.now = .seconds(63)
        #expect(trainer.counters.trainSeconds == 5)
        for _ in 0..<10 { try trainer.advance() }
        #expect(reports.last?.trainSeconds == 5 && reports.last?.stepsPerSecond == 2)
        trainer.suspendClock()
        clock.now = .seconds(100)
        let summary = try trainer.finish()
        #expect(summary.trainSeconds == 5)
    }
}
