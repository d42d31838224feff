/// One learning curve for `BandPlot`: a label and points (x, the curve's value, and its confidence band),
/// in ascending x. The curve exists from its first point to its last; nothing is drawn beyond them.
public struct BandCurve: Hashable, Sendable {
    public struct Point: Hashable, Sendable {
        public var x: Double
        public var value: Double
        public var low: Double
        public var high: Double

        public init(x: Double, value: Double, low: Double, high: Double) {
            self.x = x
            self.value = value
            self.low = low
            self.high = high
        }
    }

    public var label: String
    public var points: [Point]

    public init(label: String, points: [Point]) {
        self.label = label
        self.points = points
    }

    /// The curve's value, low and high edges at `x`, interpolated linearly between its points; nil outside them.
    public func sample(at x: Double) -> Point? {
        guard let first = points.first, let last = points.last, x >= first.x, x <= last.x else { return nil }
        guard let after = points.firstIndex(where: { $0.x >= x }) else { return nil }
        let right = points[after]
        guard after > 0, right.x > x else { return right }
        let left = points[after - 1]
        let fraction = (x - left.x) / (right.x - left.x)
        func between(_ a: Double, _ b: Double) -> Double { a + fraction * (b - a) }
        return Point(x: x, value: between(left.value, right.value), low: between(left.low, right.low),
                     high: between(left.high, right.high))
    }
}
