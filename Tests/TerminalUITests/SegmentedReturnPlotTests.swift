import Testing
import TerminalUI

@Suite("Reward plot with segments, loss plot, log scale")
struct SegmentedReturnPlotTests {
    let plot = SegmentedReturnPlot(
        segments: [ReturnSegment(label: "VPG", returns: [0, 1, 2, 3]),
                   ReturnSegment(label: "DQN", returns: [0, 2, 4, 6, 8, 10], markers: [PlotMarker(x: 2, label: "γ .9")])],
        averageWindow: 2)

    @Test("earlier segments' averages come first, then the current returns and their average on top")
    func series() {
        let lines = plot.series(theme: Rendering.unicode256)
        #expect(lines.map(\.label) == ["VPG", "DQN", "avg2"])
        #expect(lines[0].series.values == [0, 0.5, 1.5, 2.5])
        #expect(lines[1].series.values == [0, 2, 4, 6, 8, 10])
        #expect(lines[2].series.values == [0, 1, 3, 5, 7, 9])
        #expect(lines.map(\.series.color) == [.indexed(214), .indexed(75), .indexed(231)])
        #expect(lines.map(\.series.asciiMark) == ["o", "*", "."])
        #expect(plot.currentAverage == 9)
    }

    @Test("only the most recent maxOverlaid earlier segments are overlaid")
    func overlayLimit() {
        let many = SegmentedReturnPlot(segments: (0..<5).map { ReturnSegment(label: "s\($0)", returns: [1]) }, maxOverlaid: 2)
        #expect(many.series(theme: Rendering.asciiMono).map(\.label) == ["s2", "s3", "s4", "avg100"])
    }

    @Test("legend on top, curves from episode 1 of each segment, the marker and its label at its episode")
    func rendering() {
        #expect(Rendering.lines(plot, width: 30, height: 6, theme: Rendering.unicode256) == [
            " ─ avg2  ─ DQN  ─ VPG         ",
            "10.0  │γ .9                   ",
            "      ⢠⡏                      ",
            "      ⣾                       ",
            "0.00 ⡸⠋                       ",
            "     1       episode        50",
        ])
        #expect(Rendering.lines(plot, width: 30, height: 6, theme: Rendering.asciiMono) == [
            " . avg2  * DQN  o VPG         ",
            "10.0  |gamma .9               ",
            "      *.                      ",
            "      .                       ",
            "0.00 ..                       ",
            "     1       episode        50",
        ])
    }

    @Test("a segment's first outlier episodes do not flatten the rest: the range follows later ones, ≤ marks the cut")
    func robustRange() {
        let returns = [-6_726_000.0, -324_000] + (0..<38).map { -20 + Double($0 % 10) }
        let outliers = SegmentedReturnPlot(segments: [ReturnSegment(label: "VPG", returns: returns)], averageWindow: 2)
        let range = SegmentedReturnPlot.robustRange(of: outliers.segments)
        #expect(abs((range?.lowerBound ?? 0) + 20.45) < 1e-9 && range?.upperBound == -11)
        // The first two episodes and the averages that still carry them sit on the bottom edge, marked <=.
        #expect(Rendering.lines(outliers, width: 30, height: 6, theme: Rendering.asciiMono) == [
            " . avg2  * VPG                ",
            "  -11.0     *..  *..  *..  *  ",
            "           .. . .. . .. . ..  ",
            "          ..  ...  ...  ...   ",
            "<=-20.4 ...   ..   ..   ..    ",
            "        1      episode      44",
        ])
        #expect(Rendering.lines(outliers, width: 30, height: 6, theme: Rendering.unicode256)[4].hasPrefix("≤-20.4 "))
        let ascending = [ReturnSegment(label: "DQN", returns: (0..<100).map(Double.init))]
        #expect(SegmentedReturnPlot.robustRange(of: ascending) == nil, "a learning curve is not clipped")
        let few = [ReturnSegment(label: "DQN", returns: Array(returns.prefix(19)))]
        #expect(SegmentedReturnPlot.robustRange(of: few) == nil)
        let dropped = [ReturnSegment(label: "VPG", returns: returns, firstEpisode: 5_001)]
        #expect(SegmentedReturnPlot.robustRange(of: dropped) == nil, "episodes after dropped ones are not first ones")
    }

    @Test("after the oldest episodes are dropped the x axis starts at the first kept episode's number")
    func droppedEpisodes() {
        let kept = SegmentedReturnPlot(
            segments: [ReturnSegment(label: "DQN", returns: [0, 1, 2, 3], firstEpisode: 5_001)])
        let axis = Rendering.lines(kept, width: 30, height: 6, theme: Rendering.asciiMono)[5]
        #expect(axis.hasPrefix("     5001 ") && axis.hasSuffix(" 5050"), "\(axis)")
    }

    @Test("without colour several curves keep apart through their marks, in UTF-8 too; one curve stays braille")
    func monoMarks() {
        let lines = Rendering.lines(plot, width: 30, height: 6, theme: Rendering.unicodeMono)
        #expect(lines[0] == " . avg2  * DQN  o VPG         ")
        #expect(lines[2...4] == ["      *.                      ", "      .                       ", "0.00 ..                       "])
        let single = BraillePlot(series: [PlotSeries([0, 1, 2, 3])])
        #expect(Rendering.lines(single, width: 9, height: 3, theme: Rendering.unicodeMono)[1] == "0.00 ⡰⠁  ")
        #expect(BraillePlot.drawsMarks(seriesCount: 2, theme: Rendering.unicodeMono))
        #expect(!BraillePlot.drawsMarks(seriesCount: 2, theme: Rendering.unicode8))
        #expect(BraillePlot.drawsMarks(seriesCount: 1, theme: Rendering.asciiMono))
    }

    @Test("legend keys carry each curve's colour")
    func legendColours() {
        let surface = Rendering.surface(plot, width: 30, height: 6, theme: Rendering.unicode256)
        #expect(surface.cell(x: 1, y: 0)?.style.foreground == .indexed(231))
        #expect(surface.cell(x: 9, y: 0)?.style.foreground == .indexed(75))
        #expect(surface.cell(x: 16, y: 0)?.style.foreground == .indexed(214))
    }

    @Test("before any episode the panel says so")
    func empty() {
        let none = SegmentedReturnPlot(segments: [ReturnSegment(label: "DQN", returns: [])])
        #expect(Rendering.lines(none, width: 30, height: 2, theme: Rendering.asciiMono)[0] == "No episode has finished yet.  ")
        #expect(none.currentAverage == nil)
    }

    @Test("loss and |TD error| share a log10 axis labelled in data units")
    func lossPlot() {
        let loss = LossPlot(losses: [100, 10, 1, 0.1, 0.01, 0.001], tdErrors: [50, 20, 5])
        #expect(Rendering.lines(loss, width: 30, height: 6, theme: Rendering.unicode256) == [
            " ─ loss  ─ |δ|   log scale    ",
            "   100 ⢳⡀                     ",
            "        ⢇                     ",
            "        ⠘⡄                    ",
            "1.0e-3   ⢱                    ",
            "       1       update       46",
        ])
        #expect(Rendering.lines(loss, width: 30, height: 6, theme: Rendering.asciiMono)[0] == " * loss  o |delta|   log scale")
        #expect(Rendering.lines(LossPlot(losses: []), width: 24, height: 2, theme: Rendering.asciiMono)[0]
            == "No update has run yet.  ")
    }

    @Test("on a log scale non-positive values drop out and a single value spans a decade each way")
    func logScale() {
        let plot = BraillePlot(series: [PlotSeries([0, -1, 10])], yScale: .log10)
        #expect(plot.effectiveRange == 1...100)
        #expect(plot.scaled(100) == 2)
        #expect(plot.scaled(0).isNaN)
        #expect(BraillePlot(series: [], yScale: .log10).effectiveRange == 1...10)
    }

    @Test("a plot five rows or taller labels its middle row with the value there")
    func middleLabel() {
        let lines = Rendering.lines(BraillePlot(series: [PlotSeries([0, 19])]), width: 12, height: 6, theme: Rendering.asciiMono)
        #expect(lines.map { String($0.prefix(5)) } == ["19.0 ", "     ", "9.50 ", "     ", "0.00 ", "     "])
    }

    @Test("magnitude labels switch to a mantissa and power of ten outside 0.01 … 10⁴")
    func magnitudeLabels() {
        let cases: [(Double, String)] = [(0.5, "0.50"), (0.001, "1.0e-3"), (0.000_25, "2.5e-4"), (123_456, "1.2e5"),
                                         (0.0099999, "1.0e-2"), (-0.002, "-2.0e-3"), (0, "0.00")]
        for (value, label) in cases {
            #expect(ValueLabel.magnitude(value) == label, "value \(value)")
        }
    }
}
