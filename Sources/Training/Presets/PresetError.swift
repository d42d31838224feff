/// Why a preset file was rejected, and where: `description` reads `file:line:col: what is wrong`, like a map's
/// `MapError`, so a teacher can jump to the mistake. Lines and columns count from 1, columns in characters.
public struct PresetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name (or other label) the presets were read from.
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
        /// The file could not be read as UTF-8 text (reported at 1:1).
        case unreadable(String)
        /// An indented `key: value` line before any `environment:` line.
        case entryOutsideSection
        /// A line that is neither `environment:`, an indented `key: value`, a comment nor blank.
        case notAnEntry
        /// An environment given a second section (reported at the second).
        case duplicateSection(String, firstLine: Int)
        /// A key that is no hyperparameter and not `time-limit` (reported at the key).
        case unknownKey(String, known: [String])
        /// A hyperparameter the algorithm does not read (reported at the key).
        case notUsed(key: String, algorithm: String)
        /// A key given twice in one section (reported at the second).
        case duplicateKey(String, firstLine: Int)
        /// A value that is not a number or out of the key's range (reported at the value).
        case badValue(key: String, value: String, expected: String)
        /// `time-limit` on an environment that is not a gridworld map, which keeps its own limit.
        case timeLimitNotAMap(String)
        /// `psi` for an algorithm without a policy gradient.
        case psiWithoutPolicyGradient(algorithm: String)

        public var description: String {
            switch self {
            case .unreadable(let reason):
                return "cannot read the presets: \(reason)"
            case .entryOutsideSection:
                return "a setting before any environment line; start a section with a line such as 'cartpole:'"
            case .notAnEntry:
                return "expected 'environment:' at the start of a line, or an indented 'key: value'"
            case .duplicateSection(let name, let first):
                return "environment '\(name)' is given twice (first on line \(first))"
            case .unknownKey(let key, let known):
                return "unknown key '\(key)'; known: \(known.joined(separator: ", "))"
            case .notUsed(let key, let algorithm):
                return "\(key) is not a hyperparameter of \(algorithm) ('rlterm algos' lists its keys)"
            case .duplicateKey(let key, let first):
                return "'\(key)' is given twice in this section (first on line \(first))"
            case .badValue(let key, let value, let expected):
                return "bad value '\(value)' for \(key): expected \(expected)"
            case .timeLimitNotAMap(let name):
                return "time-limit applies to gridworld maps; \(name) keeps its own episode limit"
            case .psiWithoutPolicyGradient(let algorithm):
                return "psi weights a policy gradient; \(algorithm) has none ('rlterm algos' lists its keys)"
            }
        }
    }
}
