import Foundation

/// The first row of an agent's last Q-learning update with its numbers, for the explain panel and
/// step-through: the target y, the prediction Q(s,a;θ) and the TD error δ = y − Q(s,a;θ).
///
/// It holds plain numbers so recording it costs nothing on the training path; `description` writes it
/// out, e.g. `y = r + γ·max Q(s′,a′;θ⁻) = −1 + 0.99·(−3.20) = −4.17`.
public struct UpdateExplanation: Sendable, Equatable, CustomStringConvertible {
    public var reward: Float
    public var gamma: Float
    /// The bootstrapped value of s′ (Q of the chosen next action), 0 when s′ is terminal.
    public var nextValue: Float
    /// s′ was terminal, so y = r.
    public var terminated: Bool
    /// The episode was cut at s′ (time limit): y still bootstraps.
    public var truncated: Bool
    /// Double DQN: a′ chosen by θ, evaluated by θ⁻.
    public var double: Bool
    /// The values of s′ came from a separate (target or frozen) network θ⁻ rather than θ itself.
    public var separateTarget: Bool
    public var action: Int
    public var target: Float
    public var prediction: Float
    /// The step that moves θ towards y, written out by the agent with its current settings (FQI's G minibatch
    /// steps, online Q's plain step); nil leaves it out.
    public var step: String?

    public init(reward: Float, gamma: Float, nextValue: Float, terminated: Bool, truncated: Bool, double: Bool,
                separateTarget: Bool, action: Int, target: Float, prediction: Float, step: String? = nil) {
        self.reward = reward
        self.gamma = gamma
        self.nextValue = nextValue
        self.terminated = terminated
        self.truncated = truncated
        self.double = double
        self.separateTarget = separateTarget
        self.action = action
        self.target = target
        self.prediction = prediction
        self.step = step
    }

    /// δ = y − Q(s,a;θ).
    public var tdError: Float { target - prediction }

    public var description: String {
        let theta = separateTarget ? "θ⁻" : "θ"
        let first: String
        if terminated {
            first = "y = r = \(Self.number(reward)) (s′ terminal: no bootstrap)"
        } else {
            let value = double ? "Q(s′,argmax_a′ Q(s′,a′;θ);\(theta))" : "max Q(s′,a′;\(theta))"
            let cut = truncated ? " (time limit: bootstrap)" : ""
            first = "y = r + γ·\(value) = \(Self.number(reward)) + \(Self.number(gamma, digits: 3))·(\(Self.number(nextValue)))"
                + " = \(Self.number(target))\(cut)"
        }
        let update = first + "; Q(s,a=\(action);θ) = \(Self.number(prediction)), δ = y − Q = \(Self.number(tdError))"
        return step.map { update + "; " + $0 } ?? update
    }

    /// `value` with `digits` decimals and a true minus sign.
    static func number(_ value: Float, digits: Int = 2) -> String {
        String(format: "%.\(digits)f", Double(value)).replacingOccurrences(of: "-", with: "−")
    }
}
