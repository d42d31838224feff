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

    /// A DQN run checkpoint on CartPole whose replay memory holds `transitions` (acting only, no learning, to
    /// fill it): its size, and the best of `rounds` writes (`RunCheckpoint.save`, fsyncs included) and of
    /// `rounds` reads and restores into a new trainer.
    static func checkpointCost(transitions: Int, rounds: Int) throws
        -> (bytes: Int, writeSeconds: Double, readSeconds: Double)
    {
        let configuration = try TrainingConfiguration(
            environment: EnvironmentSpec(name: "cartpole"), algorithm: .dqn,
            hyperparameters: [.bufferSize: Double(transitions), .learningStarts: Double(transitions + 1)],
            steps: transitions + 1, seed: 1)
        let trainer = try Trainer(configuration)
        trainer.begin(observers: [])
        for _ in 0..<transitions { try trainer.advance() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rlterm-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = try RunLog(directory: directory, configuration: configuration, startTime: 0)
        let clock = ContinuousClock()
        var write = Duration.seconds(1_000), read = Duration.seconds(1_000)
        for _ in 0..<rounds {
            write = min(write, try clock.measure { try RunCheckpoint.save(trainer, log: log, keeping: 1) })
        }
        let path = RunCheckpoint.path(in: directory, step: transitions)
        for _ in 0..<rounds {
            read = min(read, try clock.measure {
                _ = try Trainer(restoring: try RunStateFile.read(path: path), configuration: configuration, resumePoint: nil)
            })
        }
        let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return (bytes, write / .seconds(1), read / .seconds(1))
    }

    /// Steps per second of whole DQN runs on CartPole (`steps` steps, logs written) with a run checkpoint every
    /// `interval` steps and with none, `rounds` pairs of runs, each pair's order alternated so a drift of the
    /// machine's load favours neither: the best of each, and the median over the pairs of what checkpointing cost
    /// its pair (1 − with/without). On a shared machine the paired median is the steadier figure: one busy moment
    /// moves one pair, not the best of either side against a quieter other. The same median is also taken of the
    /// training thread's CPU time (user and system), which other processes on the cores barely move; it leaves
    /// out the time the thread sleeps in fsync, which the write figure counts.
    ///
    /// Both medians still move by several percent from one bench to the next when other builds share the cores,
    /// so the direct cost is measured too: in each run with checkpoints, the wall time of the steps that wrote
    /// one (the step itself is some 40 µs of them) as a share of the run's whole time, the median over the runs.
    static func checkpointingRates(steps: Int, interval: Int, rounds: Int) throws
        -> (without: Double, with: Double, medianOverhead: Double, medianCPUOverhead: Double, medianDirectShare: Double)
    {
        var pairs: [(without: Double, with: Double, cpuWithout: Double, cpuWith: Double)] = []
        var directShares: [Double] = []
        for round in 0..<rounds {
            var rates: [Bool: (wall: Double, cpu: Double)] = [:]
            for checkpointing in round % 2 == 0 ? [false, true] : [true, false] {
                let configuration = TrainingConfiguration(environment: EnvironmentSpec(name: "cartpole"), algorithm: .dqn,
                                                          steps: steps, seed: 1)
                let directory = FileManager.default.temporaryDirectory
                    .appendingPathComponent("rlterm-bench-\(UUID().uuidString)").path
                defer { try? FileManager.default.removeItem(atPath: directory) }
                let trainer = try Trainer(configuration)
                trainer.checkpointInterval = checkpointing ? interval : 0
                trainer.begin(observers: Trainer.observers(log: try RunLog(directory: directory, configuration: configuration,
                                                                           startTime: 0)))
                // The steps before the end: the final checkpoint, written either way, is left out of both.
                let clock = ContinuousClock()
                let cpuStart = threadCPUSeconds()
                var checkpointSteps = Duration.zero
                let elapsed = try clock.measure {
                    while trainer.timesteps < steps - 1 {
                        if checkpointing, (trainer.timesteps + 1) % interval == 0 {
                            checkpointSteps += try clock.measure { try trainer.advance() }
                        } else {
                            try trainer.advance()
                        }
                    }
                }
                if checkpointing { directShares.append(checkpointSteps / elapsed) }
                rates[checkpointing] = (Double(steps - 1) / (elapsed / .seconds(1)),
                                        Double(steps - 1) / (threadCPUSeconds() - cpuStart))
            }
            pairs.append((rates[false]!.wall, rates[true]!.wall, rates[false]!.cpu, rates[true]!.cpu))
        }
        return (pairs.map(\.without).max()!, pairs.map(\.with).max()!,
                median(pairs.map { 1 - $0.with / $0.without }), median(pairs.map { 1 - $0.cpuWith / $0.cpuWithout }),
                median(directShares))
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// The CPU time the calling thread has used, user and system.
    private static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
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
