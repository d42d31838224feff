/// Why bytes from a peer could not be read as frames. Each one ends that peer's connection (never the
/// session); the description is what the log and the viewer's message say.
public enum ShareProtocolError: Error, Equatable, CustomStringConvertible {
    /// The peer speaks another version of the protocol.
    case versionMismatch(peer: UInt16, ours: UInt16)
    /// A frame's length prefix exceeds `ShareProtocol.maxFrameBytes`.
    case oversized(length: Int, limit: Int)
    /// The connection ended inside a frame.
    case truncated(received: Int, expected: Int)
    /// A body too short for its header.
    case emptyBody(length: Int)
    case unknownKind(UInt8)
    /// A field that cannot be what its kind says, at its byte offset in the body.
    case malformed(String, offset: Int)
    /// A message that is valid but not one this side accepts (a viewer sending a snapshot).
    case unexpected(String)

    public var description: String {
        switch self {
        case .versionMismatch(let peer, let ours):
            "the other side speaks rlterm share protocol version \(peer), this rlterm speaks version \(ours): "
                + "use the same rlterm on both sides"
        case .oversized(let length, let limit): "frame of \(length) bytes exceeds the limit of \(limit) bytes"
        case .truncated(let received, let expected):
            "connection ended inside a frame (\(received) of \(expected) bytes)"
        case .emptyBody(let length): "frame body of \(length) bytes is shorter than its 3-byte header"
        case .unknownKind(let kind): "unknown message kind \(kind)"
        case .malformed(let what, let offset): "malformed frame at body byte \(offset): \(what)"
        case .unexpected(let what): "unexpected message: \(what)"
        }
    }
}
