/// The bit-flipping task: the current bits over the goal bits, each bit under its index, with the bits
/// that still differ highlighted and marked underneath, and how many differ.
///
/// Without colour the marks (an up arrow under each differing bit) carry the difference; with colour the current
/// bit is also drawn in the highlight colour. Bits are two columns apart when they fit, one otherwise;
/// when even that is too wide the rows wrap into blocks of as many bits as fit.
public struct BitFlipView: Widget {
    public var bits: [Bool]
    public var goal: [Bool]

    public init(bits: [Bool], goal: [Bool]) {
        self.bits = bits
        self.goal = goal
    }

    /// The indices where the state and the goal differ (a bit missing from either counts as differing).
    public var differences: [Int] {
        (0..<max(bits.count, goal.count)).filter { $0 >= bits.count || $0 >= goal.count || bits[$0] != goal[$0] }
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        let count = max(bits.count, goal.count)
        let labels = ["state ", "goal  "]
        let labelWidth = labels[0].count
        guard count > 0, area.width > labelWidth, area.height >= 1 else { return }
        let room = area.width - labelWidth
        let spacing = count * 2 - 1 <= room ? 2 : 1
        let perBlock = max((room + spacing - 1) / spacing, 1)
        let differing = Set(differences)
        let highlight = theme.colorMode == .none ? Style.bold : Style(foreground: theme.seriesColor(4), attributes: .bold)
        var y = area.y
        for start in stride(from: 0, to: count, by: perBlock) {
            let block = start..<min(start + perBlock, count)
            for (row, values) in [bits, goal].enumerated() {
                surface.put(labels[row], x: area.x, y: y, style: theme.labelStyle, clip: area)
                for index in block {
                    let text = index < values.count ? (values[index] ? "1" : "0") : " "
                    let style = row == 0 && differing.contains(index) ? highlight : .plain
                    surface.put(text, x: area.x + labelWidth + (index - start) * spacing, y: y, style: style, clip: area)
                }
                y += 1
            }
            for index in block where differing.contains(index) {
                surface.put(String(theme.glyphs.arrow(.up)), x: area.x + labelWidth + (index - start) * spacing, y: y,
                            style: highlight, clip: area)
            }
            y += 1
        }
        let summary = differing.isEmpty ? "goal reached" : "\(differing.count) of \(count) bits differ"
        surface.put(summary, x: area.x, y: y, style: theme.labelStyle, clip: area)
    }
}
