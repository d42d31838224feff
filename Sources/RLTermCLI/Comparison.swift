import Analysis
import TerminalUI

/// The result of `rlterm plot` before it is printed: the groups' curves and what was left out.
struct Comparison {
    let curves: [GroupCurve]
    let warnings: [String]
    let threshold: Double?

    /// The plot, `width` × `height`, as lines (with escape sequences when `theme` has colour).
    func plot(width: Int, height: Int, theme: Theme) -> [String] {
        surface(width: width, height: height, theme: theme).textLines(escapes: theme.colorMode != .none)
    }

    /// The plot drawn into a `width` × `height` surface.
    func surface(width: Int, height: Int, theme: Theme) -> MemorySurface {
        let bands = curves.map { curve in
            BandCurve(label: "\(curve.label) (\(curve.runCount))", points: curve.points.map { point in
                BandCurve.Point(x: point.step, value: point.iqm, low: point.interval.lowerBound, high: point.interval.upperBound)
            })
        }
        var surface = MemorySurface(width: width, height: height)
        BandPlot(curves: bands).render(into: &surface, area: surface.bounds, theme: theme)
        return surface
    }

    var table: [String] { ComparisonTable.lines(curves, threshold: threshold) }
}
