extension MemorySurface {
    /// The surface as lines of text for a terminal or a file, trailing blanks removed: with `escapes`, each
    /// run of cells of one style starts with its SGR sequence (bold 1, dim 2, reverse 7; palette colours
    /// 0–7 as 30–37 / 40–47, 8–15 as 90–97 / 100–107, others as 38;5;n / 48;5;n), and a line that leaves
    /// the plain style ends with a reset; without, the characters alone.
    public func textLines(escapes: Bool) -> [String] {
        (0..<height).map { y in
            let row = cells[(y * width)..<((y + 1) * width)]
            let used = row.lastIndex { $0 != .blank }.map { row[row.startIndex...$0] } ?? row[row.startIndex..<row.startIndex]
            guard escapes else { return String(used.map(\.character)) }
            var line = ""
            var current = Style.plain
            for cell in used {
                if cell.style != current {
                    line += Self.sgr(cell.style)
                    current = cell.style
                }
                line.append(cell.character)
            }
            return current == .plain ? line : line + "\u{1B}[0m"
        }
    }

    static func sgr(_ style: Style) -> String {
        var codes = ["0"]
        if style.attributes.contains(.bold) { codes.append("1") }
        if style.attributes.contains(.dim) { codes.append("2") }
        if style.attributes.contains(.reverse) { codes.append("7") }
        if case .indexed(let index) = style.foreground { codes.append(code(index, base: 30, bright: 90, extended: 38)) }
        if case .indexed(let index) = style.background { codes.append(code(index, base: 40, bright: 100, extended: 48)) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    private static func code(_ index: UInt8, base: Int, bright: Int, extended: Int) -> String {
        switch index {
        case 0..<8: String(base + Int(index))
        case 8..<16: String(bright + Int(index) - 8)
        default: "\(extended);5;\(index)"
        }
    }
}
