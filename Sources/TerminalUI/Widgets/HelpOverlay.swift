import Foundation

/// The help overlay (`?`): a bordered box centred over the screen listing every key of the key map under
/// its group (Run, Learn, View), each action by the first key bound to it. The groups sit side by side
/// in as many columns as the width allows (three, two, or one), filled in order and balanced by height;
/// the box clears what is behind it and never leaves the area it is given.
public struct HelpOverlay: Widget {
    public var keyMap: KeyMap

    public init(keyMap: KeyMap = .standard) {
        self.keyMap = keyMap
    }

    /// Columns between groups, and the width of the key column.
    private static let gap = 3
    private static let keyWidth = 5

    /// The lines of each group: its title, then `key  what it does` per action.
    public func groups(glyphs: Glyphs) -> [[String]] {
        KeyGroup.allCases.map { group in
            [group.title] + UIAction.allCases.filter { $0.group == group && $0.isListed }.compactMap { action in
                keyMap.keyLabel(for: action, glyphs: glyphs).map { key in
                    key.padding(toLength: Self.keyWidth, withPad: " ", startingAt: 0) + " " + action.summary
                }
            }
        }
    }

    /// The groups arranged in `count` columns: filled in order, moving to the next column when a group
    /// would make the current one taller than ⌈total / count⌉ lines (groups separated by a blank line).
    public static func columns(_ groups: [[String]], count: Int) -> [[String]] {
        let total = groups.map(\.count).reduce(0, +) + max(groups.count - 1, 0)
        let target = (total + max(count, 1) - 1) / max(count, 1)
        var columns: [[String]] = [[]]
        for group in groups {
            if let last = columns.last, !last.isEmpty, last.count + 1 + group.count > target, columns.count < count {
                columns.append([])
            }
            columns[columns.count - 1] += (columns[columns.count - 1].isEmpty ? [] : [""]) + group
        }
        return columns
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        let groups = groups(glyphs: theme.glyphs)
        let columnWidth = groups.joined().map(\.count).max() ?? 0
        let footer = "press ? or Esc to close"
        let arrangement = (1...3).reversed().lazy
            .map { Self.columns(groups, count: $0) }
            .first { $0.count * columnWidth + ($0.count - 1) * Self.gap + 4 <= area.width }
            ?? Self.columns(groups, count: 1)
        let contentWidth = max(arrangement.count * columnWidth + (arrangement.count - 1) * Self.gap, footer.count)
        let contentHeight = (arrangement.map(\.count).max() ?? 0) + 2
        let width = min(contentWidth + 4, area.width), height = min(contentHeight + 2, area.height)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width,
                       height: height)
        surface.fill(box)
        Panel(title: "Keys").render(into: &surface, area: box, theme: theme)
        let inner = Panel.inner(box).inset(horizontal: 1, vertical: 0)
        for (index, column) in arrangement.enumerated() {
            let x = inner.x + index * (columnWidth + Self.gap)
            for (row, line) in column.enumerated() {
                if KeyGroup.allCases.contains(where: { $0.title == line }) {
                    surface.put(line, x: x, y: inner.y + row, style: theme.titleStyle, clip: inner)
                } else {
                    surface.put(line.prefix(Self.keyWidth), x: x, y: inner.y + row, style: theme.keyStyle, clip: inner)
                    surface.put(line.dropFirst(Self.keyWidth), x: x + Self.keyWidth, y: inner.y + row,
                                style: theme.labelStyle, clip: inner)
                }
            }
        }
        surface.put(footer, x: inner.x + (inner.width - footer.count) / 2, y: inner.y + contentHeight - 1,
                    style: theme.labelStyle, clip: inner)
    }
}
