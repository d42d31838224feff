import Agents
import ArgumentParser
import Foundation
import NeuralNet
import RLCore
import Training

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure network and training-engine speed on this machine.",
        discussion: """
            network: a full DQN update through the QFunction training uses (targets from the target network, \
            forward, Huber loss, backward, gradient clipping, Adam) for the network \
            sizes rlterm trains, the MinAtar paper's DQN step on its convolutional network for Breakout \
            (4×10×10 → conv 16 → 128 → 6, batch 32: targets, forward, Huber loss, backward, centered RMSProp), \
            a policy-gradient step on a batch of 1,000, and single-observation forward latency, one thread; the CPU model, the kernel choice (RLTERM_KERNELS=avx512, avx2 or portable \
            pins one the CPU has) and peak.fma for each vector unit, with % peak against the widest (peak.fma). \
            Each figure is the best of --repeats timed runs of at least --run-seconds each, \
            with flush-to-zero set as the training thread sets it. benchmarks/compare_pytorch.sh runs PyTorch on \
            the same updates beside it.
            engine: environment steps per second (CartPole, Acrobot, MountainCar, cliffwalking; \
            benchmarks/compare_gym_steps.sh measures gymnasium's beside them), whole training runs of DQN and \
            VPG on CartPole (steps per second of training time), and snapshot.overhead: the steps per second a \
            live session loses to a viewer taking snapshots at 30 Hz, against none (2-second runs, alternated, \
            best of 3 each).
            checkpoints: the size, write time (fsyncs included) and read-and-restore time of a DQN run checkpoint \
            on CartPole whose replay memory holds 50,000 and 1,000,000 transitions (best of 5), and steps per \
            second of 30,000-step DQN runs writing their logs with --checkpoint-every 10000 and without: 9 pairs, \
            each pair's order alternated, the best of each side and checkpoint.overhead.best from them, and \
            checkpoint.overhead.paired-median, the median over the pairs of each pair's own overhead; \
            checkpoint.overhead.cpu-paired-median is the same median of the training thread's CPU time (the \
            time asleep in fsync left out), steadier when other processes share the cores; \
            checkpoint.overhead.direct is the median share of a run's wall time spent in the steps that wrote a \
            checkpoint, the cost itself rather than a difference of two noisy rates.
            """
    )

    enum Group: String, ExpressibleByArgument, CaseIterable {
        case all, network, engine, checkpoints
    }

    @Option(help: "Which figures: all, network, engine or checkpoints.")
    var group = Group.all

    @Flag(help: "Print a JSON array of {\"name\", \"value\", \"unit\"}.")
    var json = false

    @Flag(help: "Keep IEEE subnormal arithmetic (skip flush-to-zero) to measure what it costs.")
    var keepSubnormals = false

    @Option(help: "Timed runs per figure; the best one is reported.")
    var repeats = 30

    @Option(help: "Minimum duration of one timed run, in seconds.")
    var runSeconds = 0.01

    func validate() throws {
        guard repeats > 0 else { throw ValidationError("--repeats must be positive, got \(repeats)") }
        guard runSeconds > 0, runSeconds.isFinite else {
            throw ValidationError("--run-seconds must be a positive number, got \(runSeconds)")
        }
    }

    func run() throws {
        if !keepSubnormals {
            FloatingPointEnvironment.enableFlushToZero()
        }
        var figures: [BenchmarkFigure] = []
        if group == .all || group == .network { figures += networkFigures() }
        if group == .all || group == .engine { figures += try engineFigures() }
        if group == .all || group == .checkpoints { figures += try checkpointFigures() }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted]
            print(String(decoding: try encoder.encode(figures), as: UTF8.self))
        } else {
            for figure in figures {
                let name = figure.name.padding(toLength: 44, withPad: " ", startingAt: 0)
                if let value = figure.value, let unit = figure.unit {
                    print("\(name) \(String(format: "%10.2f", value)) \(unit)")
                } else {
                    print("\(name) \(figure.text ?? "")")
                }
            }
        }
    }

    private func networkFigures() -> [BenchmarkFigure] {
        var figures = [
            BenchmarkFigure(name: "cpu.model", text: Self.cpuModel()),
            BenchmarkFigure(
                name: "kernels", text: "\(Kernels.active.rawValue) (available: "
                    + Kernels.available.map(\.rawValue).joined(separator: ", ") + ")"),
        ]
        // One peak per unit the CPU has; "% peak" divides by the widest unit's, whichever kernels run.
        var peak = 0.0
        for unit in Kernels.available.reversed() {
            peak = PeakThroughput.measureFMA(unit: unit)
            figures.append(BenchmarkFigure(name: "peak.fma.\(unit.rawValue)", value: peak / 1e9, unit: "GFLOP/s"))
        }
        figures.append(BenchmarkFigure(name: "peak.fma", value: peak / 1e9, unit: "GFLOP/s"))
        let updates: [([Int], Int)] = [
            ([4, 64, 64, 2], 64), ([4, 64, 64, 2], 128), ([4, 256, 256, 2], 64), ([48, 128, 128, 4], 32),
        ]
        for (sizes, batch) in updates {
            let workload = DQNUpdateWorkload(sizes: sizes, batch: batch, seed: RunSeed(1))
            var stepped = true
            let seconds = bestSecondsPerCall { stepped = workload.update() && stepped }
            precondition(stepped, "a DQN step on finite synthetic data is taken")
            figures += Self.updateFigures(
                name: "update.\(workload.architecture).b\(batch)", seconds: seconds, flops: workload.flopsPerUpdate,
                peak: peak)
        }
        let minAtar = ConvolutionalDQNUpdateWorkload(channels: 4, actions: 6, batch: 32, seed: RunSeed(1))
        var minAtarStepped = true
        let minAtarSeconds = bestSecondsPerCall { minAtarStepped = minAtar.update() && minAtarStepped }
        precondition(minAtarStepped, "a DQN step on finite synthetic data is taken")
        figures += Self.updateFigures(
            name: "update.\(minAtar.architecture).b\(minAtar.batch)", seconds: minAtarSeconds,
            flops: minAtar.flopsPerUpdate, peak: peak)
        var minAtarSink: Float = 0
        let actSeconds = bestSecondsPerCall { minAtarSink += minAtar.act() }
        precondition(minAtarSink.isFinite, "a forward pass on finite weights gives finite values")
        figures.append(BenchmarkFigure(name: "forward.\(minAtar.architecture).b1", value: actSeconds * 1e6, unit: "us"))
        for sizes in [[4, 64, 64, 2], [48, 128, 128, 4]] {
            let workload = DQNUpdateWorkload(sizes: sizes, batch: 1, seed: RunSeed(1))
            var sink: Float = 0
            let seconds = bestSecondsPerCall { sink += workload.act() }
            precondition(sink.isFinite, "a forward pass on finite weights gives finite values")
            figures.append(
                BenchmarkFigure(name: "forward.\(workload.architecture).b1", value: seconds * 1e6, unit: "us"))
        }
        let policy = PolicyUpdateWorkload(sizes: [4, 64, 64, 2], batch: 1_000, seed: RunSeed(1))
        let policySeconds = bestSecondsPerCall { precondition(policy.update(), "a policy step on finite data is taken") }
        figures.append(BenchmarkFigure(name: "update.policy.\(policy.architecture).b1000", value: policySeconds * 1e6,
                                       unit: "us"))
        return figures
    }

    private func engineFigures() throws -> [BenchmarkFigure] {
        var figures: [BenchmarkFigure] = []
        for name in ["cartpole", "acrobot", "mountaincar", "cliffwalking"] {
            let rate = try EngineBenchmarks.environmentStepsPerSecond(EnvironmentSpec(name: name), seconds: 0.5)
            figures.append(BenchmarkFigure(name: "env.\(name)", value: rate, unit: "steps/s"))
        }
        for algorithm in [Algorithm.dqn, .vpg] {
            let configuration = TrainingConfiguration(environment: EnvironmentSpec(name: "cartpole"), algorithm: algorithm,
                                                      steps: 30_000, seed: 1)
            let rate = try EngineBenchmarks.trainingStepsPerSecond(configuration)
            figures.append(BenchmarkFigure(name: "train.\(algorithm.name).cartpole", value: rate, unit: "steps/s"))
        }
        let (alone, watched) = try EngineBenchmarks.snapshotRates(seconds: 2, rounds: 3)
        figures.append(BenchmarkFigure(name: "session.dqn.cartpole", value: alone, unit: "steps/s"))
        figures.append(BenchmarkFigure(name: "session.dqn.cartpole.watched", value: watched, unit: "steps/s"))
        figures.append(BenchmarkFigure(name: "snapshot.overhead", value: 100 * (1 - watched / alone), unit: "%"))
        return figures
    }

    /// An update's time, its rate of floating-point operations and that rate as % of `peak` (flop/s).
    private static func updateFigures(name: String, seconds: Double, flops: Double, peak: Double) -> [BenchmarkFigure] {
        [
            BenchmarkFigure(name: name, value: seconds * 1e6, unit: "us"),
            BenchmarkFigure(name: "gflops.\(name)", value: flops / seconds / 1e9, unit: "GFLOP/s"),
            BenchmarkFigure(name: "peak-fraction.\(name)", value: 100 * flops / seconds / peak, unit: "%"),
        ]
    }

    private func checkpointFigures() throws -> [BenchmarkFigure] {
        var figures: [BenchmarkFigure] = []
        for (label, transitions) in [("50k", 50_000), ("1M", 1_000_000)] {
            let cost = try EngineBenchmarks.checkpointCost(transitions: transitions, rounds: 5)
            figures.append(BenchmarkFigure(name: "checkpoint.size.dqn.cartpole.\(label)", value: Double(cost.bytes) / 1e6,
                                           unit: "MB"))
            figures.append(BenchmarkFigure(name: "checkpoint.write.dqn.cartpole.\(label)", value: cost.writeSeconds * 1e3,
                                           unit: "ms"))
            figures.append(BenchmarkFigure(name: "checkpoint.restore.dqn.cartpole.\(label)", value: cost.readSeconds * 1e3,
                                           unit: "ms"))
        }
        let rates = try EngineBenchmarks.checkpointingRates(steps: 30_000, interval: 10_000, rounds: 9)
        figures.append(BenchmarkFigure(name: "train.dqn.cartpole.logged", value: rates.without, unit: "steps/s"))
        figures.append(BenchmarkFigure(name: "train.dqn.cartpole.checkpoint-every-10000", value: rates.with, unit: "steps/s"))
        figures.append(BenchmarkFigure(name: "checkpoint.overhead.best", value: 100 * (1 - rates.with / rates.without),
                                       unit: "%"))
        figures.append(BenchmarkFigure(name: "checkpoint.overhead.paired-median", value: 100 * rates.medianOverhead,
                                       unit: "%"))
        figures.append(BenchmarkFigure(name: "checkpoint.overhead.cpu-paired-median", value: 100 * rates.medianCPUOverhead,
                                       unit: "%"))
        figures.append(BenchmarkFigure(name: "checkpoint.overhead.direct", value: 100 * rates.medianDirectShare, unit: "%"))
        return figures
    }

    /// The "model name" line of /proc/cpuinfo (Linux), or what Foundation knows elsewhere.
    private static func cpuModel() -> String {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        for line in cpuinfo.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return "unknown (\(ProcessInfo.processInfo.processorCount) processors)"
    }

    /// The best, over `repeats` runs, of the mean time per call; each run repeats `body` for at least
    /// `runSeconds` after a warm-up of the same length.
    private func bestSecondsPerCall(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        var calls = 1
        let warmUpEnd = clock.now + .seconds(runSeconds)
        while clock.now < warmUpEnd {
            for _ in 0..<calls { body() }
            calls *= 2
        }
        var best = Double.infinity
        for _ in 0..<repeats {
            let start = clock.now
            for _ in 0..<calls { body() }
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            best = min(best, seconds / Double(calls))
        }
        return best
    }
}
