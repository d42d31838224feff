import Foundation

/// Everything rlterm knows about one hyperparameter: its symbol and meaning, the values it may take, how
/// an editor steps it, and when it acts. Which algorithms read it, with their defaults, each `Algorithm` says.
/// The table of these specs is the single source for command-line flags, `--set key=value`, validation messages, `run.json`, checkpoint
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
    /// When an algorithm that has it uses it: always, or only with some options.
    public var usedWhen = HyperparameterCondition.always

    /// The names of the algorithms that read this hyperparameter, sorted.
    public var algorithms: [String] {
        AlgorithmRegistry.all.filter { $0.defaults[key] != nil }.map(\.name).sorted()
    }

    /// Why the hyperparameter does nothing for `algorithm` with `options`, nil when it acts: the panel dims
    /// such a row and says why, and `rlterm algos` lists the condition.
    public func idleReason(algorithm: Algorithm, options: AgentOptions) -> String? {
        guard algorithm.defaults[key] != nil else { return "\(algorithm.displayName) does not use it" }
        return usedWhen.idleReason(algorithm, options)
    }

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

extension HyperparameterSpec {
    /// The value an editor moves to from `value` in `direction` (+1 up, −1 down): times or divided by `step`
    /// on a log scale, plus or minus `step` otherwise; whole numbers for integer hyperparameters (at least one
    /// apart from `value`); kept inside the valid range, so an edit never produces a value the table refuses.
    /// Returns `value` itself when it cannot move further that way.
    public func stepped(from value: Double, direction: Int) -> Double {
        precondition(direction == 1 || direction == -1, "an edit moves one step up or down")
        var next = logScale ? (direction > 0 ? value * step : value / step) : value + Double(direction) * step
        if integer {
            next = direction > 0 ? max(next.rounded(.down), value + 1) : min(next.rounded(.up), value - 1)
        } else {
            // Decimal steps such as 0.01 leave binary noise (0.97 − 0.01 = 0.9599999…); ten significant
            // digits are more than any edit means.
            let scale = pow(10, 9 - (next == 0 ? 0 : floor(log10(abs(next)))))
            next = (next * scale).rounded() / scale
        }
        next = min(next, maximum)
        if next < minimum || (next == minimum && !minimumIncluded) {
            next = minimumIncluded ? minimum : value
        }
        return accepts(next) ? next : value
    }
}
