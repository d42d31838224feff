/// Exit statuses from BSD's sysexits.h, the contract the README and scripts rely on.
enum ExitStatus: Int32 {
    case usage = 64
    case dataError = 65
    case noInput = 66
    case software = 70
    case ioError = 74
}

/// A failure to report as one line on stderr, ending the process with a sysexits status.
struct CommandFailure: Error {
    let message: String
    let status: ExitStatus

    init(_ message: String, status: ExitStatus) {
        self.message = message
        self.status = status
    }
}
