/// The four moves of a gridworld, numbered as in gymnasium's CliffWalking: 0 up, 1 right, 2 down, 3 left.
///
/// The numbering is clockwise, so the two perpendicular moves of action a are (a + 1) mod 4 and
/// (a + 3) mod 4. (FrozenLake numbers them 0 left, 1 down, 2 right, 3 up; the tests map one onto the other.)
public enum GridAction: Int, Sendable, CaseIterable {
    case up = 0, right, down, left

    /// The change of (row, column) the move makes.
    public var delta: (row: Int, column: Int) {
        switch self {
        case .up: (-1, 0)
        case .right: (0, 1)
        case .down: (1, 0)
        case .left: (0, -1)
        }
    }

    /// The lower-case name used in JSON output.
    public var name: String {
        switch self {
        case .up: "up"
        case .right: "right"
        case .down: "down"
        case .left: "left"
        }
    }

    /// An arrow pointing the way of the move, Unicode or ASCII.
    public func arrow(ascii: Bool) -> Character {
        switch self {
        case .up: ascii ? "^" : "↑"
        case .right: ascii ? ">" : "→"
        case .down: ascii ? "v" : "↓"
        case .left: ascii ? "<" : "←"
        }
    }
}
