/// The key hints along the bottom, ` space pause  . step  q quit`: keys highlighted, two spaces between
/// entries. Entries that do not fit are left out whole, from the end, so no hint is ever half shown.
public struct KeyHintLine: Widget {
    public var hints: [KeyHint]

    public init(_ hints: [KeyHint]) {
        self.hints = hints
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        var x = area.x + 1
        for (index, hint) in hints.enumerated() {
            let start = index == 0 ? x : x + 2
            guard start + hint.key.count + 1 + hint.action.count <= area.maxX else { return }
            x = surface.put(hint.key, x: start, y: area.y, style: hint.keyStyle ?? theme.keyStyle, clip: area)
            x = surface.put(" \(hint.action)", x: x, y: area.y, style: theme.labelStyle, clip: area)
        }
    }
}
