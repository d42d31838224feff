/// One cell of a gridworld map, written as a single character in a map file.
///
/// The letters follow gymnasium's FrozenLake (`S F H G`) and the CliffWalking picture (`C`); `#` is a wall.
public enum GridCell: Sendable, Equatable, CaseIterable {
    /// `S`: where every episode begins (an ordinary cell otherwise).
    case start
    /// `G`: entering it gives `goal_reward` and ends the episode (terminated).
    case goal
    /// `F` or `.`: an ordinary cell.
    case empty
    /// `H`: entering it gives `hole_reward` and ends the episode (terminated), as in FrozenLake.
    case hole
    /// `#`: cannot be entered; a move into it leaves the agent where it was.
    case wall
    /// `C`: entering it gives `cliff_reward` and puts the agent back on the start, as in CliffWalking;
    /// the episode goes on.
    case cliff

    /// The cell a map character stands for, or nil for a character that is not a cell.
    public init?(character: Character) {
        switch character {
        case "S": self = .start
        case "G": self = .goal
        case "F", ".": self = .empty
        case "H": self = .hole
        case "#": self = .wall
        case "C": self = .cliff
        default: return nil
        }
    }

    /// The character used to show the cell (`.` for an ordinary cell, whichever way the map wrote it).
    public var character: Character {
        switch self {
        case .start: "S"
        case .goal: "G"
        case .empty: "."
        case .hole: "H"
        case .wall: "#"
        case .cliff: "C"
        }
    }

    /// Entering the cell ends the episode, so it is never acted in: its V and Q are 0.
    public var isTerminal: Bool { self == .goal || self == .hole }

    /// The characters a map may use, in the order error messages list them.
    public static let validCharacters = "S G F . H # C"
}
