/// Why a map file was rejected, and where: `description` reads `file:line:col: what is wrong`, the form
/// editors and terminals recognise, so a teacher can jump straight to the mistake.
///
/// Lines and columns count from 1; a column counts characters, not bytes.
public struct MapError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name (or other label) the map was read from.
    public let source: String
    public let line: Int
    public let column: Int
    public let problem: Problem

    public init(source: String, line: Int, column: Int, problem: Problem) {
        self.source = source
        self.line = line
        self.column = column
        self.problem = problem
    }

    public var description: String { "\(source):\(line):\(column): \(problem)" }

    /// What is wrong, without the location.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The file is over `GridMap.maxBytes` (reported at 1:1, before decoding).
        case fileTooLarge(bytes: Int, limit: Int)
        /// The bytes at the location are not UTF-8.
        case invalidUTF8
        /// The file starts with a UTF-16 byte-order mark (as some editors save "Unicode" text).
        case utf16
        /// A NUL or other control character (its code point); tabs and line breaks are allowed.
        case controlCharacter(UInt32)
        /// There are no grid rows at all.
        case emptyMap
        /// A `map:` line with only blank lines after it (reported at the `map:` line).
        case noGridBelowMapLine
        /// A `key: value` line in a file without a `map:` line.
        case settingWithoutMapLine
        /// A line above `map:` that is no setting, comment or blank line.
        case notASetting
        /// A key that `GridSettings.keys` does not list (reported at the key).
        case unknownSetting(String)
        /// A key given a second time (reported at the second).
        case duplicateSetting(String, firstLine: Int)
        /// A value the key does not accept (reported at the value); `expected` says what would do.
        case badValue(key: String, value: String, expected: String)
        /// A character that is no cell; `hint` is empty or a suggestion starting with "; ".
        case unknownCell(Character, hint: String)
        /// An empty line between grid rows.
        case blankRowInGrid
        /// A row of another length than the first (reported at its first missing or extra cell).
        case raggedRow(found: Int, expected: Int)
        /// More than `GridMap.maxRows` rows (reported at the first row too many).
        case tooManyRows(limit: Int)
        /// More than `GridMap.maxColumns` cells in the first row (reported at the first cell too many).
        case tooManyColumns(limit: Int)
        /// No `S` (reported at the first grid row).
        case noStart
        /// A second `S` (reported there; the first one's place is given).
        case secondStart(firstLine: Int, firstColumn: Int)
        /// No `G` (reported at the first grid row).
        case noGoal

        public var description: String {
            switch self {
            case let .fileTooLarge(bytes, limit):
                "the file has \(bytes) bytes; a map file may have at most \(limit)"
            case .invalidUTF8:
                "not valid UTF-8 text (is this a binary file?)"
            case .utf16:
                "the file is UTF-16 text; save the map as UTF-8"
            case let .controlCharacter(value):
                "control character \(codePoint(value)) is not allowed in a map (is this a binary file?)"
            case .emptyMap:
                "empty map: there are no grid rows"
            case .noGridBelowMapLine:
                "'map:' must be followed by the grid rows, but nothing follows it"
            case .settingWithoutMapLine:
                "this looks like a setting, but settings need a line 'map:' below them and above the grid"
            case .notASetting:
                "expected a setting 'key: value', a comment starting with '#', a blank line, or 'map:'"
            case let .unknownSetting(key):
                "unknown setting '\(key)' (known: \(GridSettings.keys.joined(separator: ", ")))"
            case let .duplicateSetting(key, firstLine):
                "setting '\(key)' is given twice (first on line \(firstLine))"
            case let .badValue(key, value, expected):
                "bad value '\(value)' for \(key): expected \(expected)"
                    + (value.contains("#") ? " (comments go on a line of their own)" : "")
            case let .unknownCell(character, hint):
                "unknown cell character \(shown(character)) (expected one of \(GridCell.validCharacters))\(hint)"
            case .blankRowInGrid:
                "blank line inside the grid: the rows must form one block"
            case let .raggedRow(found, expected):
                "this row has \(found) cells but the first row has \(expected); all rows must be equally long"
            case let .tooManyRows(limit):
                "too many rows: a map may have at most \(limit)"
            case let .tooManyColumns(limit):
                "too many columns: a map may have at most \(limit)"
            case .noStart:
                "no start cell 'S' in the grid; a map needs exactly one"
            case let .secondStart(firstLine, firstColumn):
                "a second start cell 'S' (the first is at \(firstLine):\(firstColumn)); a map needs exactly one"
            case .noGoal:
                "no goal cell 'G' in the grid; a map needs at least one"
            }
        }

        private func codePoint(_ value: UInt32) -> String {
            let digits = String(value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }

        /// The character in quotes, or as code points when quoting would show nothing readable (a tab, a
        /// zero-width or other format character, a combining mark with nothing to sit on).
        private func shown(_ character: Character) -> String {
            let invisible = character.unicodeScalars.contains { scalar in
                switch scalar.properties.generalCategory {
                case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator: scalar != " "
                default: false
                }
            } || character.unicodeScalars.first?.properties.isGraphemeExtend == true
            guard invisible else { return "'\(character)'" }
            return character.unicodeScalars.map { codePoint($0.value) }.joined(separator: " ")
        }
    }
}
