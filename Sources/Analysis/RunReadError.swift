/// Why a run (a monitor file or its `run.json`) could not be read, with where: `file:line` for a row of a
/// CSV file, the path alone for a whole file.
public struct RunReadError: Error, Equatable, Sendable, CustomStringConvertible {
    public let location: String
    public let reason: String

    public init(location: String, reason: String) {
        self.location = location
        self.reason = reason
    }

    public init(path: String, line: Int, reason: String) {
        self.init(location: "\(path):\(line)", reason: reason)
    }

    public var description: String { "\(location): \(reason)" }
}
