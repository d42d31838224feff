/// Exit statuses from BSD's sysexits.h, the contract the README and scripts rely on.
public enum ExitStatus: Int32, Sendable {
    case usage = 64
    case dataError = 65
    case noInput = 66
    case unavailable = 69
    case software = 70
    case ioError = 74
    case protocolError = 76
    case noPermission = 77
}

/// A failure to report as one line on stderr, ending the process with a sysexits status.
public struct CommandFailure: Error {
    public let message: String
    public let status: ExitStatus

    public init(_ message: String, status: ExitStatus) {
        self.message = message
        self.status = status
    }
}
