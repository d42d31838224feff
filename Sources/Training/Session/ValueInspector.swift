import Agents
import Environments
import RLCore

/// Builds `ValueInspection`s for one environment at the points it chose (`DescribedEnvironment.inspectionPoints`):
/// their observations are made once, and Q* is asked for again only when γ changes.
struct ValueInspector {
    let domain: InspectionDomain
    /// The observation of each point, nil where there is no state.
    private let observations: [[Float]?]
    private let environment: (any DescribedEnvironment)?
    /// The γ Q* was last asked for, nil until it first is.
    private var solvedGamma: Double??
    private var optimalQ: [[Double]]?

    init(environment: any Environment) {
        self.environment = environment.described
        let points = self.environment?.inspectionPoints ?? InspectionPoints(domain: .currentState, observations: [])
        domain = points.domain
        observations = points.observations
    }

    /// What `agent` computes over the domain (for `.currentState`, at `environment`'s observation).
    mutating func inspect(_ agent: any Agent, environment: any Environment) -> ValueInspection {
        let points = domain == .currentState ? [environment.observation()] : observations
        var inspection = ValueInspection(domain: domain, optimalQ: optimal(gamma: agent.hyperparameters.values[.gamma]))
        inspection.stateValues.reserveCapacity(points.count)
        for observation in points {
            guard let observation else {
                inspection.qValues.append([])
                inspection.probabilities.append([])
                inspection.stateValues.append(nil)
                continue
            }
            inspection.qValues.append(agent.qValues(for: observation))
            inspection.probabilities.append(agent.actionProbabilities(for: observation) ?? [])
            inspection.stateValues.append(agent.stateValue(for: observation))
        }
        if domain == .currentState, let observation = points.first ?? nil {
            inspection.featureMaps = agent.featureMaps(for: observation)
        }
        if inspection.qValues.allSatisfy(\.isEmpty) { inspection.qValues = [] }
        if inspection.probabilities.allSatisfy(\.isEmpty) { inspection.probabilities = [] }
        if inspection.stateValues.allSatisfy({ $0 == nil }) { inspection.stateValues = [] }
        return inspection
    }

    /// Q* at discount `gamma`, asked of the environment when γ changed since the last call.
    private mutating func optimal(gamma: Double?) -> [[Double]]? {
        if solvedGamma != .some(gamma) {
            optimalQ = environment?.optimalActionValues(gamma: gamma)
            solvedGamma = .some(gamma)
        }
        return optimalQ
    }
}
