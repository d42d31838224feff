import Foundation

/// Why a traces file for `E` could not be read, with the place in the file where the problem is.
public enum TraceFileError<E: TraceSchema>: Error, CustomStringConvertible, Equatable {
    /// The bytes are not valid JSON: where the parser stopped (1-based line and column) and why.
    case notJSON(line: Int, column: Int, reason: String)
    /// The top-level `format` is missing (nil) or names a schema other than `E.traceFormat`.
    case unsupportedFormat(String?)
    /// A value is missing, has the wrong type or contradicts another value. `location` is its path in the
    /// file with the trace's id, e.g. `traces[8] (id "random_seed4") steps[16].state_hex[2]`.
    case malformed(location: String, problem: String)

    public var description: String {
        switch self {
        case .notJSON(let line, let column, let reason):
            "\(line):\(column): not valid JSON: \(reason)"
        case .unsupportedFormat(nil):
            "no \"format\" key; expected \"format\": \"\(E.traceFormat)\""
        case .unsupportedFormat(let format?):
            "format is \"\(format)\", expected \"\(E.traceFormat)\""
        case .malformed(let location, let problem):
            "\(location): \(problem)"
        }
    }

    /// What went wrong decoding a whole traces file from `data`, located: `error` as it is when it is already a
    /// `TraceFileError`, the syntax error's place when the bytes are not JSON, else the decoder's path.
    init(decoding error: any Error, data: Data) {
        switch error {
        case let error as TraceFileError:
            self = error
        case DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty:
            self = Self.syntaxError(in: data)
        case let error as DecodingError:
            self.init(error, traceID: nil)
        default:
            self = .malformed(location: "top level", problem: String(describing: error))
        }
    }

    /// Locates the syntax error in `data`. JSONDecoder does not say where it stopped; JSONSerialization
    /// reports "around character N" (a 0-based byte offset) or an unexpected end of the file.
    static func syntaxError(in data: Data) -> TraceFileError {
        var reason = "the JSON parser rejected the file"
        do {
            _ = try JSONSerialization.jsonObject(with: data)
        } catch {
            reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
        }
        var offset = data.count
        if let marker = reason.range(of: "character "), let index = Int(reason[marker.upperBound...].prefix { $0.isNumber }) {
            offset = min(index, data.count)
        }
        let before = data.prefix(offset)
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? before.startIndex
        let line = before.count { $0 == UInt8(ascii: "\n") } + 1
        return .notJSON(line: line, column: offset - lineStart + 1, reason: reason)
    }

    /// Translates a decoder error into a located one; `traceID` names the trace being decoded, if known.
    init(_ error: DecodingError, traceID: String?) {
        switch error {
        case .keyNotFound(let key, let context):
            self = .malformed(location: Self.location(context.codingPath, traceID: traceID), problem: "missing key \"\(key.stringValue)\"")
        case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            self = .malformed(location: Self.location(context.codingPath, traceID: traceID), problem: context.debugDescription)
        @unknown default:
            self = .malformed(location: "top level", problem: String(describing: error))
        }
    }

    /// Renders a coding path as `traces[3] (id "…") steps[16].state[2]`.
    static func location(_ codingPath: [any CodingKey], traceID: String?) -> String {
        guard !codingPath.isEmpty else { return "top level" }
        var text = ""
        var separator = ""
        for (position, key) in codingPath.enumerated() {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += separator + key.stringValue
            }
            separator = "."
            if position == 1, codingPath[0].stringValue == "traces", let traceID {
                text += " (id \"\(traceID)\")"
                separator = " "
            }
        }
        return text
    }
}
