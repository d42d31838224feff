/// What a convolutional network sees in one frame: each of its rectified feature maps as a small tile in
/// shades, its index above it, tiles side by side in bands as many as the area holds, and a line under them
/// (when a row is spare, or some maps did not fit) with the scale and how many maps did not fit.
///
/// Every map is shaded on one scale, from 0 (blank: the ReLU cut it off) to the largest activation of all the
/// maps, so a map that barely responds looks faint beside one that responds strongly. In 256 colours with
/// Unicode a cell is an upper half block whose two colours are two pixels on a grey ramp, so an 8 × 8 map takes
/// 8 × 4 cells; otherwise a cell is one pixel, a shade glyph (`░▒▓█`, or ASCII `.:-=+*#%@`).
public struct FeatureMapGrid: Widget, Equatable, Sendable {
    /// The activations, map after map and row after row, each ≥ 0.
    public var values: [Double]
    public var count: Int
    public var height: Int
    public var width: Int
    /// Why there are no maps to draw (e.g. they are of another frame); drawn in their place.
    public var note: String?

    public init(values: [Double], count: Int, height: Int, width: Int, note: String? = nil) {
        precondition(values.count == count * height * width || (values.isEmpty && note != nil),
                     "\(values.count) activations for \(count) maps of \(height)×\(width)")
        self.values = values
        self.count = count
        self.height = height
        self.width = width
        self.note = note
    }

    /// The largest activation, the top of the shared scale (0 when every map is blank).
    public var maximum: Double { values.filter(\.isFinite).max().map { max($0, 0) } ?? 0 }

    /// The panel's title: the maps and their scale, which the legend line repeats when there is room for it.
    public var title: String {
        "\(count) conv maps, one scale 0…\(ValueLabel.compact(maximum))"
    }

    /// Whether a cell holds two pixels (grey half blocks) rather than one shade glyph.
    static func halfBlocks(_ theme: Theme) -> Bool {
        theme.charset == .unicode && theme.colorMode == .indexed256
    }

    /// How the tiles go in `area`: the tiles a band holds, the bands, and whether the legend line is drawn.
    /// The bands leave a row for the legend when some maps do not fit, since it says how many.
    func arrangement(in area: Rect, theme: Theme) -> (columns: Int, bands: Int, legend: Bool) {
        let tileRows = Self.halfBlocks(theme) ? (height + 1) / 2 : height
        let columns = max((area.width + 1) / (width + 1), 0)
        guard columns > 0 else { return (0, 0, area.height > 0) }
        let bandsNeeded = (count + columns - 1) / columns
        let fitting = area.height / (tileRows + 1)
        if fitting >= bandsNeeded {
            return (columns, bandsNeeded, area.height > bandsNeeded * (tileRows + 1))
        }
        return (columns, max((area.height - 1) / (tileRows + 1), 0), area.height > 0)
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        if let note {
            TextBlock([theme.glyphs.text(note)], style: theme.labelStyle).render(into: &surface, area: area, theme: theme)
            return
        }
        let half = Self.halfBlocks(theme)
        let tileRows = half ? (height + 1) / 2 : height
        let top = maximum
        let (columns, bands, legend) = arrangement(in: area, theme: theme)
        let shown = min(count, columns * bands)
        for map in 0..<shown {
            let x = area.x + (map % columns) * (width + 1)
            let y = area.y + (map / columns) * (tileRows + 1)
            surface.put(String(map), x: x, y: y, style: theme.labelStyle, clip: area)
            for row in 0..<tileRows {
                for column in 0..<width {
                    let cell = half ? halfBlock(map: map, row: row, column: column, maximum: top)
                        : glyph(value(map: map, y: row, x: column), maximum: top, theme: theme)
                    let position = Rect(x: x + column, y: y + 1 + row, width: 1, height: 1)
                    surface.fill(position.intersection(area), with: cell)
                }
            }
        }
        if legend {
            renderLegend(into: &surface, line: area.row(area.height - 1), hidden: count - shown, maximum: top,
                         theme: theme)
        }
    }

    /// `0 ░▒▓█ 2.31 for all maps`, and at the line's end how many maps did not fit.
    private func renderLegend<S: Surface>(into surface: inout S, line: Rect, hidden: Int, maximum: Double,
                                          theme: Theme) {
        var x = surface.put("0 ", x: line.x, y: line.y, style: theme.labelStyle, clip: line)
        if Self.halfBlocks(theme) {
            for step in 0..<8 {
                let level = Self.grey(Double(step + 1) / 8 * maximum, maximum: maximum)
                surface.fill(Rect(x: x + step, y: line.y, width: 1, height: 1).intersection(line),
                             with: Cell(" ", style: Style(background: level)))
            }
            x += 8
        } else {
            let ramp = theme.glyphs.shades.map(String.init).joined()
            x = surface.put(ramp, x: x, y: line.y, clip: line)
        }
        let more = hidden > 0 ? "\(hidden) more" : ""
        let room = line.maxX - x - (more.isEmpty ? 0 : more.count + 1)
        surface.put(theme.glyphs.truncate(" \(ValueLabel.compact(maximum)) for all maps", to: max(room, 0)), x: x,
                    y: line.y, style: theme.labelStyle, clip: line)
        surface.put(more, x: line.maxX - more.count, y: line.y, style: theme.titleStyle, clip: line)
    }

    private func value(map: Int, y: Int, x: Int) -> Double {
        values[(map * height + y) * width + x]
    }

    /// A pixel as a shade: blank at 0 (or below, or not finite), else one of the glyphs in equal steps up
    /// to the largest activation.
    private func glyph(_ value: Double, maximum: Double, theme: Theme) -> Cell {
        let shades = theme.glyphs.shades
        guard value.isFinite, value > 0, maximum > 0 else { return .blank }
        let level = min(Int(value / maximum * Double(shades.count)), shades.count - 1)
        return Cell(shades[level])
    }

    /// Rows `2·row` and `2·row + 1` of a map in one cell: the upper half block in the top pixel's grey on
    /// the bottom pixel's (black below an odd map's last row).
    private func halfBlock(map: Int, row: Int, column: Int, maximum: Double) -> Cell {
        let top = value(map: map, y: 2 * row, x: column)
        let bottom = 2 * row + 1 < height ? value(map: map, y: 2 * row + 1, x: column) : 0
        return Cell("▀", style: Style(foreground: Self.grey(top, maximum: maximum),
                                      background: Self.grey(bottom, maximum: maximum)))
    }

    /// The xterm grey for `value` on 0…`maximum`: 232 (near black) at 0 up to 255 (near white) at the top.
    static func grey(_ value: Double, maximum: Double) -> Color {
        guard value.isFinite, value > 0, maximum > 0 else { return .indexed(232) }
        return .indexed(232 + UInt8(min(value / maximum, 1) * 23))
    }
}
