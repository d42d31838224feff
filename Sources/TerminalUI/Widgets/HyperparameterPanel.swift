/// The hyperparameters of the run in a bordered panel, `↑↓ select ←→ edit` in its top border: one row
/// per parameter (`▸ γ  discount  0.990`), the selected one marked with `▸` (`>` in ASCII), those the
/// current algorithm does not use dimmed and noted `(unused by DQN)` where there is room, those it has that do
/// nothing now (`HyperparameterRow.isIdle`) dimmed and noted `(no effect)`, and the row
/// just edited (`flashed`) shown in reverse video for a moment so the change is seen at once. A value that
/// differs from the preset the run started from is followed by `*` (`d` restores it).
///
/// Symbols, meanings and values are columns as wide as their longest entry; meanings are cut first
/// when the panel is narrow. With more rows than fit, the list scrolls to keep the selected row in view
/// and arrows at the right edge say more rows lie above or below. `network`, when given, heads the list on a
/// line of its own (which network the agent learns: `Q = MLP 4 → 64 → 64 → 2`), cut to the panel's width.
public struct HyperparameterPanel: Widget {
    public var rows: [HyperparameterRow]
    public var selected: Int?
    public var flashed: Int?
    /// The current algorithm's name, for the note on unused rows.
    public var algorithm: String
    /// The agent's networks in a few words, or nil.
    public var network: String?

    public init(rows: [HyperparameterRow], selected: Int? = nil, flashed: Int? = nil, algorithm: String,
                network: String? = nil) {
        self.rows = rows
        self.selected = selected
        self.flashed = flashed
        self.algorithm = algorithm
        self.network = network
    }

    /// The notes on unused and on idle rows when the long one does not fit, and the fewest meaning columns kept
    /// for them.
    private static let shortNote = "(unused)"
    private static let idleNote = "(no effect)"
    private static let minimumMeaning = 10

    /// The hint in the top border, e.g. `↑↓ select ←→ edit` (`^v select <> edit` in ASCII).
    public static func hint(glyphs: Glyphs) -> String {
        "\(glyphs.arrow(.up))\(glyphs.arrow(.down)) select \(glyphs.arrow(.left))\(glyphs.arrow(.right)) edit"
    }

    /// The first row shown when `visible` rows fit: the selected row kept in view, near the middle.
    public func firstVisible(visible: Int) -> Int {
        GridView.firstVisible(count: rows.count, visible: visible, focus: selected ?? 0)
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        Panel(title: "Hyperparameters", trailingTitle: Self.hint(glyphs: theme.glyphs))
            .render(into: &surface, area: area, theme: theme)
        var inner = Panel.inner(area).inset(horizontal: 1, vertical: 0)
        let glyphs = theme.glyphs
        // The network's line only when a row still fits below it: the rows are what the panel is for.
        if let network, inner.height >= 2 {
            surface.put(glyphs.truncate(glyphs.text(network), to: inner.width), x: inner.x, y: inner.y,
                        style: theme.labelStyle, clip: inner)
            inner = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        }
        guard !inner.isEmpty, !rows.isEmpty else { return }
        let scrolls = rows.count > inner.height
        let list = scrolls ? inner.splitColumns(.last(1)).left : inner
        let first = firstVisible(visible: inner.height)
        let symbols = rows.map { glyphs.text($0.symbol) }
        let symbolWidth = symbols.map(\.count).max() ?? 0
        let valueWidth = rows.map(\.value.count).max() ?? 0
        // Unused rows say so: meanings give up room for the short note while they keep `minimumMeaning`.
        // A column for the `*` of values that differ from the preset, when any does.
        let markWidth = rows.contains(where: \.differsFromPreset) ? 1 : 0
        let room = max(list.width - 2 - symbolWidth - 2 - 1 - valueWidth - markWidth, 0)
        let note = rows.filter { !$0.isActive }
            .map { $0.isIdle ? Self.idleNote.count : Self.shortNote.count }.max() ?? 0
        let noteRoom = note > 0 && room - note - 1 >= Self.minimumMeaning ? note + 1 : 0
        let meaningWidth = min(rows.map(\.meaning.count).max() ?? 0, room - noteRoom)
        let marker = theme.charset == .unicode ? "▸" : ">"

        for (line, index) in (first..<min(first + inner.height, rows.count)).enumerated() {
            let row = rows[index], y = list.y + line
            let style = row.isActive ? Style.plain : theme.labelStyle.with(.dim)
            var x = list.x
            if index == selected {
                surface.put(marker, x: x, y: y, style: theme.keyStyle, clip: list)
            }
            x += 2
            surface.put(symbols[index], x: x, y: y, style: row.isActive ? .bold : style, clip: list)
            x += symbolWidth + 2
            if meaningWidth > 0 {
                surface.put(glyphs.truncate(row.meaning, to: meaningWidth), x: x, y: y, style: style, clip: list)
                x += meaningWidth + 1
            }
            let valueStyle = index == flashed ? style.with([.bold, .reverse]) : style
            surface.put(row.value, x: x, y: y, style: valueStyle, clip: list)
            if row.differsFromPreset {
                surface.put("*", x: x + row.value.count, y: y, style: theme.keyStyle, clip: list)
            }
            x += valueWidth + markWidth + 1
            let notes = row.isIdle ? [Self.idleNote, "(idle)"]
                : ["(unused by \(glyphs.text(algorithm)))", Self.shortNote]
            if !row.isActive, let note = notes.first(where: { x + $0.count <= list.maxX }) {
                surface.put(note, x: x, y: y, style: style, clip: list)
            }
        }
        if scrolls {
            let edge = inner.maxX - 1
            if first > 0 { surface.put(String(glyphs.arrow(.up)), x: edge, y: inner.y, style: theme.labelStyle, clip: inner) }
            if first + inner.height < rows.count {
                surface.put(String(glyphs.arrow(.down)), x: edge, y: inner.maxY - 1, style: theme.labelStyle, clip: inner)
            }
        }
    }
}
