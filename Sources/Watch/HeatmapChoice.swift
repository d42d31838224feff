import Environments
import TerminalUI
import Training

/// One of the views the value panel cycles through (`v`), chosen by what the agent offers and what the
/// environment has: max Q with greedy arrows, one action's Q, V(s), π, the error against Q*, and what a
/// convolutional network sees in the current frame.
public enum HeatmapChoice: Equatable, Sendable {
    case maxQ
    case actionValue(Int)
    case stateValue
    /// The most probable action's π(a|s), with its arrow.
    case mostProbable
    case policy(Int)
    case errorToOptimal
    /// The convolution's feature maps of the current state, beside each action's Q.
    case featureMaps

    /// The views `inspection` supports, in cycling order. With only the current state to show (bit flipping,
    /// MinAtar), `maxQ` and `mostProbable` stand for the row of every action's Q or π, and `featureMaps` follows
    /// when the agent's network convolves the frame.
    public static func choices(for inspection: ValueInspection, actionCount: Int) -> [HeatmapChoice] {
        let hasQ = !inspection.qValues.isEmpty, hasPolicy = !inspection.probabilities.isEmpty
        if inspection.domain == .currentState {
            return (hasQ ? [.maxQ] : []) + (hasPolicy ? [.mostProbable] : [])
                + (inspection.featureMaps != nil ? [.featureMaps] : [])
        }
        var choices: [HeatmapChoice] = []
        if hasQ {
            choices.append(.maxQ)
            choices += (0..<actionCount).map(HeatmapChoice.actionValue)
        }
        if hasPolicy {
            if case .cartPoleSlice = inspection.domain {
                choices.append(.policy(1))
            } else {
                choices.append(.mostProbable)
            }
        }
        if !inspection.stateValues.isEmpty { choices.append(.stateValue) }
        if hasQ, inspection.optimalQ != nil { choices.append(.errorToOptimal) }
        return choices
    }

    /// The panel's label for this view on `domain`, e.g. `Q(s,→)` on a map, `Q(s,right)` on CartPole, `Q(s,a)`
    /// for the row of every action.
    public func mode(on domain: InspectionDomain, glyphs: Glyphs) -> HeatmapMode {
        if domain == .currentState {
            return self == .mostProbable ? .policy(action: "a") : .actionValue(action: "a")
        }
        return switch self {
        case .maxQ, .featureMaps: .maxQ
        case .actionValue(let action): .actionValue(action: Self.actionName(action, on: domain, glyphs: glyphs))
        case .stateValue: .stateValue
        case .mostProbable: .policy(action: nil)
        case .policy(let action): .policy(action: Self.actionName(action, on: domain, glyphs: glyphs))
        case .errorToOptimal: .errorToOptimal
        }
    }

    /// The value at point `index` of `inspection`, and the action whose arrow to draw there (maps and state
    /// slices).
    func value(at index: Int, of inspection: ValueInspection) -> (Double?, Int?) {
        value(q: inspection.qValues[safe: index] ?? [], probabilities: inspection.probabilities[safe: index] ?? [],
              stateValue: inspection.stateValues[safe: index] ?? nil, optimal: inspection.optimalQ?[safe: index])
    }

    private func value(q: [Float], probabilities: [Float], stateValue: Float?, optimal: [Double]?) -> (Double?, Int?) {
        switch self {
        case .maxQ, .featureMaps:
            guard let best = Self.argmax(q) else { return (nil, nil) }
            return (Double(q[best]), best)
        case .actionValue(let action):
            return (action < q.count ? Double(q[action]) : nil, nil)
        case .stateValue:
            return (stateValue.map(Double.init), nil)
        case .mostProbable:
            guard let best = Self.argmax(probabilities) else { return (nil, nil) }
            return (Double(probabilities[best]), best)
        case .policy(let action):
            return (action < probabilities.count ? Double(probabilities[action]) : nil, nil)
        case .errorToOptimal:
            guard let optimal, optimal.count == q.count, !q.isEmpty else { return (nil, nil) }
            return (zip(q, optimal).map { abs(Double($0) - $1) }.max(), nil)
        }
    }

    /// A map's actions are directions; CartPole's push left or right; a state slice names them; others are
    /// numbered.
    static func actionName(_ action: Int, on domain: InspectionDomain, glyphs: Glyphs) -> String {
        switch domain {
        case .gridCells: String(glyphs.arrow(arrow(action)))
        case .cartPoleSlice: action == 0 ? "left" : "right"
        case .stateSlice(let slice): slice.actionNames[safe: action] ?? "a=\(action)"
        case .chainStates, .currentState: "a=\(action)"
        }
    }

    /// The arrow of gridworld action `action` (numbered as `GridAction`).
    static func arrow(_ action: Int) -> Arrow {
        switch GridAction(rawValue: action) {
        case .up: .up
        case .right: .right
        case .down: .down
        case .left, nil: .left
        }
    }

    /// The first index of the largest value (as the agents break ties).
    private static func argmax(_ values: [Float]) -> Int? {
        values.indices.max { values[$0] < values[$1] }
    }
}
