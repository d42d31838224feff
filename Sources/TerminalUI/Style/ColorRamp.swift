/// A sequential colour scale for heatmaps: values are binned into equal-width levels, each with a
/// background colour and a foreground that stays readable on it (for arrows and numbers).
public struct ColorRamp: Hashable, Sendable {
    /// Backgrounds from the lowest level to the highest.
    public let backgrounds: [Color]
    /// Foregrounds matching `backgrounds` (light on dark levels, dark on light ones).
    public let foregrounds: [Color]

    public var levels: Int { backgrounds.count }

    /// matplotlib's viridis sampled at ten evenly spaced points (#440154 … #fde725), each snapped to the
    /// nearest colour of the xterm 6×6×6 cube.
    public static let viridis256 = ColorRamp(
        backgrounds: [53, 54, 60, 24, 30, 36, 72, 77, 148, 220].map { Color.indexed($0) },
        foregrounds: Array(repeating: Color.indexed(231), count: 6) + Array(repeating: Color.indexed(16), count: 4)
    )

    /// The same idea in the eight basic colours: blue, cyan, green, yellow.
    public static let basic8 = ColorRamp(
        backgrounds: [.blue, .cyan, .green, .yellow],
        foregrounds: [.white, .black, .black, .black]
    )

    /// The level (0 ..< levels) of `value` in `range`: level = ⌊(value − lo) / (hi − lo) · levels⌋, the top
    /// value in the top level, values outside the range clamped to the ends. A range of one point puts
    /// every value in the middle level; NaN goes to level 0.
    public static func level(of value: Double, in range: ClosedRange<Double>, levels: Int) -> Int {
        guard levels > 1 else { return 0 }
        let span = range.upperBound - range.lowerBound
        guard span > 0 else { return (levels - 1) / 2 }
        let scaled = (value - range.lowerBound) / span * Double(levels)
        guard !scaled.isNaN else { return 0 }
        return Int(min(max(scaled, 0), Double(levels - 1)).rounded(.down))
    }
}
