/// The map-file parser behind `GridMap.parse`: settings above a `map:` line, grid rows below it (or only
/// grid rows). Each check throws a `MapError` at the line and column of the offending text.
struct GridMapParser {
    let source: String

    /// A line of the file: its 1-based number and its characters.
    private struct Line {
        let number: Int
        let characters: [Character]

        var isBlank: Bool { characters.allSatisfy { $0 == " " || $0 == "\t" } }
    }

    func parse(_ bytes: [UInt8]) throws(MapError) -> GridMap {
        guard bytes.count <= GridMap.maxBytes else {
            throw error(1, 1, .fileTooLarge(bytes: bytes.count, limit: GridMap.maxBytes))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw error(1, 1, .utf16)
        }
        try validateUTF8(bytes)
        return try parse(String(decoding: bytes, as: UTF8.self))
    }

    func parse(_ text: String) throws(MapError) -> GridMap {
        let byteCount = text.utf8.count
        guard byteCount <= GridMap.maxBytes else {
            throw error(1, 1, .fileTooLarge(bytes: byteCount, limit: GridMap.maxBytes))
        }
        let body = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : Substring(text)
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: Self.isLineBreak).enumerated().map {
            Line(number: $0.offset + 1, characters: Array($0.element))
        }
        try rejectControlCharacters(lines)
        let mapLineIndex = lines.firstIndex { line in
            line.characters.count >= 4 && String(line.characters[0..<4]) == "map:"
                && line.characters[4...].allSatisfy { $0 == " " || $0 == "\t" }
        }
        var settings = GridSettings()
        let gridLines: ArraySlice<Line>
        if let mapLineIndex {
            settings = try parseSettings(lines[..<mapLineIndex])
            gridLines = lines[(mapLineIndex + 1)...]
            guard gridLines.contains(where: { !$0.isBlank }) else {
                throw error(lines[mapLineIndex].number, 1, .noGridBelowMapLine)
            }
        } else {
            gridLines = lines[...]
            if let settingLike = lines.first(where: { $0.characters.contains(":") }) {
                throw error(settingLike.number, 1, .settingWithoutMapLine)
            }
        }
        return try parseGrid(gridLines, settings: settings, hasMapLine: mapLineIndex != nil)
    }

    private func error(_ line: Int, _ column: Int, _ problem: MapError.Problem) -> MapError {
        MapError(source: source, line: line, column: column, problem: problem)
    }

    /// Finds the first byte sequence that is not UTF-8 and reports its line and column, counted over the
    /// valid text before it exactly as the lines of a valid file are counted.
    private func validateUTF8(_ bytes: [UInt8]) throws(MapError) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var validCount = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                validCount += encoded.count
            case .emptyInput:
                return
            case .error:
                let prefix = String(decoding: bytes[..<validCount], as: UTF8.self)
                let visible = prefix.hasPrefix("\u{FEFF}") ? prefix.dropFirst() : Substring(prefix)
                let lines = visible.split(omittingEmptySubsequences: false, whereSeparator: Self.isLineBreak)
                throw error(lines.count, (lines.last?.count ?? 0) + 1, .invalidUTF8)
            }
        }
    }

    /// The line breaks an editor shows: "\n", "\r\n" (one Character in Swift) and a lone "\r". Other
    /// characters Unicode counts as newlines (form feed, vertical tab, U+0085, U+2028, U+2029) would make the
    /// reported line numbers disagree with the editor's, so they are refused as control characters instead.
    static func isLineBreak(_ character: Character) -> Bool {
        character == "\n" || character == "\r\n" || character == "\r"
    }

    /// Rejects NUL and the other C0 and C1 control characters (tabs excepted) and the Unicode line and
    /// paragraph separators: the mark of a binary file, and invisible in an editor.
    private func rejectControlCharacters(_ lines: [Line]) throws(MapError) {
        for line in lines {
            for (offset, character) in line.characters.enumerated() {
                for scalar in character.unicodeScalars
                where (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
                    || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    throw error(line.number, offset + 1, .controlCharacter(scalar.value))
                }
            }
        }
    }

    private func parseSettings(_ lines: ArraySlice<Line>) throws(MapError) -> GridSettings {
        var settings = GridSettings()
        var firstLineOfKey: [String: Int] = [:]
        for line in lines {
            let characters = line.characters
            guard let keyStart = characters.firstIndex(where: { $0 != " " && $0 != "\t" }),
                characters[keyStart] != "#"
            else { continue }
            let colon = characters[keyStart...].firstIndex(of: ":")
            let key = colon.map { String(String(characters[keyStart..<$0]).trimmingSpaces) } ?? ""
            guard let colon, !key.isEmpty else {
                throw error(line.number, keyStart + 1, .notASetting)
            }
            guard GridSettings.keys.contains(key) else {
                throw error(line.number, keyStart + 1, .unknownSetting(key))
            }
            if let firstLine = firstLineOfKey[key] {
                throw error(line.number, keyStart + 1, .duplicateSetting(key, firstLine: firstLine))
            }
            firstLineOfKey[key] = line.number
            let afterColon = characters[(colon + 1)...]
            let valueStart = afterColon.firstIndex(where: { $0 != " " && $0 != "\t" }) ?? characters.count
            let value = String(String(afterColon).trimmingSpaces)
            do {
                try settings.assign(value, to: key)
            } catch {
                throw self.error(line.number, valueStart + 1, error)
            }
        }
        return settings
    }

    private func parseGrid(
        _ lines: ArraySlice<Line>, settings: GridSettings, hasMapLine: Bool
    ) throws(MapError) -> GridMap {
        guard let first = lines.firstIndex(where: { !$0.isBlank }), let last = lines.lastIndex(where: { !$0.isBlank })
        else {
            throw error(1, 1, .emptyMap)
        }
        let rowLines = lines[first...last]
        if rowLines.count > GridMap.maxRows {
            throw error(rowLines[first + GridMap.maxRows].number, 1, .tooManyRows(limit: GridMap.maxRows))
        }
        var cells: [GridCell] = []
        var width = 0
        var start: (index: Int, line: Int, column: Int)?
        for (rowIndex, line) in rowLines.enumerated() {
            var row = line.characters
            while let end = row.last, end == " " || end == "\t" { row.removeLast() }
            if rowIndex == 0 {
                if row.count > GridMap.maxColumns {
                    throw error(line.number, GridMap.maxColumns + 1, .tooManyColumns(limit: GridMap.maxColumns))
                }
                width = row.count
            } else if row.isEmpty {
                throw error(line.number, 1, .blankRowInGrid)
            }
            for (offset, character) in row.enumerated() {
                guard offset < width else {
                    throw error(line.number, width + 1, .raggedRow(found: row.count, expected: width))
                }
                guard let cell = GridCell(character: character) else {
                    let hint = !hasMapLine && row.first == "#" && offset > 0
                        ? "; comments and settings need a line 'map:' between them and the grid" : ""
                    throw error(line.number, offset + 1, .unknownCell(character, hint: hint))
                }
                if cell == .start {
                    if let start {
                        throw error(line.number, offset + 1, .secondStart(firstLine: start.line, firstColumn: start.column))
                    }
                    start = (cells.count, line.number, offset + 1)
                }
                cells.append(cell)
            }
            if row.count < width {
                throw error(line.number, row.count + 1, .raggedRow(found: row.count, expected: width))
            }
        }
        let firstRowLine = rowLines[first].number
        guard let start else { throw error(firstRowLine, 1, .noStart) }
        guard cells.contains(.goal) else { throw error(firstRowLine, 1, .noGoal) }
        return GridMap(
            source: source, rows: rowLines.count, cols: width, cells: cells, start: start.index, settings: settings)
    }
}
