/// What an observation is beyond its length. Today every observation is a flat vector; an image
/// (channels × height × width) would be a case of its own.
public enum ObservationLayout: Sendable, Equatable {
    /// `count` floats; `components` names each one where they have names (CartPole's x, ẋ, θ, θ̇), nil where
    /// they are codes (a one-hot cell, bits).
    case vector(count: Int, components: [String]?)

    /// The number of floats in an observation.
    public var count: Int {
        switch self {
        case .vector(let count, _): count
        }
    }
}
