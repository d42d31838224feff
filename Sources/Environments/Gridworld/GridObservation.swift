/// How a gridworld presents the agent's cell to a learner.
public enum GridObservation: Sendable, Equatable, CaseIterable {
    /// A one-hot vector of length rows·cols with a 1 at the cell index row·cols + col (gymnasium's discrete
    /// observation, one-hot encoded). Walls have an index too, which is never hot.
    case oneHot
    /// Two floats, row/(rows − 1) and col/(cols − 1), each in [0, 1] (0 along a dimension of size 1): a
    /// compact input that lets a network generalise between neighbouring cells.
    case coordinates

    /// The length of the observation for a map of the given size.
    public func count(rows: Int, cols: Int) -> Int {
        switch self {
        case .oneHot: rows * cols
        case .coordinates: 2
        }
    }
}
