import Agents
import Foundation

/// The results of the HER bit-flipping experiment over several bit counts (HER Fig. 1): every run's success
/// rate per (n, relabelling strategy), and their means over seeds as a table for people and as CSV for
/// plotting.
public struct HindsightBitFlipReport: ExperimentReport {
    public typealias Strategy = AgentOptions.Hindsight

    /// The bit counts n, in the order the table lists them.
    public let bits: [Int]
    /// The relabelling strategies compared, in the order the table lists them.
    public let strategies: [Strategy]
    /// How many seeds each configuration runs.
    public let seedCount: Int
    /// The settings every run used, named in the table's heading.
    public let settings: HindsightBitFlipExperiment.Settings
    private var runs: [Configuration: [Double]] = [:]

    /// The CSV header: `her` is none, final or future; `success_rate` the mean over seeds, in [0, 1].
    public static let csvHeader = "bits,her,success_rate"

    private struct Configuration: Hashable, Sendable {
        var bits: Int
        var strategy: Strategy
    }

    public init(bits: [Int], strategies: [Strategy] = Strategy.allCases, seedCount: Int,
                settings: HindsightBitFlipExperiment.Settings) {
        precondition(seedCount >= 1, "a report needs at least one seed per configuration")
        self.bits = bits
        self.strategies = strategies
        self.seedCount = seedCount
        self.settings = settings
    }

    /// Records one run's success rate.
    public mutating func record(_ successRate: Double, bits: Int, strategy: Strategy) {
        runs[Configuration(bits: bits, strategy: strategy), default: []].append(successRate)
    }

    /// The mean success rate of one configuration over its seeds; every one of its `seedCount` runs must
    /// have been recorded.
    public func meanSuccessRate(bits: Int, strategy: Strategy) -> Double {
        let rates = runs[Configuration(bits: bits, strategy: strategy)] ?? []
        precondition(rates.count == seedCount, "n = \(bits) \(strategy): \(rates.count) of \(seedCount) runs recorded")
        return rates.reduce(0, +) / Double(rates.count)
    }

    /// The lowest and highest success rate of one configuration over its seeds.
    func spread(bits: Int, strategy: Strategy) -> ClosedRange<Double> {
        let rates = runs[Configuration(bits: bits, strategy: strategy)] ?? []
        return rates.min()!...rates.max()!
    }

    /// One row per n: the epochs trained, then for each strategy the mean success rate over the seeds with
    /// the range over seeds beside it when they disagree.
    public var table: String {
        let s = settings
        var lines = [
            "HER bit flipping: success rate of the greedy policy after training, mean over \(seedCount) seed"
                + "\(seedCount == 1 ? "" : "s") (0…\(seedCount - 1)) × \(s.testEpisodes) test episodes (min–max over seeds)",
            "DQN, 1×\(s.hiddenSize) ReLU, Adam \(s.learningRate), γ = \(s.gamma), B = \(s.batchSize), ε = \(s.epsilon); "
                + "an epoch is \(s.cyclesPerEpoch) cycles of \(s.episodesPerCycle) episodes + \(s.optimisationSteps) updates; "
                + "future: k = \(s.herK); "
                + (s.herTerminal ? "a relabelled success is terminal (--her-terminal)"
                    : "every stored transition bootstraps"),
            "",
        ]
        let header = ["bits", "epochs"] + strategies.map(\.rawValue)
        let rows = bits.map { n in
            [String(n), String(settings.epochs(bits: n))] + strategies.map { strategy in
                let mean = String(format: "%.2f", meanSuccessRate(bits: n, strategy: strategy))
                let range = spread(bits: n, strategy: strategy)
                return range.lowerBound == range.upperBound
                    ? mean : mean + String(format: " (%.2f–%.2f)", range.lowerBound, range.upperBound)
            }
        }
        lines += TextColumns.rightAligned([header] + rows)
        return lines.joined(separator: "\n")
    }

    /// One line per (n, strategy) under `csvHeader`, n and strategies in the report's order.
    public var csv: String {
        var lines = [Self.csvHeader]
        for n in bits {
            for strategy in strategies {
                lines.append("\(n),\(strategy.rawValue),\(meanSuccessRate(bits: n, strategy: strategy))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
