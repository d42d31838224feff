import RLCore

/// An environment's state at one moment, small enough to record at every step: the frames of an episode
/// that a viewer steps back and forth through. Each environment says which is its own
/// (`DescribedEnvironment.sceneState`); the terminal UI draws it on the environment's `SceneLayout`.
public enum SceneState: Sendable, Equatable {
    /// The agent's cell, row·columns + column.
    case grid(cell: Int)
    case cartPole(CartPole.State)
    case mountainCar(MountainCar.State)
    case acrobot(Acrobot.State)
    /// The current bits and the goal, bit i of each word standing for bit i of the task (at most 64).
    case bitFlip(state: UInt64, goal: UInt64)
    /// The agent's state on the chain; the chain's length once it has walked off the rewarded end.
    case chain(position: Int)
    /// A MinAtar game's observation, every channel of every cell.
    case minAtar(MinAtarFrame)
    case none

    /// The state `environment` is in now; `.none` for an environment that does not describe itself.
    public init(of environment: any Environment) {
        self = environment.described?.sceneState ?? .none
    }
}
