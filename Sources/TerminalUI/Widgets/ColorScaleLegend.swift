/// The colour scale of a heatmap on one line: the range's low end, one swatch per level (the ramp's
/// colours, or the shade glyphs without colour; two cells each when there are fewer than eight levels),
/// then the high end, e.g. `-13.0 ░░▒▒▓▓██ 0.00`. The labels never overlap: huge ends print as 5.8e7
/// (`ValueLabel.compact`), swatches narrow to one cell and then drop levels when the line is short, and the
/// high end goes when the low end and one swatch are all that fit.
public struct ColorScaleLegend: Widget {
    public var range: ClosedRange<Double>

    public init(range: ClosedRange<Double>) {
        self.range = range
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let line = area.row(0)
        let low = "\(ValueLabel.compact(range.lowerBound)) ", high = " \(ValueLabel.compact(range.upperBound))"
        let levels = theme.ramp?.levels ?? theme.glyphs.shades.count
        let room = line.width - low.count - high.count
        let showsHigh = room >= 1
        let swatchWidth = levels < 8 && room >= 2 * levels ? 2 : 1
        // Levels that do not fit are dropped evenly, keeping the lowest and the highest.
        let shown = max(0, min(levels, (showsHigh ? room : line.width - low.count) / swatchWidth))
        var x = surface.put(low, x: line.x, y: line.y, style: theme.labelStyle, clip: line)
        for index in 0..<shown {
            let level = shown == 1 ? levels - 1 : index * (levels - 1) / (shown - 1)
            let swatch = Rect(x: x, y: line.y, width: swatchWidth, height: 1).intersection(line)
            if let ramp = theme.ramp {
                surface.fill(swatch, with: Cell(" ", style: Style(background: ramp.backgrounds[level])))
            } else {
                surface.fill(swatch, with: Cell(theme.glyphs.shades[level]))
            }
            x += swatchWidth
        }
        if showsHigh { surface.put(high, x: x, y: line.y, style: theme.labelStyle, clip: line) }
    }
}
