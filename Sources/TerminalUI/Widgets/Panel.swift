/// A box with a title in its top border, e.g. `┌ Episode return ──── avg100 -13.0 ┐`; widgets then draw
/// into `Panel.inner(area)`. A trailing title (a figure, a key hint) sits at the right of the top border
/// and is the first thing dropped when the box is too narrow; the title is cut with an ellipsis.
public struct Panel: Widget {
    public var title: String
    public var trailingTitle: String

    public init(title: String, trailingTitle: String = "") {
        self.title = title
        self.trailingTitle = trailingTitle
    }

    /// The area inside the border.
    public static func inner(_ area: Rect) -> Rect {
        area.inset(by: 1)
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        guard area.width >= 2, area.height >= 2 else { return }
        let glyphs = theme.glyphs, border = theme.borderStyle
        let (left, right, top, bottom) = (area.x, area.maxX - 1, area.y, area.maxY - 1)
        for x in (left + 1)..<right {
            surface.set(Cell(glyphs.horizontal, style: border), x: x, y: top)
            surface.set(Cell(glyphs.horizontal, style: border), x: x, y: bottom)
        }
        for y in (top + 1)..<bottom {
            surface.set(Cell(glyphs.vertical, style: border), x: left, y: y)
            surface.set(Cell(glyphs.vertical, style: border), x: right, y: y)
        }
        surface.set(Cell(glyphs.topLeft, style: border), x: left, y: top)
        surface.set(Cell(glyphs.topRight, style: border), x: right, y: top)
        surface.set(Cell(glyphs.bottomLeft, style: border), x: left, y: bottom)
        surface.set(Cell(glyphs.bottomRight, style: border), x: right, y: bottom)

        // Each title is padded by one space on both sides; at least one rule cell stays between them.
        let room = area.width - 2
        guard !title.isEmpty, room >= 3 else { return }
        let shown = glyphs.truncate(title, to: room - 2)
        surface.put(" \(shown) ", x: left + 1, y: top, style: theme.titleStyle)
        let used = shown.count + 2
        if !trailingTitle.isEmpty, used + 1 + trailingTitle.count + 2 <= room {
            surface.put(" \(trailingTitle) ", x: right - trailingTitle.count - 2, y: top, style: theme.labelStyle)
        }
    }
}
