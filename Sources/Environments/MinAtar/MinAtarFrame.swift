/// One MinAtar observation packed one bit a cell and channel, for the frames a viewer steps through: the
/// recorder keeps one per step, so its bits are a fixed 128 bytes held inline (no heap, nothing to free),
/// where the observation itself is 10 · 10 · C floats. A game draws it through `MinAtarCanvas(frame:)`.
///
/// Bit (y · 10 + x) · channels + c stands for channel c of cell (y, x), as the observation's [y][x][c] layout.
public struct MinAtarFrame: Sendable, Equatable {
    /// The most channels a game has (Seaquest's 10): 1,000 bits, within the 1,024 held.
    public static let maximumChannels = 10
    public let channels: Int
    /// The bits, 64 to a word; past 100 · `channels` they stay 0.
    public private(set) var words = SIMD16<UInt64>()

    /// A frame with nothing set.
    public init(channels: Int) {
        precondition((1...Self.maximumChannels).contains(channels), "a MinAtar game has 1…10 channels")
        self.channels = channels
    }

    /// The frame made of `words` as a share frame carries them; nil when a bit past the channels is set.
    public init?(channels: Int, words: SIMD16<UInt64>) {
        guard (1...Self.maximumChannels).contains(channels) else { return nil }
        self.channels = channels
        self.words = words
        let used = MinAtarCanvas.size * MinAtarCanvas.size * channels
        for bit in used..<(words.scalarCount * 64) where isSet(bit: bit) { return nil }
    }

    public func isSet(y: Int, x: Int, channel: Int) -> Bool {
        isSet(bit: MinAtarCanvas.index(y: y, x: x, channel: channel, channels: channels))
    }

    public mutating func set(y: Int, x: Int, channel: Int) {
        let bit = MinAtarCanvas.index(y: y, x: x, channel: channel, channels: channels)
        words[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// The highest channel set in cell (y, x), nil for an empty cell: what MinAtar's own display colours the
    /// cell by, so a ball over its trail shows as the ball.
    public func topChannel(y: Int, x: Int) -> Int? {
        (0..<channels).last { isSet(y: y, x: x, channel: $0) }
    }

    private func isSet(bit: Int) -> Bool {
        words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }
}
