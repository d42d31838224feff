import RLCore

/// A gridworld episode on a parsed map, with gymnasium's step semantics.
///
/// Each step samples the next cell from the map's `TransitionModel` (the table value iteration solves), so
/// a plain FrozenLake map behaves as FrozenLake-v1 and the shipped cliffwalking map as CliffWalking-v1.
/// Slips are drawn from the generator given at construction, one uniform draw per step that has more than
/// one possible outcome (deterministic moves draw nothing). Under gymnasium's generator (`--gym-seed`) it draws as
/// FrozenLake and CliffWalking do instead: one `random()` on every reset (their `categorical_sample` of the single
/// start) and one on every step, which picks among the moves in gymnasium's unmerged order
/// (`TransitionModel.gymnasiumOutcome`), so the slips are gymnasium's own. The episode is truncated when `max_steps`
/// steps have been taken (gymnasium's TimeLimit: truncated = elapsed ≥ limit); a step into G or H is
/// terminated. Stepping on after termination stays in the absorbing cell with reward 0.
public struct Gridworld: Environment, Sendable {
    public let map: GridMap
    public let model: TransitionModel
    public let observationKind: GridObservation
    /// The agent's cell index, row·cols + col (what a renderer draws).
    public internal(set) var position: Int
    /// Steps taken since the last reset.
    public internal(set) var elapsedSteps = 0
    var random: EnvironmentRandom

    /// An environment on `map` with its settings (set `map.settings.slippery` first to override slipping).
    public init(map: GridMap, observation: GridObservation = .oneHot, generator: Xoshiro256StarStar) {
        self.init(map: map, observation: observation, random: .stream(generator))
    }

    /// An environment on `map` drawing its slips from `random`.
    public init(map: GridMap, observation: GridObservation = .oneHot, random: EnvironmentRandom) {
        self.map = map
        model = TransitionModel(map: map)
        observationKind = observation
        self.random = random
        position = map.start
    }

    /// The agent's (row, column).
    public var agent: (row: Int, column: Int) { (position / map.cols, position % map.cols) }

    public var observationCount: Int { observationKind.count(rows: map.rows, cols: map.cols) }
    public var actionCount: Int { model.actionCount }

    /// Puts the agent on the start cell. The start is fixed, so this draws nothing, except under gymnasium's
    /// generator, where it discards one draw as gymnasium's reset does.
    public mutating func reset() {
        if random.isGymnasium { _ = random.uniform() }
        position = map.start
        elapsedSteps = 0
    }

    public mutating func step(_ action: Int) -> StepOutcome {
        precondition(action >= 0 && action < actionCount, "action \(action) outside 0..<\(actionCount)")
        let outcomes = model.outcomes(state: position, action: action)
        var chosen = outcomes[outcomes.endIndex - 1]
        if random.isGymnasium {
            chosen = model.gymnasiumOutcome(in: map, state: position, action: action, draw: random.uniform())
        } else if outcomes.count > 1 {
            let draw = random.uniform()
            var cumulative = 0.0
            for outcome in outcomes {
                cumulative += outcome.probability
                if draw < cumulative {
                    chosen = outcome
                    break
                }
            }
        }
        position = chosen.next
        elapsedSteps += 1
        let truncated = map.settings.maxSteps.map { elapsedSteps >= $0 } ?? false
        return StepOutcome(reward: chosen.reward, terminated: chosen.terminated, truncated: truncated)
    }

    public func writeObservation(into buffer: UnsafeMutableBufferPointer<Float>) {
        writeObservation(of: position, into: buffer)
    }

    /// Writes the observation the agent would see on cell `cell` (row·cols + col), wherever it is now: what
    /// a value heatmap asks the agent about every cell.
    public func writeObservation(of cell: Int, into buffer: UnsafeMutableBufferPointer<Float>) {
        switch observationKind {
        case .oneHot:
            buffer.update(repeating: 0)
            buffer[cell] = 1
        case .coordinates:
            let (row, column) = (cell / map.cols, cell % map.cols)
            buffer[0] = map.rows > 1 ? Float(row) / Float(map.rows - 1) : 0
            buffer[1] = map.cols > 1 ? Float(column) / Float(map.cols - 1) : 0
        }
    }
}
