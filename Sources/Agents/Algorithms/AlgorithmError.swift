/// Why an agent could not be built: the algorithm is unknown, or an option does not apply to it or to
/// the environment. Together with `HyperparameterError` it makes sure nothing starts half-configured.
public enum AlgorithmError: Error, CustomStringConvertible, Equatable {
    case unknownAlgorithm(String, known: [String])
    /// `option` (a command-line flag) is not one `algorithm` takes.
    case unsupportedOption(algorithm: String, option: String, supported: [String])
    /// Two options that cannot be on together.
    case incompatibleOptions(String, String, reason: String)
    /// Hindsight relabelling asked for on an environment without goals.
    case hindsightNeedsGoals
    /// `--psi` set to a choice `algorithm` does not implement.
    case unsupportedPsi(algorithm: String, psi: Psi, supported: [Psi])

    public var description: String {
        switch self {
        case .unknownAlgorithm(let name, let known):
            return "unknown algorithm '\(name)'; known: \(known.joined(separator: ", "))"
        case .unsupportedOption(let algorithm, let option, let supported):
            let list = supported.isEmpty ? "none" : supported.joined(separator: ", ")
            return "\(algorithm) does not take \(option) (its options: \(list))"
        case .incompatibleOptions(let first, let second, let reason):
            return "\(first) and \(second) cannot be combined: \(reason)"
        case .hindsightNeedsGoals:
            return "--her needs a goal environment (bitflip); this environment has no goals to relabel"
        case .unsupportedPsi(let algorithm, let psi, let supported):
            return "\(algorithm) does not take --psi \(psi.rawValue) (allowed: \(Psi.list(supported)))"
        }
    }
}
