/// The explain panel: the last update written out with its numbers (e.g. the DQN target
/// `y = r + γ·max Q(s′,a′;θ⁻) = −1 + 0.99·(−3.20) = −4.17`) in a bordered panel, each line wrapped to the
/// width at spaces (continuations indented two columns so each line of the record stays recognisable),
/// in ASCII spelled out by `ASCIIText`. Lines that do not fit below the panel are left out.
public struct ExplainPanel: Widget {
    public var title: String
    public var lines: [String]

    public init(title: String = "Explain", lines: [String]) {
        self.title = title
        self.lines = lines
    }

    /// `lines` wrapped to `width`: each line broken at spaces, its continuations indented by two columns.
    public static func wrapped(_ lines: [String], width: Int) -> [String] {
        guard width > 2 else { return lines.flatMap { TextBlock.wrap($0, width: width) } }
        return lines.flatMap { line -> [String] in
            let first = TextBlock.wrap(line, width: width)
            guard first.count > 1 else { return first }
            let rest = TextBlock.wrap(first.dropFirst().joined(separator: " "), width: width - 2).map { "  " + $0 }
            return [first[0]] + rest
        }
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        Panel(title: title).render(into: &surface, area: area, theme: theme)
        let inner = Panel.inner(area).inset(horizontal: 1, vertical: 0)
        guard !inner.isEmpty else { return }
        let text = lines.isEmpty ? ["No update yet."] : lines.map(theme.glyphs.text)
        for (index, line) in Self.wrapped(text, width: inner.width).prefix(inner.height).enumerated() {
            surface.put(line, x: inner.x, y: inner.y + index, style: lines.isEmpty ? theme.labelStyle : .plain, clip: inner)
        }
    }
}
