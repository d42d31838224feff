/// The agent's number for each action in one state, each beside its action's name, the best one marked
/// (`▸`, `>` in ASCII) and bold: the figures behind the bars beside a MinAtar board, which carry none.
/// One action a line when the rows allow, else in as many columns as it takes; a note, when given, takes the
/// rows under them that the actions can spare.
public struct ActionValueList: Widget, Equatable, Sendable {
    public var names: [String]
    /// One per name.
    public var values: [Double]
    /// A sentence about the network behind the numbers, wrapped under them.
    public var note: String?

    public init(names: [String], values: [Double], note: String? = nil) {
        self.names = names
        self.values = values
        self.note = note
    }

    /// The first of the largest values (as the agents break ties), nil without a finite one.
    public var best: Int? {
        values.indices.filter { values[$0].isFinite }.max { values[$0] < values[$1] }
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        guard !values.isEmpty else {
            surface.put(theme.glyphs.truncate("none yet", to: area.width), x: area.x, y: area.y, style: theme.labelStyle,
                        clip: area)
            return
        }
        let nameWidth = names.map(\.count).max() ?? 0
        let numbers = values.map(ValueLabel.compact)
        let numberWidth = numbers.map(\.count).max() ?? 0
        let entryWidth = 2 + nameWidth + 1 + numberWidth
        let columnsThatFit = max(1, (area.width + 2) / (entryWidth + 2))
        let fewestRows = min((values.count + columnsThatFit - 1) / columnsThatFit, area.height)
        var noteLines = note.map { TextBlock.wrap(theme.glyphs.text($0), width: area.width) } ?? []
        // As few columns as the rows the note leaves allow, the actions spread evenly over them.
        let available = max(area.height - noteLines.count, fewestRows, 1)
        let columns = (values.count + available - 1) / available
        let rows = (values.count + columns - 1) / columns
        let noteRows = area.height - rows
        if noteLines.count > noteRows, noteRows > 0 {
            let rest = noteLines.dropFirst(noteRows - 1).joined(separator: " ")
            noteLines = Array(noteLines.prefix(noteRows - 1)) + [theme.glyphs.truncate(rest, to: area.width)]
        }
        for (index, line) in noteLines.prefix(max(noteRows, 0)).enumerated() {
            surface.put(line, x: area.x, y: area.y + rows + index, style: theme.labelStyle, clip: area)
        }
        let marker = theme.charset == .unicode ? "▸" : ">"
        let best = self.best
        for (index, number) in numbers.enumerated() {
            let (column, row) = (index / rows, index % rows)
            let x = area.x + column * (entryWidth + 2), y = area.y + row
            let isBest = index == best
            let name = names[safe: index] ?? ""
            let padded = String(repeating: " ", count: numberWidth - number.count) + number
            let gap = String(repeating: " ", count: nameWidth - name.count + 1)
            surface.put((isBest ? marker : " ") + " " + name + gap + padded, x: x, y: y,
                        style: isBest ? theme.titleStyle : .plain, clip: area)
        }
    }
}
