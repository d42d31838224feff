/// Turns `ShareMessage`s into frames and frame bodies back into messages: the one encoder and decoder of the
/// protocol (`ShareProtocol` has the layout).
public enum ShareFrame {
    /// The whole frame for `message`: length prefix, version, kind and fields.
    public static func encode(_ message: ShareMessage) -> [UInt8] {
        var body = WireWriter(reservingCapacity: 4_096)
        body.uint16(ShareProtocol.version)
        body.byte(message.kind)
        switch message {
        case .welcome(let name, let control):
            body.string(name)
            body.bool(control)
        case .snapshot(let snapshot):
            body.snapshot(snapshot)
        case .ended(let reason), .refused(let reason):
            body.string(reason)
        case .command(let command):
            body.command(command)
        }
        var frame = WireWriter(reservingCapacity: ShareProtocol.lengthBytes + body.bytes.count)
        frame.count(body.bytes.count)
        return frame.bytes + body.bytes
    }

    /// The message in one frame body (the bytes after the length prefix). A frame of another protocol version
    /// is refused before anything else in it is read.
    public static func decode(body: [UInt8]) throws(ShareProtocolError) -> ShareMessage {
        guard body.count >= ShareProtocol.bodyHeaderBytes else { throw .emptyBody(length: body.count) }
        var reader = WireReader(body)
        let version = try reader.uint16()
        guard version == ShareProtocol.version else { throw .versionMismatch(peer: version, ours: ShareProtocol.version) }
        let message: ShareMessage
        switch try reader.byte() {
        case 1: message = .welcome(sessionName: try reader.string(), control: try reader.bool())
        case 2: message = .snapshot(try reader.snapshot())
        case 3: message = .ended(try reader.string())
        case 4: message = .refused(try reader.string())
        case 5: message = .command(try reader.command())
        case let kind: throw .unknownKind(kind)
        }
        try reader.finish()
        return message
    }
}
