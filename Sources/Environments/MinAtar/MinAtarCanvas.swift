/// What a MinAtar game draws on: 10 × 10 cells of `channels` flags, laid out [y][x][c] as MinAtar's bool
/// (10, 10, C) array (y down from the top row, x right from the left). It writes either the observation's
/// floats (1 where a channel is set) or the bits of a `MinAtarFrame`, so the frame the screen records at
/// every step is drawn straight into its bits, without a float buffer in between.
public struct MinAtarCanvas {
    /// Rows and columns of every game's grid.
    public static let size = 10
    public let channels: Int
    private let target: Target

    private enum Target {
        case observation(UnsafeMutableBufferPointer<Float>)
        case frame(UnsafeMutablePointer<MinAtarFrame>)
    }

    /// Clears `buffer` (which holds 10 · 10 · `channels` floats) and wraps it.
    public init(clearing buffer: UnsafeMutableBufferPointer<Float>, channels: Int) {
        precondition(buffer.count == Self.size * Self.size * channels, "a MinAtar observation has 10·10·C floats")
        buffer.update(repeating: 0)
        target = .observation(buffer)
        self.channels = channels
    }

    /// Draws into `frame` (which starts as it is: a new frame is empty).
    public init(frame: UnsafeMutablePointer<MinAtarFrame>) {
        target = .frame(frame)
        channels = frame.pointee.channels
    }

    /// The flat index of cell (y, x) of `channel`.
    public static func index(y: Int, x: Int, channel: Int, channels: Int) -> Int {
        (y * size + x) * channels + channel
    }

    /// Sets `channel` in cell (y, x).
    public func mark(y: Int, x: Int, channel: Int) {
        switch target {
        case .observation(let buffer): buffer[Self.index(y: y, x: x, channel: channel, channels: channels)] = 1
        case .frame(let frame): frame.pointee.set(y: y, x: x, channel: channel)
        }
    }
}
