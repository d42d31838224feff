/// What an observation is beyond its length.
public enum ObservationLayout: Sendable, Equatable {
    /// `count` floats; `components` names each one where they have names (CartPole's x, ẋ, θ, θ̇), nil where
    /// they are codes (a one-hot cell, bits).
    case vector(count: Int, components: [String]?)
    /// A height × width image of binary channels (MinAtar), flattened [y][x][c] as MinAtar's (10, 10, C) array:
    /// float (y·width + x)·C + c is 1 where channel c is set in row y (from the top), column x (from the left).
    case image(height: Int, width: Int, channels: [String])

    /// The number of floats in an observation.
    public var count: Int {
        switch self {
        case .vector(let count, _): count
        case .image(let height, let width, let channels): height * width * channels.count
        }
    }
}
