/// The states at which a value view asks an agent for its values, chosen by the environment: the domain they
/// cover and the observation the agent would see at each.
public struct InspectionPoints: Sendable, Equatable {
    public let domain: InspectionDomain
    /// The observation of each point in the domain's order, nil where a point has no state (a wall). Empty for
    /// `.currentState`, whose one point is whatever the environment shows at the time.
    public let observations: [[Float]?]

    public init(domain: InspectionDomain, observations: [[Float]?]) {
        self.domain = domain
        self.observations = observations
    }
}
