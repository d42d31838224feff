/// What the screen shows when the window is below the size the layout needs: the size it needs (first, so
/// even a one-line window shows it), the current size, and that it carries on once resized; lines
/// centred, cut to the width.
public struct TooSmallNotice: Widget {
    public var minimumWidth: Int
    public var minimumHeight: Int

    public init(minimumWidth: Int = ScreenLayout.minimumWidth, minimumHeight: Int = ScreenLayout.minimumHeight) {
        self.minimumWidth = minimumWidth
        self.minimumHeight = minimumHeight
    }

    /// The notice's lines for a window of `width` × `height` (most important first).
    public func lines(width: Int, height: Int, glyphs: Glyphs) -> [String] {
        ["rlterm needs \(minimumWidth)\(glyphs.times)\(minimumHeight)",
         "this window is \(width)\(glyphs.times)\(height)",
         "enlarge it to continue"]
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        let shown = lines(width: area.width, height: area.height, glyphs: theme.glyphs).prefix(area.height)
        let top = area.y + (area.height - shown.count) / 2
        for (index, line) in shown.enumerated() {
            let text = theme.glyphs.truncate(line, to: area.width)
            surface.put(text, x: area.x + (area.width - text.count) / 2, y: top + index,
                        style: index == 0 ? theme.titleStyle : .plain, clip: area)
        }
    }
}
