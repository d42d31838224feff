import Foundation

/// The table under the plot: per group the runs its final point averages out of all it has, the final IQM return with its 95% interval and the step it
/// is taken at, and, with a threshold, the steps and seconds its IQM curve takes to reach it.
public enum ComparisonTable {
    public static func lines(_ curves: [GroupCurve], threshold: Double?) -> [String] {
        var header = ["group", "runs", "final step", "final IQM", "95% CI"]
        if let threshold { header += ["steps to \(number(threshold))", "seconds"] }
        let rows = curves.map { curve in
            var cells = [curve.label, curve.final.map { "\($0.runs)/\(curve.runCount)" } ?? "0/\(curve.runCount)"]
            if let final = curve.final {
                cells += [String(Int(final.step.rounded())), number(final.iqm),
                          "[\(number(final.interval.lowerBound)), \(number(final.interval.upperBound))]"]
            } else {
                cells += ["—", "—", "—"]
            }
            if threshold != nil {
                cells += curve.crossing.map { [String(Int($0.step.rounded())), String(format: "%.1f", $0.seconds)] }
                    ?? ["not reached", "—"]
            }
            return cells
        }
        return aligned([header] + rows)
    }

    /// A return with one decimal (two below 10 in magnitude), as people read returns.
    static func number(_ value: Double) -> String {
        String(format: abs(value) < 10 ? "%.2f" : "%.1f", value)
    }

    /// The first column left-aligned, the others right-aligned, two spaces apart.
    static func aligned(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
    }
}
