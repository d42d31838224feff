import Agents
import Dispatch
import Environments
import Foundation
import NeuralNet
import RLCore
import Training

/// The training engine's figures for `rlterm bench`: environment steps per second, a policy-gradient update,
/// whole training runs, and what a viewer taking snapshots at 30 Hz costs a live session.
enum EngineBenchmarks {
    /// Steps per second of `environment` alone, the actions cycling through every action, reset at each end.
    static func environmentStepsPerSecond(_ environment: EnvironmentSpec, seconds: Double) throws -> Double {
        var env = try environment.make(generator: RunSeed(1).generator(for: "env"))
        var observation = [Float](repeating: 0, count: env.observationCount)
        env.reset()
        let clock = ContinuousClock()
        let end = clock.now + .seconds(seconds)
        var steps = 0
        let start = clock.now
        while clock.now < end {
            for _ in 0..<1_000 {
                if env.step(steps % env.actionCount).isDone { env.reset() }
                observation.withUnsafeMutableBufferPointer { env.writeObservation(into: $0) }
                steps += 1
            }
        }
        return Double(steps) / ((clock.now - start) / .seconds(1))
    }

    /// Environment steps per second of a whole training run (acting, learning, bookkeeping; no logs), by the
    /// trainer's own clock.
    static func trainingStepsPerSecond(_ configuration: TrainingConfiguration) throws -> Double {
        let summary = try Trainer(configuration).run()
        return Double(summary.steps) / summary.trainSeconds
    }

    /// Steps per second of a live session training DQN on CartPole for `seconds`, with no viewer and with one
    /// that takes a snapshot every 1/30 s; each measured `rounds` times, alternating, the best of each kept.
    static func snapshotRates(seconds: Double, rounds: Int) throws -> (alone: Double, watched: Double) {
        var alone = 0.0, watched = 0.0
        for _ in 0..<rounds {
            alone = max(alone, try sessionRate(seconds: seconds, viewerInterval: nil))
            watched = max(watched, try sessionRate(seconds: seconds, viewerInterval: .seconds(1) / 30))
        }
        return (alone, watched)
    }

    private static func sessionRate(seconds: Double, viewerInterval: Duration?) throws -> Double {
        let configuration = TrainingConfiguration(environment: EnvironmentSpec(name: "cartpole"), algorithm: .dqn,
                                                  steps: 10_000_000, seed: 1)
        let session = try TrainingSession(configuration: configuration,
                                          settings: SessionSettings(snapshotInterval: viewerInterval))
        let clock = ContinuousClock()
        let start = clock.now
        session.start()
        let end = start + .seconds(seconds)
        while clock.now < end {
            if let viewerInterval {
                // What a viewer does per frame: take the snapshot and read from it.
                let snapshot = session.snapshot()
                precondition(snapshot.values.pointCount > 0, "a CartPole snapshot has a value slice")
                Thread.sleep(forTimeInterval: viewerInterval / .seconds(1))
            } else {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        let last = session.stop()
        return Double(last.timesteps) / ((clock.now - start) / .seconds(1))
    }
}

/// One policy-gradient step as `vpg` takes it on a batch of `batch` CartPole observations: policy forward,
/// the surrogate −mean log π(a|s)·Ψ, backward, Adam.
final class PolicyUpdateWorkload {
    let sizes: [Int]
    let batch: Int
    private let policy: CategoricalPolicy
    private let observations: [Float]
    private let actions: [Int]
    private let psi: [Double]

    init(sizes: [Int], batch: Int, seed: RunSeed) {
        self.sizes = sizes
        self.batch = batch
        var generator = seed.generator(for: "bench.init")
        policy = CategoricalPolicy(
            observationCount: sizes[0], actionCount: sizes[sizes.count - 1], hiddenSize: sizes[1],
            hiddenLayers: sizes.count - 2, learningRate: 1e-4, entropyCoefficient: 0, initGenerator: &generator,
            sampleGenerator: seed.generator(for: "bench.sample"))
        var data = seed.generator(for: "bench.data")
        observations = (0..<(batch * sizes[0])).map { _ in Float(data.uniform(-1, 1)) }
        actions = (0..<batch).map { _ in data.uniformInt(below: sizes[sizes.count - 1]) }
        psi = (0..<batch).map { _ in data.uniform(-1, 1) }
    }

    var architecture: String { sizes.map(String.init).joined(separator: "x") }

    func update() -> Bool {
        policy.step(observations: observations, actions: actions, psi: psi)
    }
}
