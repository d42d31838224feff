import Foundation
import Testing
import Environments

@Suite("Reading a CartPole traces file")
struct CartPoleTraceFileTests {
    /// The shared file cut down to the one-step trace `hand_x_one_ulp_past_2.4`, as a JSON object to edit.
    static func oneTraceFile() throws -> [String: Any] {
        let url = try #require(Bundle.module.url(forResource: "cartpole_v1_traces", withExtension: "json", subdirectory: "Fixtures"))
        var file = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let traces = try #require(file["traces"] as? [[String: Any]])
        file["traces"] = [try #require(traces.first { $0["id"] as? String == "hand_x_one_ulp_past_2.4" })]
        return file
    }

    /// Decodes `file` after `edit` changed the first step of its one trace.
    static func decode(_ file: [String: Any], editingStep edit: (inout [String: Any]) -> Void = { _ in }) throws -> EnvironmentTraceFile<CartPole> {
        var file = file
        var traces = file["traces"] as? [[String: Any]] ?? []
        var steps = traces[0]["steps"] as? [[String: Any]] ?? []
        edit(&steps[0])
        traces[0]["steps"] = steps
        file["traces"] = traces
        return try EnvironmentTraceFile<CartPole>(data: JSONSerialization.data(withJSONObject: file))
    }

    static func error(_ body: () throws -> EnvironmentTraceFile<CartPole>) -> TraceFileError<CartPole>? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? TraceFileError<CartPole>
        }
    }

    @Test("an untouched trace decodes with its exact values and replays")
    func decodesExactly() throws {
        let file = try Self.decode(try Self.oneTraceFile())
        let trace = try #require(file.traces.first)
        #expect(trace.initialState == CartPole.State(x: 2.4, xDot: 2.220446049250313e-14, theta: 0, thetaDot: 0))
        #expect(trace.steps[0].state.x.bitPattern == 0x4003_3333_3333_3334)
        #expect(trace.steps.count == 1 && trace.replay().passed)
    }

    @Test("a hex field that is not 0x and 16 digits is named with its trace and step")
    func badHex() throws {
        let error = Self.error { try Self.decode(try Self.oneTraceFile()) { $0["state_hex"] = ["0x4003333333333334", "0x0", "0x0", "0x0"] } }
        #expect(error == .malformed(
            location: "traces[0] (id \"hand_x_one_ulp_past_2.4\") steps[0].state_hex[1]",
            problem: "\"0x0\" is not 0x followed by 16 hex digits"))
    }

    @Test("a decimal value edited without its hex twin is reported as a disagreement")
    func decimalDisagreesWithHex() throws {
        let error = Self.error {
            try Self.decode(try Self.oneTraceFile()) { step in
                var state = step["state"] as? [Double] ?? []
                state[0] += 1e-6
                step["state"] = state
            }
        }
        guard case .malformed(let location, let problem)? = error else {
            Issue.record("expected a malformed-file error, got \(String(describing: error))")
            return
        }
        #expect(location == "traces[0] (id \"hand_x_one_ulp_past_2.4\") steps[0].state[0]")
        #expect(problem.contains("disagrees with state_hex[0]"))
    }

    @Test("a missing key, a wrong step number or a wrong count is located")
    func inconsistentTraces() throws {
        let file = try Self.oneTraceFile()
        let id = "traces[0] (id \"hand_x_one_ulp_past_2.4\")"
        #expect(Self.error { try Self.decode(file) { $0["reward"] = nil } }
            == .malformed(location: "\(id) steps[0]", problem: "missing key \"reward\""))
        #expect(Self.error { try Self.decode(file) { $0["t"] = 2 } }
            == .malformed(location: "\(id) steps[0].t", problem: "t is 2, expected 1"))
        #expect(Self.error { try Self.decode(file) { $0["action"] = 1 } }
            == .malformed(location: "\(id) steps[0].action", problem: "action 1 differs from actions[0] = 0"))
        var counted = file
        var traces = counted["traces"] as? [[String: Any]] ?? []
        traces[0]["num_steps"] = 2
        counted["traces"] = traces
        #expect(Self.error { try Self.decode(counted) }
            == .malformed(location: "\(id) num_steps", problem: "num_steps is 2, with 1 actions and 1 steps"))
    }

    @Test("another schema or no format at all is refused")
    func wrongFormats() throws {
        var file = try Self.oneTraceFile()
        file["format"] = "cartpole-traces/2"
        #expect(Self.error { try Self.decode(file) } == .unsupportedFormat("cartpole-traces/2"))
        file["format"] = nil
        #expect(Self.error { try Self.decode(file) } == .unsupportedFormat(nil))
    }

    @Test("bytes that are not JSON are refused with the line and column where parsing stopped")
    func syntaxErrorsAreLocated() {
        func location(_ text: String) -> (line: Int, column: Int)? {
            guard case .notJSON(let line, let column, _)? = Self.error({ try EnvironmentTraceFile<CartPole>(data: Data(text.utf8)) }) else {
                return nil
            }
            return (line, column)
        }
        #expect(location("{\"format\": ") ?? (0, 0) == (1, 12))
        #expect(location("{\"format\": 1,\n  \"traces\": [,]}") ?? (0, 0) == (2, 14))
    }
}
