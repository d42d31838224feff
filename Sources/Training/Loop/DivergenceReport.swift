import Foundation

/// What the `DivergenceWatchdog` saw: which quantity left its bound, how large it was, the bound and where the
/// bound comes from. Its description is the one line a user reads — in the live session's message and on
/// `rlterm train`'s stderr — saying what happened and what usually helps.
public struct DivergenceReport: Equatable, Sendable, CustomStringConvertible {
    /// The quantity that left its bound.
    public enum Quantity: Equatable, Sendable {
        /// The largest |Q(sᵢ,aᵢ)| or |V(sᵢ)| of the last fit; `symbol` is "Q" or "V".
        case value(symbol: String)
        /// The largest regression target |yᵢ| of the last fit (the TD target of a Q-function).
        case target(symbol: String)
        /// The fitting loss, smoothed over recent fits, against its running minimum.
        case loss(symbol: String)
    }

    public var quantity: Quantity
    /// How large the quantity was.
    public var observed: Double
    /// The bound it passed.
    public var limit: Double
    /// Where the bound comes from, e.g. `10·max|r|/(1−γ) with max|r| = 1, γ = 0.99`.
    public var derivation: String

    public init(quantity: Quantity, observed: Double, limit: Double, derivation: String) {
        self.quantity = quantity
        self.observed = observed
        self.limit = limit
        self.derivation = derivation
    }

    public var description: String {
        let what: String
        switch quantity {
        case .value(let symbol): what = "|\(symbol)| reached \(Self.format(observed))"
        case .target(let symbol): what = "the \(symbol == "Q" ? "TD " : "")target |y| reached \(Self.format(observed))"
        case .loss: what = "the loss (smoothed) reached \(Self.format(observed))"
        }
        return "diverging: \(what), beyond \(Self.format(limit)) = \(derivation); \(remedies)"
    }

    /// What usually brings a diverging fit back: a new agent, a smaller step, and for a Q-function a target
    /// network that trails further behind and Double DQN's less optimistic targets.
    public var remedies: String {
        switch quantity {
        case .value(let symbol), .target(let symbol), .loss(let symbol):
            symbol == "Q"
                ? "try r (reset) with a lower α (← on its row, --lr), a larger K (--target-period) "
                    + "or Double DQN (--double)"
                : "try r (reset) with a lower α_V (← on its row, --vf-lr)"
        }
    }

    /// Three significant digits, in exponent form from 10⁵ on.
    static func format(_ value: Double) -> String {
        abs(value) >= 1e5 || (value != 0 && abs(value) < 1e-3) ? String(format: "%.3g", value)
            : String(format: "%.4g", value)
    }
}
