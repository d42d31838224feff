/// The wire format between `rlterm watch --share` and `rlterm attach`, in one place.
///
/// Every frame is a 4-byte big-endian length of the body, then the body: a 2-byte big-endian protocol
/// version, a 1-byte `ShareMessage` kind and the message's fields (`WireWriter`). The length and the version
/// keep this layout in every version, so a peer of another version is always recognised and refused by name
/// rather than misread.
public enum ShareProtocol {
    /// Raised whenever the meaning of any byte after the version changes.
    /// 2: a snapshot ends with the agent's network in a few words.
    /// 3: a value inspection ends with the convolution's feature maps of the current state, when there are any.
    public static let version: UInt16 = 3
    /// The largest body either side accepts. A snapshot at the session's history limits (`SessionSettings`:
    /// 5,000 frames of two episodes, 32 segments of 5,000 returns, 2,000 loss points) with a 64 × 64 map's
    /// values stays under 4 MiB; anything larger is a broken or hostile peer.
    public static let maxFrameBytes = 8 << 20
    /// The length prefix, then the version and the kind at the start of the body.
    public static let lengthBytes = 4
    public static let bodyHeaderBytes = 3
}
