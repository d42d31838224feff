/// Why a hyperparameter setting was refused. `description` names the valid range, so a command line, a
/// `--set` or the UI panel can show it as it stands.
public enum HyperparameterError: Error, CustomStringConvertible, Equatable {
    case unknownKey(String, known: [String])
    case notANumber(key: HyperparameterKey, text: String)
    case outOfRange(key: HyperparameterKey, value: Double)
    case notUsed(key: HyperparameterKey, algorithm: String)
    case badAssignment(String)
    case requiresRestart(key: HyperparameterKey)
    /// A hyperparameter flag without its value.
    case missingValue(flag: String)
    /// A word where a `--key` flag was expected.
    case unexpectedArgument(String)

    public var description: String {
        switch self {
        case .unknownKey(let key, let known):
            return "unknown hyperparameter '\(key)'; known: \(known.joined(separator: ", "))"
        case .notANumber(let key, let text):
            let spec = HyperparameterSpec.spec(for: key)
            return "\(spec.symbol) (\(key.rawValue)) must be \(spec.rangeDescription), got '\(text)'"
        case .outOfRange(let key, let value):
            let spec = HyperparameterSpec.spec(for: key)
            return "\(spec.symbol) (\(key.rawValue)) must be \(spec.rangeDescription), got \(HyperparameterSpec.format(value))"
        case .notUsed(let key, let algorithm):
            let users = HyperparameterSpec.spec(for: key).algorithms
            let who = users.isEmpty ? "no algorithm yet" : users.joined(separator: ", ")
            return "\(key.rawValue) is not a hyperparameter of \(algorithm) (used by \(who))"
        case .requiresRestart(let key):
            return "\(key.rawValue) shapes the agent's networks or memory; it takes effect only on a new agent"
        case .missingValue(let flag):
            return "\(flag) needs a value"
        case .unexpectedArgument(let word):
            return "unexpected argument '\(word)'"
        case .badAssignment(let text):
            return "expected key=value, got '\(text)'"
        }
    }
}
