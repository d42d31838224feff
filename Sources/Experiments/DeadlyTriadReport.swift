import Foundation

/// The result of the deadly-triad experiment: each variant's ‖w‖ at the checkpoints with √VE and v̂(7) at the
/// end, and its eight weights after 1,000 sweeps (Fig. 11.2's horizon) or after the last sweep of a shorter run,
/// as a table; every checkpoint's weights as CSV.
public struct DeadlyTriadReport: ExperimentReport {
    /// One trajectory per variant, in the order the table lists them.
    public let trajectories: [DeadlyTriadExperiment.Trajectory]
    public let settings: DeadlyTriadExperiment.Settings

    /// The CSV header: one line per variant and checkpoint, `period` being K (1: no held target).
    public static let csvHeader = "variant,update,period,sweep,w1,w2,w3,w4,w5,w6,w7,w8,norm,rms_value"

    /// The sweep whose weights the table lists: Fig. 11.2's 1,000, or the run's end if it is shorter.
    public var weightsSweep: Int { min(1000, settings.sweeps) }

    public init(trajectories: [DeadlyTriadExperiment.Trajectory], settings: DeadlyTriadExperiment.Settings) {
        self.trajectories = trajectories
        self.settings = settings
    }

    /// Two blocks, one line per variant: ‖w‖ after 10, 100, … sweeps with √VE and v̂(7) after the last; then
    /// w₁ … w₈ and ‖w‖ after `weightsSweep` sweeps.
    public var table: String {
        let sampled = trajectories.contains { $0.variant.update.isSampled }
        var lines = [
            "Baird's counterexample (Sutton & Barto 2nd ed., Example 11.1, Fig. 11.2): 7 states, 8 weights, rewards 0 "
                + "(v_π = 0), γ = \(BairdCounterexample.gamma), α = \(settings.alpha), w₀ = (1,1,1,1,1,1,10,1)",
            "a TD step counts as one sweep (its expected update is one off-policy DP sweep)"
                + (sampled ? "; TD samples from seed \(settings.seed)" : ""),
            "",
            "‖w‖ after N sweeps; after the last, √VE (the RMS of v̂ over the 7 states) and v̂(7), the only state "
                + "π visits (true values: 0)",
        ]
        let marks = settings.checkpoints.filter { $0 >= 10 || settings.sweeps < 10 }
        let header = ["variant"] + marks.map(Self.grouped) + ["√VE", "v̂(7)"]
        let rows = trajectories.map { trajectory in
            let last = trajectory.checkpoints.last!.weights
            return [trajectory.variant.name] + marks.map { Self.number(Self.norm(trajectory.weights(after: $0)!)) }
                + [Self.number(BairdCounterexample.rootMeanSquareValue(weights: last)),
                   Self.number(BairdCounterexample.value(of: BairdCounterexample.lowerState, weights: last))]
        }
        lines += Self.columns([header] + rows)
        lines += ["", "weights after \(Self.grouped(weightsSweep)) sweeps"]
        let weightHeader = ["variant"] + (1...8).map { "w\($0)" } + ["‖w‖"]
        let weightRows = trajectories.map { trajectory in
            let w = trajectory.weights(after: weightsSweep)!
            return [trajectory.variant.name] + (0..<8).map { Self.number(w[$0]) } + [Self.number(Self.norm(w))]
        }
        lines += Self.columns([weightHeader] + weightRows)
        return lines.joined(separator: "\n")
    }

    /// One line per variant and checkpoint under `csvHeader`, numbers in full.
    public var csv: String {
        var lines = [Self.csvHeader]
        for trajectory in trajectories {
            let variant = trajectory.variant
            for (sweep, w) in trajectory.checkpoints {
                let fields = [variant.name, variant.update.rawValue, String(variant.targetPeriod), String(sweep)]
                    + (0..<8).map { String(w[$0]) }
                    + [String(Self.norm(w)), String(BairdCounterexample.rootMeanSquareValue(weights: w))]
                lines.append(fields.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// ‖w‖, the Euclidean norm.
    static func norm(_ w: SIMD8<Double>) -> Double {
        (w * w).sum().squareRoot()
    }

    /// Four significant digits, in plain notation from 0.001 up to 10⁶ and in exponent notation beyond.
    static func number(_ value: Double) -> String {
        let size = abs(value)
        return size != 0 && (size < 1e-3 || size >= 1e6) ? String(format: "%.3e", value) : String(format: "%.4g", value)
    }

    /// The variant name left-aligned, the numbers right-aligned.
    private static func columns(_ rows: [[String]]) -> [String] {
        let nameWidth = rows.map { $0[0].count }.max() ?? 0
        let numbers = TextColumns.rightAligned(rows.map { Array($0.dropFirst()) })
        return zip(rows, numbers).map { row, rest in
            "  " + row[0].padding(toLength: nameWidth, withPad: " ", startingAt: 0) + rest
        }
    }

    /// A whole number with commas between groups of three digits.
    private static func grouped(_ value: Int) -> String {
        BlindCliffwalkReport.grouped(value)
    }
}
