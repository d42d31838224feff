import ArgumentParser
import Experiments
import RLTermCLI

/// The shape every `rlterm reproduce` subcommand shares: its options (checked by `validate()`) become an
/// experiment whose result is an `ExperimentReport`; the table goes to stdout and, with `--csv FILE`, the CSV
/// to FILE. FILE is checked before any work starts, so a path that cannot be written costs nothing (status 74).
protocol ReproduceExperiment: ParsableCommand {
    associatedtype Report: ExperimentReport

    /// `--csv FILE`: where to write the report's CSV, if anywhere.
    var csv: String? { get }

    /// Runs the experiment, showing how far it got on `progress`, and returns its result.
    func report(progress: ProgressLine) throws -> Report
}

extension ReproduceExperiment {
    func run() throws {
        if let csv { try ReproduceSupport.checkWritable(csv) }
        let progress = ProgressLine()
        let report = try report(progress: progress)
        progress.finish()
        print(report.table)
        if let csv { try ReproduceSupport.write(report.csv, to: csv) }
    }
}
