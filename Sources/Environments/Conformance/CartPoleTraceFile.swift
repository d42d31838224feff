import Foundation

/// A file of CartPole-v1 episodes recorded from `gymnasium.make("CartPole-v1")` in the `cartpole-traces/1`
/// schema (the project's copy, from gymnasium 1.4.0: Tests/EnvironmentsTests/Fixtures/cartpole_v1_traces.json).
/// Exact doubles and float32 bit patterns are read from the `*_hex` fields; the decimal fields must agree.
public struct CartPoleTraceFile: Decodable, Sendable, Equatable {
    /// The schema this reader understands, the file's top-level `format`.
    public static let format = "cartpole-traces/1"

    public var traces: [CartPoleTrace]

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
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw CartPoleTraceError.syntaxError(in: data)
        } catch let error as DecodingError {
            throw CartPoleTraceError(error, traceID: nil)
        } catch {
            throw CartPoleTraceError.malformed(location: "top level", problem: String(describing: error))
        }
    }

    /// Replays every trace, in file order.
    public func replayAll() -> [CartPoleTraceReport] {
        traces.map { $0.replay() }
    }
}
