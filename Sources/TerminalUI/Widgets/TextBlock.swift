/// Paragraphs of prose wrapped at word boundaries to the area's width, one paragraph after another; a
/// word longer than the width is cut across lines. Lines beyond the area's height are not drawn.
public struct TextBlock: Widget {
    public var paragraphs: [String]
    public var style: Style

    public init(_ paragraphs: [String], style: Style = .plain) {
        self.paragraphs = paragraphs
        self.style = style
    }

    /// `text` broken greedily into lines of at most `width` characters, at spaces where possible.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count <= width {
                line += " " + word
                continue
            }
            if !line.isEmpty { lines.append(line) }
            var rest = Substring(word)
            while rest.count > width {
                lines.append(String(rest.prefix(width)))
                rest = rest.dropFirst(width)
            }
            line = String(rest)
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        let lines = paragraphs.flatMap { Self.wrap($0, width: area.width) }
        for (index, line) in lines.prefix(max(area.height, 0)).enumerated() {
            surface.put(line, x: area.x, y: area.y + index, style: style, clip: area)
        }
    }
}
