/// One line of status: `left` text at the left edge and `right` text at the right edge, one space of margin
/// each side. When both do not fit, the left text is cut with an ellipsis; the right one (e.g. steps/s)
/// is only cut when it alone is too wide.
public struct StatusLine: Widget {
    public var left: String
    public var right: String
    public var style: Style

    public init(left: String, right: String = "", style: Style = .plain) {
        self.left = left
        self.right = right
        self.style = style
    }

    /// The exact text of the line for a given width and glyph table (`width` characters long).
    public func text(width: Int, glyphs: Glyphs) -> String {
        guard width > 0 else { return "" }
        let margin = width >= 3 ? 1 : 0
        let inner = width - 2 * margin
        let rightShown = glyphs.truncate(right, to: inner)
        let gap = rightShown.isEmpty ? 0 : 1
        let leftShown = glyphs.truncate(left, to: max(inner - rightShown.count - gap, 0))
        let padding = String(repeating: " ", count: inner - leftShown.count - rightShown.count)
        let edge = String(repeating: " ", count: margin)
        return edge + leftShown + padding + rightShown + edge
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        surface.put(text(width: area.width, glyphs: theme.glyphs), x: area.x, y: area.y, style: style, clip: area)
    }
}
