import Agents
import Foundation

/// The result of the Ψ-variance experiment: one row per Ψ, as a table from the noisiest estimate down and as
/// CSV in `Psi.allCases` order.
public struct PsiVarianceReport: ExperimentReport {
    /// The rows `PsiVarianceExperiment.run` returned, in its order.
    public let rows: [PsiVarianceExperiment.Row]

    /// The CSV header: `psi` is Ψ's name, `variance` (1/K)·Σ_b ‖ĝ_b − ḡ‖².
    public static let csvHeader = "psi,variance"

    public init(rows: [PsiVarianceExperiment.Row]) {
        self.rows = rows
    }

    /// One line per Ψ, highest variance first: its name, the variance, ‖ḡ‖ and its formula.
    public var table: String {
        let header = "Ψ" + String(repeating: " ", count: 13) + "    variance    ‖mean g‖  formula"
        let lines = rows.sorted(by: { $0.variance > $1.variance }).map { row in
            row.psi.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
                + String(format: "%12.4g  %10.4g  ", row.variance, row.meanGradientNorm) + row.psi.formula
        }
        return ([header] + lines).joined(separator: "\n")
    }

    /// One line per Ψ under `csvHeader`, the variance in full.
    public var csv: String {
        ([Self.csvHeader] + rows.map { "\($0.psi.rawValue),\($0.variance)" }).joined(separator: "\n") + "\n"
    }
}
