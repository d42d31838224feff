import Foundation

/// The aggregated curves as CSV, one row per group and grid step where the group has a point:
/// `group,step,runs,iqm,ci_low,ci_high` (steps as whole numbers, returns as Swift prints doubles).
public enum CurveCSV {
    public static let header = "group,step,runs,iqm,ci_low,ci_high\n"

    public static func text(_ curves: [GroupCurve]) -> String {
        header + curves.flatMap { curve in
            curve.points.map { point in
                [quoted(curve.label), String(Int(point.step.rounded())), String(point.runs), String(point.iqm),
                 String(point.interval.lowerBound), String(point.interval.upperBound)].joined(separator: ",") + "\n"
            }
        }.joined()
    }

    /// A cell as RFC 4180 writes it: in double quotes (doubled inside) when it holds a comma, quote or line end.
    static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { ",\"\n\r".contains($0) }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
