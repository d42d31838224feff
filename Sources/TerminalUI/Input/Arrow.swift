/// A direction drawn as an arrow glyph, e.g. the greedy action of a gridworld cell.
public enum Arrow: Hashable, Sendable, CaseIterable {
    case up
    case right
    case down
    case left
}
