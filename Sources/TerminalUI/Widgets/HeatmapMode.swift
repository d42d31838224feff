/// What a value heatmap shows, with the label its panel carries.
public enum HeatmapMode: Hashable, Sendable {
    /// max_a Q(s,a), with the greedy action's arrow.
    case maxQ
    /// Q(s,a) of one action, named by its glyph or word (e.g. `←`, `right`).
    case actionValue(action: String)
    /// The state value V(s) of an actor-critic or policy-gradient baseline.
    case stateValue
    /// π(a|s) of one action, or of the most probable action when `action` is nil.
    case policy(action: String?)
    /// |Q − Q*|: the error against value iteration's exact Q*.
    case errorToOptimal

    /// The label, e.g. `max_a Q(s,a)`, `Q(s,←)`, `V(s)`, `π(a|s)`, `|Q−Q*|` (transliterated in ASCII).
    public func label(glyphs: Glyphs) -> String {
        let text = switch self {
        case .maxQ: "max_a Q(s,a)"
        case .actionValue(let action): "Q(s,\(action))"
        case .stateValue: "V(s)"
        case .policy(let action): "π(\(action ?? "a")|s)"
        case .errorToOptimal: "|Q−Q*|"
        }
        return glyphs.text(text)
    }
}
