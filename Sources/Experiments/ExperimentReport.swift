/// What an experiment's result gives `rlterm reproduce`: a table for people and CSV for plotting.
public protocol ExperimentReport: Sendable {
    /// The result as lines of text, heading first, without a final newline.
    var table: String { get }
    /// The result as CSV: a header line, then one line per value, each ending with a newline.
    var csv: String { get }
}
