import Foundation

/// The results of the Blind Cliffwalk replay experiment over several chain lengths (PER Figs. 1–2): every
/// run's update count per (n, replay, representation), and their medians as a table for people and as CSV
/// for plotting. A run that hit the update cap is kept as nil: it counts as more than any finished run, a
/// median that falls on such runs is shown as `>cap` in the table and left empty in the CSV.
public struct BlindCliffwalkReport: ExperimentReport {
    public typealias Replay = BlindCliffwalkExperiment.Replay
    public typealias Representation = BlindCliffwalkExperiment.Representation

    /// The chain lengths n, in the order the table lists them.
    public let states: [Int]
    /// How many seeds each configuration runs.
    public let seedCount: Int
    /// The settings every run used (the cap, α, how priorities are keyed), named in the table's heading.
    public let settings: BlindCliffwalkExperiment.Settings
    private var runs: [Configuration: [Int?]] = [:]

    /// The CSV header; `median_updates` is empty where the median run hit the cap.
    public static let csvHeader = "states,replay,representation,median_updates"

    private struct Configuration: Hashable, Sendable {
        var states: Int
        var replay: Replay
        var representation: Representation
    }

    public init(states: [Int], seedCount: Int, settings: BlindCliffwalkExperiment.Settings) {
        precondition(seedCount >= 1, "a report needs at least one seed per configuration")
        self.states = states
        self.seedCount = seedCount
        self.settings = settings
    }

    /// Records one run's updates to learn (nil if it hit the cap).
    public mutating func record(_ updates: Int?, states: Int, replay: Replay, representation: Representation) {
        runs[Configuration(states: states, replay: replay, representation: representation), default: []].append(updates)
    }

    /// The median updates of one configuration, nil if the median run hit the cap. Every one of its
    /// `seedCount` runs must have been recorded.
    public func median(states: Int, replay: Replay, representation: Representation) -> Double? {
        let counts = runs[Configuration(states: states, replay: replay, representation: representation)] ?? []
        precondition(counts.count == seedCount,
                     "n = \(states) \(representation) \(replay): \(counts.count) of \(seedCount) runs recorded")
        return BlindCliffwalkExperiment.median(of: counts)
    }

    /// One block per representation, one row per n: the memory size 2ⁿ⁺¹ − 2, the median updates of each
    /// replay (rounded to whole updates), and uniform's median divided by each prioritized one's. A ratio
    /// against a capped median is a bound (`>` or `<`), `?` when both are capped. A last line names the
    /// configurations with runs that hit the cap, if any.
    public var table: String {
        let prioritized = Replay.allCases.filter { $0 != .uniform }
        let keying = settings.sharedPriorities ? "one per distinct transition" : "one per memory slot"
        var lines = [
            "Blind Cliffwalk: median updates until the MSE to Q* is below \(settings.threshold), over \(seedCount) "
                + "seed\(seedCount == 1 ? "" : "s") (0…\(seedCount - 1))",
            "priorities \(keying), proportional α = \(settings.alpha); a run gives up after \(Self.grouped(settings.maxUpdates)) "
                + "updates (>cap)",
        ]
        for representation in Representation.allCases {
            let header = ["n", "transitions"] + Replay.allCases.map(\.rawValue) + prioritized.map { "uniform/\($0.rawValue)" }
            let rows = states.map { n in
                let medians = Replay.allCases.map { median(states: n, replay: $0, representation: representation) }
                return [String(n), Self.grouped((1 << (n + 1)) - 2)]
                    + medians.map { $0.map { Self.grouped(Int($0.rounded())) } ?? ">cap" }
                    + prioritized.map { ratio(uniform: medians[0], other: medians[Replay.allCases.firstIndex(of: $0)!]) }
            }
            lines += ["", representation.rawValue] + TextColumns.rightAligned([header] + rows)
        }
        let capped = states.flatMap { n in
            Representation.allCases.flatMap { representation in
                Replay.allCases.compactMap { replay -> String? in
                    let count = runs[Configuration(states: n, replay: replay, representation: representation)]?
                        .filter { $0 == nil }.count ?? 0
                    return count == 0 ? nil : "n = \(n) \(representation) \(replay) \(count) of \(seedCount)"
                }
            }
        }
        if !capped.isEmpty {
            lines += ["", "runs that hit the cap: " + capped.joined(separator: ", ")]
        }
        return lines.joined(separator: "\n")
    }

    /// One line per (n, replay, representation) under `csvHeader`, n in the report's order; the median
    /// exactly (a half where an even number of seeds splits), empty where the median run hit the cap.
    public var csv: String {
        var lines = [Self.csvHeader]
        for n in states {
            for representation in Representation.allCases {
                for replay in Replay.allCases {
                    let median = median(states: n, replay: replay, representation: representation)
                    let field = median.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? ""
                    lines.append("\(n),\(replay.rawValue),\(representation.rawValue),\(field)")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// uniform / other to three significant digits; a capped median is only known to exceed the cap.
    private func ratio(uniform: Double?, other: Double?) -> String {
        let cap = Double(settings.maxUpdates)
        return switch (uniform, other) {
        case let (u?, o?): Self.significant(u / o)
        case let (nil, o?): ">" + Self.significant(cap / o)
        case let (u?, nil): "<" + Self.significant(u / cap)
        case (nil, nil): "?"
        }
    }

    /// Three significant digits for ratios of 0.01 to millions: 0.123, 1.23, 12.3, 123, 1,234.
    private static func significant(_ value: Double) -> String {
        value >= 100 ? grouped(Int(value.rounded())) : String(format: value >= 10 ? "%.1f" : value >= 1 ? "%.2f" : "%.3f", value)
    }

    /// A whole number with commas between groups of three digits: 1234567 → "1,234,567".
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        let head = digits.count % 3 == 0 ? 3 : digits.count % 3
        var text = String(digits.prefix(head))
        for start in stride(from: head, to: digits.count, by: 3) {
            text += "," + digits.dropFirst(start).prefix(3)
        }
        return (value < 0 ? "-" : "") + text
    }
}
