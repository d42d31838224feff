import Foundation

/// A file of episodes recorded from gymnasium 1.4.0 in the schema `E.traceFormat` names: `cartpole-traces/1`
/// (Tests/EnvironmentsTests/Fixtures/cartpole_v1_traces.json), `acrobot-traces/1` and `mountaincar-traces/1`
/// (acrobot_v1_traces.json, mountaincar_v0_traces.json beside it, written by make_classic_traces.py). Exact
/// doubles and float32 bit patterns are read from the `*_hex` fields; decimal fields, where a file has them,
/// must agree.
public struct EnvironmentTraceFile<E: TraceableEnvironment>: Decodable, Sendable, Equatable {
    /// The schema this reader understands, the file's top-level `format`.
    public static var format: String { E.traceFormat }

    public var traces: [EnvironmentTrace<E>]

    enum CodingKeys: String, CodingKey {
        case format, traces
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let format = try container.decodeIfPresent(String.self, forKey: .format)
        guard format == Self.format else { throw TraceFileError<E>.unsupportedFormat(format) }
        traces = try container.decode([EnvironmentTrace<E>].self, forKey: .traces)
    }

    /// Decodes and checks a traces file from its bytes.
    public init(data: Data) throws(TraceFileError<E>) {
        do {
            self = try JSONDecoder().decode(Self.self, from: data)
        } catch {
            throw TraceFileError<E>(decoding: error, data: data)
        }
    }

    /// Replays every trace, in file order.
    public func replayAll() -> [TraceReport<E>] {
        traces.map { $0.replay() }
    }
}
