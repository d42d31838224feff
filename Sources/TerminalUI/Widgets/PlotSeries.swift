/// One line of a plot: y values at x = 0, 1, 2, … (e.g. the return of each episode), its colour, and the
/// mark it is drawn with when braille is not available.
public struct PlotSeries: Hashable, Sendable {
    public var values: [Double]
    public var color: Color
    /// The ASCII stand-in for this series' braille dots (`*` for data, `.` for a moving average), so
    /// series stay distinguishable without colour.
    public var asciiMark: Character
    /// Attributes of its dots, e.g. dim for a confidence band's edges beside the bright curve.
    public var attributes: TextAttributes

    public init(_ values: [Double], color: Color = .terminalDefault, asciiMark: Character = "*",
                attributes: TextAttributes = []) {
        self.values = values
        self.color = color
        self.asciiMark = asciiMark
        self.attributes = attributes
    }

    /// The trailing moving average: mᵢ = (1/n) Σ_{j=i−n+1}^{i} x_j with n = min(window, i + 1), so the first
    /// points average what exists so far. Expects finite values.
    public static func movingAverage(_ values: [Double], window: Int) -> [Double] {
        let window = max(window, 1)
        var sum = 0.0
        return values.indices.map { index in
            sum += values[index]
            if index >= window { sum -= values[index - window] }
            return sum / Double(min(index + 1, window))
        }
    }
}
