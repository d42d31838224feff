import Foundation

/// A file of CartPole-v1 traces recorded from gymnasium (schema `cartpole-traces/1`, described in
/// Tests/EnvironmentsTests/Fixtures/README.md's source). Exact values are read from the `*_hex` fields.
public struct CartPoleTraceFile: Decodable, Sendable, Equatable {
    /// The schema this reader understands, the file's top-level `format`.
    public static let format = "cartpole-traces/1"

    public var traces: [CartPoleTrace]

    public init(traces: [CartPoleTrace]) {
        self.traces = traces
    }

    enum CodingKeys: String, CodingKey {
        case format, traces
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let format = try container.decodeIfPresent(String.self, forKey: .format)
        guard format == Self.format else { throw CartPoleTraceError.unsupportedFormat(format) }
        traces = try container.decode([CartPoleTrace].self, forKey: .traces)
    }

    /// Decodes and checks a traces file from its bytes.
    public init(data: Data) throws(CartPoleTraceError) {
        do {
            self = try JSONDecoder().decode(Self.self, from: data)
        } catch let error as CartPoleTraceError {
            throw error
        } catch let error as DecodingError {
            throw CartPoleTraceError(error, traceID: nil)
        } catch {
            throw CartPoleTraceError.notJSON(String(describing: error))
        }
    }

    /// Replays every trace, in file order.
    public func replayAll() -> [CartPoleTraceReport] {
        traces.map { $0.replay() }
    }
}
