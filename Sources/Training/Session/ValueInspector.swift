import Agents
import Environments
import RLCore

/// Builds `ValueInspection`s for one environment: the observations of its points are made once, and Q* is
/// solved again only when γ changes.
struct ValueInspector {
    /// The CartPole slice: θ within the termination angle (±12°), θ̇ in ±2 rad/s, where a learned policy
    /// spends its time.
    static let cartPoleAngles = -CartPole.thetaThresholdRadians...CartPole.thetaThresholdRadians
    static let cartPoleAngularVelocities = -2.0...2.0
    static let cartPoleRows = 9
    static let cartPoleColumns = 25

    let domain: ValueInspection.Domain
    /// The observation of each point, nil where there is no state.
    private let observations: [[Float]?]
    private let model: TransitionModel?
    private let chain: BlindCliffwalk?
    private var solvedGamma: Double?
    private var optimalQ: [[Double]]?

    init(environment: any Environment) {
        var model: TransitionModel?
        var chain: BlindCliffwalk?
        switch environment {
        case let grid as Gridworld:
            domain = .gridCells(rows: grid.map.rows, columns: grid.map.cols)
            observations = (0..<(grid.map.rows * grid.map.cols)).map { cell in
                grid.map.cells[cell] == .wall ? nil : Self.observation(count: grid.observationCount) {
                    grid.writeObservation(of: cell, into: $0)
                }
            }
            model = grid.model
        case is CartPole:
            let (rows, columns) = (Self.cartPoleRows, Self.cartPoleColumns)
            domain = .cartPoleSlice(angles: Self.cartPoleAngles, angularVelocities: Self.cartPoleAngularVelocities,
                                    rows: rows, columns: columns)
            observations = (0..<(rows * columns)).map { point in
                let angle = Self.interpolate(Self.cartPoleAngles, point % columns, of: columns)
                let velocity = Self.interpolate(Self.cartPoleAngularVelocities, rows - 1 - point / columns, of: rows)
                return [0, 0, Float(angle), Float(velocity)]
            }
        case let cliffwalk as BlindCliffwalk:
            domain = .chainStates(cliffwalk.stateCount)
            observations = (0..<cliffwalk.stateCount).map { state in
                (0..<cliffwalk.stateCount).map { $0 == state ? 1 : 0 }
            }
            chain = cliffwalk
        default:
            domain = .currentState
            observations = []
        }
        self.model = model
        self.chain = chain
        if let chain {
            optimalQ = (0..<chain.stateCount).map { state in (0..<2).map { chain.trueQ(state: state, action: $0) } }
        }
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
        if inspection.qValues.allSatisfy(\.isEmpty) { inspection.qValues = [] }
        if inspection.probabilities.allSatisfy(\.isEmpty) { inspection.probabilities = [] }
        if inspection.stateValues.allSatisfy({ $0 == nil }) { inspection.stateValues = [] }
        return inspection
    }

    /// Q* at discount `gamma`, solved when γ changed since the last call. Value iteration needs γ < 1 to be sure
    /// of converging, so a gridworld at γ = 1 has none.
    private mutating func optimal(gamma: Double?) -> [[Double]]? {
        if chain != nil { return optimalQ }
        guard let model, let gamma, gamma < 1 else { return nil }
        if gamma != solvedGamma {
            let solution = ValueIteration(model: model, gamma: gamma)
            optimalQ = solution.actionValues.map { $0 ?? [] }
            solvedGamma = gamma
        }
        return optimalQ
    }

    private static func observation(count: Int, _ write: (UnsafeMutableBufferPointer<Float>) -> Void) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            write(buffer)
            initialized = count
        }
    }

    /// The `index`-th of `count` evenly spaced points from the low end of `range` to its high end.
    private static func interpolate(_ range: ClosedRange<Double>, _ index: Int, of count: Int) -> Double {
        count > 1 ? range.lowerBound + (range.upperBound - range.lowerBound) * Double(index) / Double(count - 1)
            : range.lowerBound
    }
}
