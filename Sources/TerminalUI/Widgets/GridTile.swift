/// What a cell of a gridworld map is, as the map view draws it (the UI's own plain copy of the map's cell
/// kinds, so TerminalUI needs nothing from the environments).
public enum GridTile: Hashable, Sendable, CaseIterable {
    /// An ordinary cell.
    case empty
    /// Cannot be entered.
    case wall
    /// Ends the episode (FrozenLake's holes).
    case hole
    /// Sends the agent back to the start with a large penalty (CliffWalking).
    case cliff
    /// Ends the episode, usually with the reward the agent is after.
    case goal
    /// Where every episode begins.
    case start

    /// The word the map legend uses for it.
    public var name: String {
        switch self {
        case .empty: "floor"
        case .wall: "wall"
        case .hole: "hole"
        case .cliff: "cliff"
        case .goal: "goal"
        case .start: "start"
        }
    }
}
