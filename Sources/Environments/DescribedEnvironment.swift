import RLCore

/// An environment that says once everything the rest of the program wants to know about it beyond stepping:
/// what its observation is, when a run on it counts as solved, the picture a viewer draws, and the states a
/// value view asks an agent about. The training engine and the terminal UI ask these instead of switching on
/// concrete environment types, so a new environment adds a conformance here and a view, nothing in between.
/// Everything is a plain value: an environment knows nothing of agents, networks or screens.
public protocol DescribedEnvironment: Environment {
    /// The observation's length and, where they have names, its components.
    var observationLayout: ObservationLayout { get }
    /// The mean evaluation return at which a run counts as solved, or nil where none is defined.
    var solvedThreshold: Double? { get }
    /// The largest |r| one step can give: with the discount γ it bounds every return, |G| ≤ max|r|/(1 − γ),
    /// which the training loop's divergence watchdog compares values with.
    var maximumAbsoluteReward: Double { get }
    /// The number of steps after which an episode is truncated, or nil where episodes have no time limit.
    var timeLimit: Int? { get }
    /// What stays fixed in its picture while it runs.
    var sceneLayout: SceneLayout { get }
    /// The state its picture shows now, drawn on `sceneLayout`.
    var sceneState: SceneState { get }
    /// The states a value view shows an agent's values at, with the observation of each.
    var inspectionPoints: InspectionPoints { get }
    /// The exact Q*(s,·) at every inspection point for discount `gamma` (nil when the agent has none), or nil
    /// where it is not known.
    func optimalActionValues(gamma: Double?) -> [[Double]]?
}

extension Environment {
    /// This environment's description: every environment the registry builds has one, so nil only for one
    /// built by hand that does not describe itself.
    public var described: (any DescribedEnvironment)? { self as? any DescribedEnvironment }
}
