/// Which states a value view shows, as the environment chose them: the points of an `InspectionPoints`.
public enum InspectionDomain: Sendable, Equatable {
    /// Every cell of a gridworld map, row-major.
    case gridCells(rows: Int, columns: Int)
    /// CartPole states with x = ẋ = 0 on a `rows` × `columns` grid: θ across `angles` (left to right),
    /// θ̇ down `angularVelocities` (the top row at the highest θ̇).
    case cartPoleSlice(angles: ClosedRange<Double>, angularVelocities: ClosedRange<Double>, rows: Int, columns: Int)
    /// A grid over two components of a continuous state (MountainCar, Acrobot), row by row from the top left.
    case stateSlice(StateSlice)
    /// The states of the Blind Cliffwalk's chain, in order.
    case chainStates(Int)
    /// The environment's current state alone (too many states to sweep, as in bit flipping).
    case currentState

    /// The number of points.
    public var pointCount: Int {
        switch self {
        case .gridCells(let rows, let columns): rows * columns
        case .cartPoleSlice(_, _, let rows, let columns): rows * columns
        case .stateSlice(let slice): slice.pointCount
        case .chainStates(let count): count
        case .currentState: 1
        }
    }
}
