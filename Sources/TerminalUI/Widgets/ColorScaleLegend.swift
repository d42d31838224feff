/// The colour scale of a heatmap on one line: the range's low end, one swatch per level (the ramp's
/// colours, or the shade glyphs without colour; two cells each when there are fewer than eight levels),
/// then the high end, e.g. `-13.0 ░░▒▒▓▓██ 0.00`.
public struct ColorScaleLegend: Widget {
    public var range: ClosedRange<Double>

    public init(range: ClosedRange<Double>) {
        self.range = range
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let line = area.row(0)
        var x = surface.put("\(ValueLabel.compact(range.lowerBound)) ", x: line.x, y: line.y,
                            style: theme.labelStyle, clip: line)
        let levels = theme.ramp?.levels ?? theme.glyphs.shades.count
        let swatchWidth = levels < 8 ? 2 : 1
        for level in 0..<levels {
            let swatch = Rect(x: x, y: line.y, width: swatchWidth, height: 1).intersection(line)
            if let ramp = theme.ramp {
                surface.fill(swatch, with: Cell(" ", style: Style(background: ramp.backgrounds[level])))
            } else {
                surface.fill(swatch, with: Cell(theme.glyphs.shades[level]))
            }
            x += swatchWidth
        }
        surface.put(" \(ValueLabel.compact(range.upperBound))", x: x, y: line.y, style: theme.labelStyle, clip: line)
    }
}
