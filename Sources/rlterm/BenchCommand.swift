import ArgumentParser
import Foundation
import NeuralNet
import RLCore

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure network training and acting speed on this machine (one thread).",
        discussion: """
            Times a full DQN update (target forward, forward, Huber loss, backward, Adam) for the network sizes \
            rlterm trains, and single-observation forward latency. Each figure is the best of --repeats timed \
            runs of at least --run-seconds each, with flush-to-zero set as the training thread sets it. \
            benchmarks/compare_pytorch.sh runs PyTorch on the same updates beside it.
            """
    )

    @Flag(help: "Print a JSON array of {\"name\", \"value\", \"unit\"}.")
    var json = false

    @Option(help: "Timed runs per figure; the best one is reported.")
    var repeats = 7

    @Option(help: "Minimum duration of one timed run, in seconds.")
    var runSeconds = 0.05

    func validate() throws {
        guard repeats > 0 else { throw ValidationError("--repeats must be positive, got \(repeats)") }
        guard runSeconds > 0, runSeconds.isFinite else {
            throw ValidationError("--run-seconds must be a positive number, got \(runSeconds)")
        }
    }

    func run() throws {
        FloatingPointEnvironment.enableFlushToZero()
        var figures: [BenchmarkFigure] = []
        let peak = PeakThroughput.measureFMA()
        figures.append(BenchmarkFigure(name: "peak.fma", value: peak / 1e9, unit: "GFLOP/s"))
        let updates: [([Int], Int)] = [
            ([4, 64, 64, 2], 64), ([4, 64, 64, 2], 128), ([4, 256, 256, 2], 64), ([48, 128, 128, 4], 32),
        ]
        for (sizes, batch) in updates {
            let workload = DQNUpdateWorkload(sizes: sizes, batch: batch, seed: RunSeed(1))
            let seconds = bestSecondsPerCall { workload.update() }
            let name = "update.\(workload.architecture).b\(batch)"
            let flops = workload.flopsPerUpdate / seconds
            figures.append(BenchmarkFigure(name: name, value: seconds * 1e6, unit: "us"))
            figures.append(BenchmarkFigure(name: "gflops.\(name)", value: flops / 1e9, unit: "GFLOP/s"))
            figures.append(BenchmarkFigure(name: "peak-fraction.\(name)", value: 100 * flops / peak, unit: "%"))
        }
        for sizes in [[4, 64, 64, 2], [48, 128, 128, 4]] {
            let workload = DQNUpdateWorkload(sizes: sizes, batch: 1, seed: RunSeed(1))
            var sink: Float = 0
            let seconds = bestSecondsPerCall { sink += workload.act() }
            guard sink.isFinite else { throw CommandFailure("forward pass produced \(sink)", status: .software) }
            figures.append(BenchmarkFigure(name: "forward.\(workload.architecture).b1", value: seconds * 1e6, unit: "us"))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted]
            print(String(decoding: try encoder.encode(figures), as: UTF8.self))
        } else {
            for figure in figures {
                let name = figure.name.padding(toLength: 44, withPad: " ", startingAt: 0)
                print("\(name) \(String(format: "%10.2f", figure.value)) \(figure.unit)")
            }
        }
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
