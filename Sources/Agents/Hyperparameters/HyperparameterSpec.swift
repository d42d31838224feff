/// Everything rlterm knows about one hyperparameter: its symbol and meaning, the values it may take, how
/// an editor steps it, which algorithms read it and its default for each. The table of these specs is the
/// single source for command-line flags, `--set key=value`, validation messages, `run.json`, checkpoint
/// metadata and the terminal UI's hyperparameter panel.
public struct HyperparameterSpec: Sendable {
    public let key: HyperparameterKey
    /// The symbol the notes and papers use (γ, λ, K, …).
    public let symbol: String
    /// A short phrase saying what it controls.
    public let meaning: String
    /// The smallest valid value, and whether it is itself allowed.
    public let minimum: Double
    public let minimumIncluded: Bool
    public let maximum: Double
    /// The increment an editor applies (a factor when `logScale`).
    public let step: Double
    /// Whether the value is best stepped multiplicatively (learning rates, sizes).
    public let logScale: Bool
    /// Whether only whole numbers are valid.
    public let integer: Bool
    /// Whether it may change between updates of a running agent; otherwise it takes effect on a new agent.
    public let live: Bool
    /// The default of each algorithm that reads it (algorithm name → value). An algorithm absent here
    /// ignores the hyperparameter.
    public let defaults: [String: Double]

    /// The algorithms that read this hyperparameter, sorted by name.
    public var algorithms: [String] { defaults.keys.sorted() }

    /// Whether `value` lies in the valid range (and is whole, for integer hyperparameters).
    public func accepts(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        if integer && value.rounded() != value { return false }
        return (minimumIncluded ? value >= minimum : value > minimum) && value <= maximum
    }

    /// The valid range as a sentence fragment, e.g. "in [0, 1]" or "a whole number ≥ 1".
    public var rangeDescription: String {
        let kind = integer ? "a whole number" : "a number"
        let low = Self.format(minimum), high = Self.format(maximum)
        if maximum == .infinity {
            return "\(kind) \(minimumIncluded ? "≥" : ">") \(low)"
        }
        return "\(kind) in \(minimumIncluded ? "[" : "(")\(low), \(high)]"
    }

    /// `value` without a trailing ".0" for whole numbers.
    public static func format(_ value: Double) -> String {
        if value.rounded() == value && abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
