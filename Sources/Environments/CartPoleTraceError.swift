/// Why a CartPole traces file could not be read, with the place in the file where the problem is.
public enum CartPoleTraceError: Error, CustomStringConvertible, Equatable {
    /// The bytes are not valid JSON; the parser's explanation.
    case notJSON(String)
    /// The top-level `format` is missing (nil) or names a schema other than `CartPoleTraceFile.format`.
    case unsupportedFormat(String?)
    /// A value is missing, has the wrong type or contradicts another value. `location` is its path in the
    /// file with the trace's id, e.g. `traces[8] (id "random_seed4") steps[16].state_hex[2]`.
    case malformed(location: String, problem: String)

    public var description: String {
        switch self {
        case .notJSON(let reason):
            "not valid JSON: \(reason)"
        case .unsupportedFormat(nil):
            "no \"format\" key; expected \"format\": \"\(CartPoleTraceFile.format)\""
        case .unsupportedFormat(let format?):
            "format is \"\(format)\", expected \"\(CartPoleTraceFile.format)\""
        case .malformed(let location, let problem):
            "\(location): \(problem)"
        }
    }

    /// Translates a decoder error into a located one; `traceID` names the trace being decoded, if known.
    init(_ error: DecodingError, traceID: String?) {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            let reason = context.underlyingError.map { String(describing: $0) } ?? context.debugDescription
            self = .notJSON(reason)
        case .keyNotFound(let key, let context):
            self = .malformed(location: Self.location(context.codingPath, traceID: traceID), problem: "missing key \"\(key.stringValue)\"")
        case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            self = .malformed(location: Self.location(context.codingPath, traceID: traceID), problem: context.debugDescription)
        @unknown default:
            self = .malformed(location: "file", problem: String(describing: error))
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
