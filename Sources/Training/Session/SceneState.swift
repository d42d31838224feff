import Environments
import RLCore

/// An environment's state at one moment, small enough to record at every step: the frames of an episode
/// that a viewer steps back and forth through.
public enum SceneState: Sendable, Equatable {
    /// The agent's cell, row·columns + column.
    case grid(cell: Int)
    case cartPole(CartPole.State)
    /// The current bits and the goal, bit i of each word standing for bit i of the task (at most 64).
    case bitFlip(state: UInt64, goal: UInt64)
    /// The agent's state on the chain; the chain's length once it has walked off the rewarded end.
    case chain(position: Int)
    case none

    /// The layout `environment` is drawn on.
    public static func layout(of environment: any Environment) -> SceneLayout {
        switch environment {
        case let grid as Gridworld: .grid(rows: grid.map.rows, columns: grid.map.cols, cells: grid.map.cells)
        case is CartPole: .cartPole(trackLimit: CartPole.xThreshold)
        case let flips as BitFlipping: .bitFlip(bits: flips.bitCount)
        case let chain as BlindCliffwalk: .chain(states: chain.stateCount)
        default: .none
        }
    }

    /// The state `environment` is in now.
    public init(of environment: any Environment) {
        switch environment {
        case let grid as Gridworld: self = .grid(cell: grid.position)
        case let cartPole as CartPole: self = .cartPole(cartPole.state)
        case let flips as BitFlipping: self = .bitFlip(state: Self.pack(flips.state), goal: Self.pack(flips.goal))
        case let chain as BlindCliffwalk: self = .chain(position: chain.position)
        default: self = .none
        }
    }

    /// Bit i set where `bits[i]` is 1 (the first 64 bits).
    static func pack(_ bits: [Float]) -> UInt64 {
        var word: UInt64 = 0
        for index in 0..<min(bits.count, 64) where bits[index] != 0 { word |= 1 << UInt64(index) }
        return word
    }
}
