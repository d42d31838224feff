import Testing
import TerminalUI

@Suite("Braille plot: rasterisation and rendering")
struct BraillePlotTests {
    let rising = PlotSeries([0, 1, 2, 3])

    @Test("points map to dot rows by value and consecutive points are joined in the later column")
    func rasterizeRising() {
        let grid = BraillePlot.rasterize([0, 1, 2, 3], range: 0...3, columns: 4, rows: 2)
        #expect(grid.pattern == [
            "...#....",
            "...#....",
            "..#.....",
            "..#.....",
            "..#.....",
            ".#......",
            ".#......",
            "#.......",
        ])
        #expect(grid.dots(column: 0, row: 1) == 0x70)
    }

    @Test("a missing point breaks the line instead of joining across the gap")
    func rasterizeGap() {
        let grid = BraillePlot.rasterize([0, nil, 3], range: 0...3, columns: 2, rows: 1)
        #expect(grid.pattern == ["..#.", "....", "....", "#..."])
    }

    @Test("values outside the range are clamped to the plot's edges")
    func rasterizeClamp() {
        let grid = BraillePlot.rasterize([-10, -10, 10], range: 0...1, columns: 2, rows: 1)
        #expect(grid.pattern == ["..#.", "..#.", "..#.", "##.."])
    }

    @Test("long series are averaged into k = ceil(n / dot columns) samples per dot column")
    func compression() {
        #expect(BraillePlot.samplesPerDot(count: 8, dotColumns: 8) == 1)
        #expect(BraillePlot.samplesPerDot(count: 9, dotColumns: 4) == 3)
        #expect(BraillePlot.samplesPerDot(count: 0, dotColumns: 4) == 1)
        #expect(BraillePlot.bucketMeans([1, 2, 3, 4, 5], samplesPerDot: 2) == [1.5, 3.5, 5])
        #expect(BraillePlot.bucketMeans([1, .nan, .nan, .nan], samplesPerDot: 2) == [1, nil])
    }

    @Test("the moving average averages the last n samples, fewer at the start")
    func movingAverage() {
        #expect(PlotSeries.movingAverage([1, 2, 3, 4, 5], window: 2) == [1, 1.5, 2.5, 3.5, 4.5])
        #expect(PlotSeries.movingAverage([1, 2, 3, 4, 5], window: 3) == [1, 1.5, 2, 3, 4])
        #expect(PlotSeries.movingAverage([], window: 3).isEmpty)
    }

    @Test("a Unicode plot: y labels at top and bottom, braille cells, the x scale's ends below")
    func unicodePlot() {
        #expect(Rendering.lines(BraillePlot(series: [rising]), width: 9, height: 3, theme: Rendering.unicodeMono) == [
            "3.00  ⡜  ",
            "0.00 ⡰⠁  ",
            "     0  7",
        ])
    }

    @Test("an ASCII plot marks every cell a series passes through with the series' mark")
    func asciiPlot() {
        #expect(Rendering.lines(BraillePlot(series: [rising]), width: 9, height: 3, theme: Rendering.asciiMono) == [
            "3.00  *  ",
            "0.00 **  ",
            "     0  7",
        ])
    }

    @Test("markers draw a vertical line behind the data; the x label sits between the scale's ends")
    func markersAndLabel() {
        let plot = BraillePlot(series: [rising], markers: [PlotMarker(x: 5), PlotMarker(x: 100)], xLabel: "ep", firstX: 1)
        #expect(Rendering.lines(plot, width: 13, height: 3, theme: Rendering.unicodeMono) == [
            "3.00  ⡜│     ",
            "0.00 ⡰⠁│     ",
            "     1 ep  16",
        ])
        #expect(Rendering.lines(plot, width: 9, height: 3, theme: Rendering.asciiMono) == [
            "3.00  *| ",
            "0.00 **| ",
            "     1  8",
        ])
    }

    @Test("overlapping series keep each other's dots and the cell takes the later series' colour")
    func overlay() {
        let low = PlotSeries([0, 0], color: .blue), high = PlotSeries([3, 3], color: .yellow, asciiMark: "o")
        let plot = BraillePlot(series: [low, high], yRange: 0...3)
        let surface = Rendering.surface(plot, width: 6, height: 2, theme: Rendering.unicode8)
        #expect(surface.cell(x: 5, y: 0) == Cell("⣉", style: Style(foreground: .yellow)))
        #expect(Rendering.lines(plot, width: 6, height: 2, theme: Rendering.asciiMono)[0] == "3.00 o")
    }

    @Test("a compressed plot labels the x axis with the last sample its scale covers")
    func compressedAxis() {
        let plot = BraillePlot(series: [PlotSeries((0..<16).map(Double.init))])
        #expect(Rendering.lines(plot, width: 9, height: 3, theme: Rendering.asciiMono)[2] == "     0 15")
    }

    @Test("a plot drawn partly off the surface shows exactly the visible part of the full drawing")
    func clipping() {
        let plot = BraillePlot(series: [rising], markers: [PlotMarker(x: 5)], xLabel: "ep")
        let full = Rendering.lines(plot, width: 11, height: 3, theme: Rendering.unicodeMono)
        var clipped = MemorySurface(width: 7, height: 2)
        plot.render(into: &clipped, area: Rect(x: 0, y: 0, width: 11, height: 3), theme: Rendering.unicodeMono)
        #expect(clipped.lines == full.prefix(2).map { String($0.prefix(7)) })
    }

    @Test("an empty plot or a tiny area draws no data and does not fail")
    func degenerate() {
        #expect(Rendering.lines(BraillePlot(series: []), width: 9, height: 3, theme: Rendering.asciiMono) == [
            "1.00     ",
            "0.00     ",
            "     0  7",
        ])
        #expect(Rendering.lines(BraillePlot(series: [rising]), width: 3, height: 1, theme: Rendering.asciiMono) == ["   "])
    }
}
