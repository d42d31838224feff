import RLCore

/// What stays fixed in the picture of an environment while it runs: a map's cells, the width of a chain.
/// Each `SceneState` is drawn on top of it.
public enum SceneLayout: Sendable, Equatable {
    /// A gridworld map, row-major.
    case grid(rows: Int, columns: Int, cells: [GridCell])
    /// CartPole's track; an episode ends when |x| passes `trackLimit`.
    case cartPole(trackLimit: Double)
    /// Bit flipping with `bits` bits.
    case bitFlip(bits: Int)
    /// The Blind Cliffwalk's chain of `states` states.
    case chain(states: Int)
    /// MountainCar's hill y = sin(3x) over `positions`, with the flag at `goal`.
    case mountainCar(positions: ClosedRange<Double>, goal: Double)
    /// Acrobot's pivot and its two links of equal length.
    case acrobot
    /// A MinAtar game's 10 × 10 board with its channels' names, in the observation's order.
    case minAtar(channels: [String])
    /// An environment without a picture.
    case none

    /// The layout `environment` is drawn on; `.none` for an environment that does not describe itself.
    public init(of environment: any Environment) {
        self = environment.described?.sceneLayout ?? .none
    }
}
