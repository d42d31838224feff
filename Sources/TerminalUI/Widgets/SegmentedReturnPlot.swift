/// The reward plot of a session: the current segment's episode returns with their moving average, and
/// the moving averages of earlier segments overlaid, all against the episode index within their segment
/// so two algorithms' learning curves start together and compare on one chart. The x axis counts the
/// current segment's episodes as they were numbered, from its first kept one.
///
/// The y range is robust to a segment's first episodes (a first episode of millions of steps): it spans the
/// returns from each segment's second tenth on, widened by a twentieth each way, whenever the whole range is
/// more than twice as wide. Values beyond it (those episodes, and the averages that still carry them) are
/// drawn on the edge, and the edge's label says so (`≥`, `≤`).
public struct SegmentedReturnPlot: Widget {
    /// Oldest first; the last one is the segment under way.
    public var segments: [ReturnSegment]
    /// Episodes in each moving average.
    public var averageWindow: Int
    /// How many earlier segments are overlaid at most (the most recent ones).
    public var maxOverlaid: Int

    /// ASCII plot marks of earlier segments' curves, in order (the current ones are `*` and `.`).
    static let overlayMarks: [Character] = ["o", "+", "x", "%", "&"]

    public init(segments: [ReturnSegment], averageWindow: Int = 100, maxOverlaid: Int = 3) {
        self.segments = segments
        self.averageWindow = averageWindow
        self.maxOverlaid = maxOverlaid
    }

    /// The current segment's moving average at its last episode, nil before any episode finished.
    public var currentAverage: Double? {
        segments.last.flatMap { PlotSeries.movingAverage($0.returns, window: averageWindow).last }
    }

    /// The plot's series: earlier segments' averages (at most `maxOverlaid`, oldest first), then the
    /// current raw returns, then the current average drawn on top; paired with their legend labels.
    public func series(theme: Theme) -> [(series: PlotSeries, label: String)] {
        guard let current = segments.last else { return [] }
        let earlier = segments.dropLast().suffix(max(maxOverlaid, 0))
        var result: [(series: PlotSeries, label: String)] = earlier.enumerated().map { index, segment in
            (PlotSeries(PlotSeries.movingAverage(segment.returns, window: averageWindow), color: theme.seriesColor(index + 1),
                        asciiMark: Self.overlayMarks[index % Self.overlayMarks.count]),
             segment.label)
        }
        result.append((PlotSeries(current.returns, color: theme.seriesColor(0)), current.label))
        result.append((PlotSeries(PlotSeries.movingAverage(current.returns, window: averageWindow),
                                  color: theme.movingAverageColor, asciiMark: "."),
                       "avg\(averageWindow)"))
        return result
    }

    /// The y range when a segment's first episodes would flatten the rest, else nil (the data's min and max).
    /// Segments of fewer than 20 episodes, or whose first episodes were dropped, count whole; the range never
    /// reaches beyond the data.
    public static func robustRange(of segments: some Collection<ReturnSegment>) -> ClosedRange<Double>? {
        let all = segments.flatMap(\.returns).filter(\.isFinite)
        let later = segments.flatMap { segment in
            let skipped = segment.firstEpisode == 1 && segment.returns.count >= 20 ? segment.returns.count / 10 : 0
            return segment.returns.dropFirst(skipped).filter(\.isFinite)
        }
        guard let low = all.min(), let high = all.max(), let first = later.min(), let last = later.max(),
              high - low > 2 * (last - first) else { return nil }
        let margin = last > first ? (last - first) / 20 : max(abs(last) / 10, 1)
        return max(low, first - margin)...min(high, last + margin)
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let lines = series(theme: theme)
        guard segments.contains(where: { !$0.returns.isEmpty }) else {
            TextBlock(["No episode has finished yet."], style: theme.labelStyle).render(into: &surface, area: area, theme: theme)
            return
        }
        let (legend, plot) = area.splitRows(.first(area.height >= 4 ? 1 : 0))
        let hints = lines.map { line in
            BraillePlot.legendKey(for: line.series, label: theme.glyphs.text(line.label), seriesCount: lines.count,
                                  theme: theme)
        }
        KeyHintLine(hints.reversed()).render(into: &surface, area: legend, theme: theme)
        BraillePlot(series: lines.map(\.series), markers: segments.last?.markers ?? [], xLabel: "episode",
                    firstX: segments.last?.firstEpisode ?? 1,
                    yRange: Self.robustRange(of: segments.suffix(max(maxOverlaid, 0) + 1)))
            .render(into: &surface, area: plot, theme: theme)
    }
}
