/// Cuts a byte stream from one peer into frame bodies as bytes arrive in pieces of any size. A length prefix
/// beyond `ShareProtocol.maxFrameBytes` is refused as soon as its four bytes are in, before any of the body
/// is buffered.
public struct FrameAssembler: Sendable {
    private var buffer: [UInt8] = []
    private var start = 0
    private let limit: Int

    public init(limit: Int = ShareProtocol.maxFrameBytes) {
        self.limit = limit
    }

    /// Adds bytes received from the peer.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        if start > 0, start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame body, or nil until more bytes arrive.
    public mutating func nextBody() throws(ShareProtocolError) -> [UInt8]? {
        let available = buffer.count - start
        guard let length = declaredLength else { return nil }
        guard length <= limit else { throw .oversized(length: length, limit: limit) }
        guard available >= ShareProtocol.lengthBytes + length else { return nil }
        let bodyStart = start + ShareProtocol.lengthBytes
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        start = bodyStart + length
        if start > 65_536, start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        return body
    }

    /// The next complete message, or nil until more bytes arrive.
    public mutating func nextMessage() throws(ShareProtocolError) -> ShareMessage? {
        try nextBody().map { body throws(ShareProtocolError) in try ShareFrame.decode(body: body) }
    }

    /// Called when the peer closed the connection: fails if it did so inside a frame.
    public func finish() throws(ShareProtocolError) {
        let available = buffer.count - start
        guard available > 0 else { return }
        throw .truncated(received: available, expected: ShareProtocol.lengthBytes + (declaredLength ?? 0))
    }

    /// The length prefix of the frame that starts the buffer, once its four bytes are in.
    private var declaredLength: Int? {
        guard buffer.count - start >= ShareProtocol.lengthBytes else { return nil }
        return buffer[start..<(start + ShareProtocol.lengthBytes)].reduce(0) { $0 << 8 | Int($1) }
    }
}
