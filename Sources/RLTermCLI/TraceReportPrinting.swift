import ArgumentParser
import Foundation

/// Prints a `conformance` subcommand's result: one line per replayed trace (`line` gets the report and its id
/// padded to the longest), then the summary for the number that failed; exits with status 1 if any failed.
func printTraceReports<Report>(
    _ reports: [Report], id: (Report) -> String, passed: (Report) -> Bool,
    line: (Report, _ paddedID: String) -> String, summary: (_ failed: Int) -> String
) throws {
    let idWidth = reports.map { id($0).count }.max() ?? 0
    for report in reports {
        print(line(report, id(report).padding(toLength: idWidth, withPad: " ", startingAt: 0)))
    }
    let failed = reports.count { !passed($0) }
    print(summary(failed))
    if failed > 0 { throw ExitCode.failure }
}
