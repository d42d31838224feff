import Environments
import NeuralNet

/// What the agent computes over the states a value heatmap shows, taken on the training thread when a
/// snapshot is published: Q(s,·), π(·|s) and V(s) at every point of `domain`, and the exact Q* where it is
/// known. Arrays are indexed by point; a point without a state (a wall) has empty arrays and nil values.
public struct ValueInspection: Sendable, Equatable {
    /// Which states the points are, as the environment chose them.
    public var domain: InspectionDomain
    /// Q(s,·) per point; empty for agents without Q-values.
    public var qValues: [[Float]]
    /// π(·|s) per point; empty for agents without an explicit policy.
    public var probabilities: [[Float]]
    /// V(s) per point; nil for agents without a state-value function.
    public var stateValues: [Float?]
    /// Q*(s,·) per point where it is known exactly: value iteration at the agent's γ on a gridworld, the
    /// closed form on the Blind Cliffwalk; nil elsewhere.
    public var optimalQ: [[Double]]?
    /// What the agent's convolution computes from the current state (`.currentState` domains, agents whose network
    /// has one): 16 maps of 8 × 8 on MinAtar, 1,024 floats a snapshot.
    public var featureMaps: FeatureMaps?

    public init(domain: InspectionDomain, qValues: [[Float]] = [], probabilities: [[Float]] = [], stateValues: [Float?] = [],
                optimalQ: [[Double]]? = nil, featureMaps: FeatureMaps? = nil) {
        self.featureMaps = featureMaps
        self.domain = domain
        self.qValues = qValues
        self.probabilities = probabilities
        self.stateValues = stateValues
        self.optimalQ = optimalQ
    }

    /// The number of points in `domain`.
    public var pointCount: Int { domain.pointCount }
}
