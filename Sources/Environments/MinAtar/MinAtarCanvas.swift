/// The observation buffer a MinAtar game draws on: 10 × 10 cells of `channels` floats, 1 where a channel is set,
/// laid out [y][x][c] as MinAtar's bool (10, 10, C) array (y down from the top row, x right from the left).
public struct MinAtarCanvas {
    /// Rows and columns of every game's grid.
    public static let size = 10
    public let buffer: UnsafeMutableBufferPointer<Float>
    public let channels: Int

    /// Clears `buffer` (which holds 10 · 10 · `channels` floats) and wraps it.
    public init(clearing buffer: UnsafeMutableBufferPointer<Float>, channels: Int) {
        precondition(buffer.count == Self.size * Self.size * channels, "a MinAtar observation has 10·10·C floats")
        buffer.update(repeating: 0)
        self.buffer = buffer
        self.channels = channels
    }

    /// The flat index of cell (y, x) of `channel`.
    public static func index(y: Int, x: Int, channel: Int, channels: Int) -> Int {
        (y * size + x) * channels + channel
    }

    /// Sets `channel` in cell (y, x).
    public func mark(y: Int, x: Int, channel: Int) {
        buffer[Self.index(y: y, x: x, channel: channel, channels: channels)] = 1
    }
}
