import Sharing

extension CommandFailure {
    /// The exit status for each reason a session cannot be shared or attached to (sysexits: 66 no such
    /// session, 69 gone or refused, 76 another protocol version, 77 not allowed).
    public init(_ error: ShareError) {
        let status: ExitStatus = switch error {
        case .badName, .unknownGroup, .unknownUser, .pathTooLong, .ambiguous: .usage
        case .notFound: .noInput
        case .stale, .refused, .nameInUse, .ended: .unavailable
        case .permissionDenied: .noPermission
        case .protocolError: .protocolError
        case .unsafeDirectory, .system: .ioError
        }
        self.init(error.description, status: status)
    }
}
