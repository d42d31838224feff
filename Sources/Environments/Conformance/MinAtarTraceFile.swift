import Foundation

/// A file of MinAtar episodes in the `minatar-traces/1` schema, recorded from minatar 1.0.15 by
/// Tests/EnvironmentsTests/Fixtures/make_minatar_traces.py (`minatar_<game>_traces.json` beside it).
public struct MinAtarTraceFile<Game: MinAtarGame>: Decodable, Sendable, Equatable {
    public var traces: [MinAtarTrace<Game>]

    enum CodingKeys: String, CodingKey {
        case format, game, channels, traces
    }

    /// Decodes a file and checks that it is for `Game`: its format, game name and channel count.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let format = try container.decodeIfPresent(String.self, forKey: .format)
        guard format == MinAtarTraceFormat.traceFormat else { throw TraceFileError<MinAtarTraceFormat>.unsupportedFormat(format) }
        let game = try container.decode(String.self, forKey: .game)
        let channels = try container.decode(Int.self, forKey: .channels)
        guard game == Game.name, channels == Game.channelNames.count else {
            throw TraceFileError<MinAtarTraceFormat>.malformed(
                location: "game", problem: "the file is for \(game) with \(channels) channels, expected \(Game.name) "
                    + "with \(Game.channelNames.count)")
        }
        traces = try container.decode([MinAtarTrace<Game>].self, forKey: .traces)
    }

    /// Decodes and checks a traces file from its bytes.
    public init(data: Data) throws(TraceFileError<MinAtarTraceFormat>) {
        do {
            self = try JSONDecoder().decode(Self.self, from: data)
        } catch {
            throw TraceFileError<MinAtarTraceFormat>(decoding: error, data: data)
        }
    }

    /// Replays every trace, in file order.
    public func replayAll() -> [MinAtarTraceReport] {
        traces.map { $0.replay() }
    }
}
