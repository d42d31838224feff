import ArgumentParser
import Environments
import Foundation

/// `rlterm conformance NAME TRACES`: replays gymnasium traces of `E` through rlterm's own `E` and reports, per
/// trace, its largest state deviation and its first mismatch.
struct TraceConformanceCommand<E: TraceableEnvironment & RegisteredEnvironment>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: E.descriptor.name,
            abstract: "Replay gymnasium \(E.gymnasiumID) traces and report any deviation.",
            discussion: """
                TRACES is a JSON file in the "\(E.traceFormat)" schema, recorded from \
                gymnasium.make("\(E.gymnasiumID)") (the project's copy, from gymnasium 1.4.0: \
                Tests/EnvironmentsTests/Fixtures/\(fixtureName)). Each trace starts rlterm's \
                \(E.descriptor.name) in its recorded initial state, applies its actions, and compares every step \
                with what gymnasium returned. A trace passes when each state component is within 1e-9 and every \
                float32 observation bit, reward, terminated and truncated flag\(stepsBeyondTerminatedNote) is \
                identical.

                One line per trace: id, steps, the largest |Δstate| over the trace, PASS or FAIL with the first \
                mismatch (step 0 is the observation right after the reset). Then a summary line.

                Exit status: 0 when every trace passes, 1 when any fails, 66 when TRACES does not exist, 65 when \
                it cannot be read or is not a valid traces file.
                """
        )
    }

    /// CartPole's traces also record gymnasium's counter of steps after termination.
    private static var stepsBeyondTerminatedNote: String {
        E.self == CartPole.self ? " (and gymnasium's steps_beyond_terminated counter)" : ""
    }

    /// The project's copy of the traces, e.g. `cartpole_v1_traces.json`.
    private static var fixtureName: String {
        E.gymnasiumID.lowercased().replacingOccurrences(of: "-", with: "_") + "_traces.json"
    }

    @Argument(help: ArgumentHelp("The traces file (JSON, format \"\(E.traceFormat)\")."))
    var traces: String

    func run() throws {
        let file = try readTraceFile(traces, decode: EnvironmentTraceFile<E>.init(data:))
        let reports = file.replayAll()
        let steps = reports.reduce(0) { $0 + $1.stepCount }
        let largest = reports.map(\.maxStateDeviation).max() ?? 0
        try printTraceReports(reports, id: \.id, passed: \.passed, line: Self.line) { failed in
            "\(reports.count) traces, \(steps) steps: \(reports.count - failed) passed, \(failed) failed; "
                + "largest |Δstate| \(Self.deviation(largest))"
        }
    }

    static func line(for report: TraceReport<E>, paddedID id: String) -> String {
        let deviation = deviation(report.maxStateDeviation).padding(toLength: 8, withPad: " ", startingAt: 0)
        let verdict = report.firstMismatch.map { "FAIL  \($0)" } ?? "PASS"
        return "\(id)  " + String(format: "%4d", report.stepCount) + " steps  max|Δstate| \(deviation)  \(verdict)"
    }

    static func deviation(_ value: Double) -> String {
        value == 0 ? "0" : String(format: "%.2e", value)
    }
}
