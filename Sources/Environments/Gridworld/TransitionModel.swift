/// The exact dynamics of a gridworld map: for each state s and action a, the list of outcomes
/// (p, s′, r, terminated) with Σ p = 1, gymnasium's `P[s][a]`.
///
/// It is the single source of truth: `Gridworld.step` samples from it and `ValueIteration` sums over it,
/// so what the agent experiences and what the solver assumes cannot drift apart.
///
/// - A move into a wall or off the grid leaves the agent in place with `step_reward`.
/// - Entering G or H: reward `goal_reward` / `hole_reward`, terminated. Entering C: reward `cliff_reward`,
///   the agent lands on S, not terminated. Any other move: `step_reward`. (Rewards replace, never add.)
/// - G and H are absorbing, as in gymnasium's FrozenLake: every action gives (1, s, 0, terminated). So
///   Q = 0 and V = 0 there, and a step taken after termination is still defined.
/// - Walls have no outcomes (no agent is ever in one). Cliff cells have ordinary moves, as in gymnasium's
///   CliffWalking table, although no agent stands in one either.
/// - Slipping: action a goes (a + 1) mod 4, a, (a + 3) mod 4 with probabilities (1 − q)/2, q, (1 − q)/2,
///   q = `success_rate`, computed in doubles exactly as FrozenLake does (for q = 1/3 the perpendicular
///   moves get 0.33333333333333337 and the intended one 0.3333333333333333). The order is FrozenLake's, so
///   merged probabilities are bit-identical to its table. Outcomes with the same (s′, r, terminated) are
///   merged into one entry, and zero-probability ones dropped.
public struct TransitionModel: Sendable {
    /// One possible result of taking an action.
    public struct Outcome: Sendable, Equatable {
        public var probability: Double
        public var next: Int
        public var reward: Double
        public var terminated: Bool

        public init(probability: Double, next: Int, reward: Double, terminated: Bool) {
            self.probability = probability
            self.next = next
            self.reward = reward
            self.terminated = terminated
        }
    }

    public let stateCount: Int
    public let actionCount = GridAction.allCases.count
    /// The state every episode starts from.
    public let start: Int
    /// Whether each state is terminal (G or H): V = Q = 0 and no action is taken there.
    public let isTerminal: [Bool]
    /// Whether each state is a wall: it has no outcomes and no value.
    public let isWall: [Bool]
    private let outcomes: [Outcome]
    /// Outcomes of (s, a) are `outcomes[offsets[s·A + a] ..< offsets[s·A + a + 1]]`.
    private let offsets: [Int]
    /// gymnasium's unmerged outcome list of any action, as turns of it (`gymnasiumOutcome`).
    private let gymnasiumMoves: [(turn: Int, probability: Double)]

    /// The largest |r| over every outcome of the table (0 for a map without moves).
    public var maximumAbsoluteReward: Double { outcomes.reduce(0) { max($0, abs($1.reward)) } }

    /// Builds the table from a map and its settings (including `slippery`).
    public init(map: GridMap) {
        let settings = map.settings
        stateCount = map.rows * map.cols
        start = map.start
        isTerminal = map.cells.map(\.isTerminal)
        isWall = map.cells.map { $0 == .wall }
        var outcomes: [Outcome] = []
        var offsets = [0]
        let moves = { action in Self.moves(action: action, settings: settings) }
        for state in 0..<stateCount {
            for action in 0..<GridAction.allCases.count {
                let cell = map.cells[state]
                if cell.isTerminal {
                    outcomes.append(Outcome(probability: 1, next: state, reward: 0, terminated: true))
                } else if cell != .wall {
                    let first = outcomes.count
                    for (direction, probability) in moves(action) where probability > 0 {
                        var outcome = Self.move(from: state, direction: direction, in: map)
                        if let same = outcomes[first...].firstIndex(where: {
                            $0.next == outcome.next && $0.reward == outcome.reward && $0.terminated == outcome.terminated
                        }) {
                            outcomes[same].probability += probability
                        } else {
                            outcome.probability = probability
                            outcomes.append(outcome)
                        }
                    }
                }
                offsets.append(outcomes.count)
            }
        }
        self.outcomes = outcomes
        self.offsets = offsets
        gymnasiumMoves = Self.gymnasiumMoves(map: map)
    }

    /// The directions action `action` may go under `settings`, with their probabilities, in FrozenLake's order.
    private static func moves(action: Int, settings: GridSettings) -> [(direction: Int, probability: Double)] {
        let perpendicular = (1 - settings.successRate) / 2
        return settings.slippery
            ? [((action + 1) % 4, perpendicular), (action, settings.successRate), ((action + 3) % 4, perpendicular)]
            : [(action, 1)]
    }

    /// gymnasium's unmerged list `P[s][a]` for a cell that is not G or H, as (turn, probability): the direction
    /// is (a + turn) mod 4. FrozenLake lists the clockwise neighbour, a, the counterclockwise one, with
    /// (1 − q)/2, q, (1 − q)/2; CliffWalking (a map with cliff cells) lists them counterclockwise first, each with
    /// 1/3 (its `1 / len(deltas)`, which differs from (1 − 1/3)/2 by an ulp). A map that does not slip lists one
    /// entry of probability 1.
    private static func gymnasiumMoves(map: GridMap) -> [(turn: Int, probability: Double)] {
        let settings = map.settings
        guard settings.slippery else { return [(0, 1)] }
        guard map.cells.contains(.cliff) else {
            return moves(action: 0, settings: settings).map { ($0.direction, $0.probability) }
        }
        let perpendicular = settings.successRate == 1.0 / 3.0 ? 1.0 / 3.0 : (1 - settings.successRate) / 2
        let intended = settings.successRate == 1.0 / 3.0 ? 1.0 / 3.0 : settings.successRate
        return [(3, perpendicular), (0, intended), (1, perpendicular)]
    }

    /// The outcome gymnasium's FrozenLake/CliffWalking `step` picks for a draw u = `np_random.random()`
    /// (`categorical_sample`): the first entry of its unmerged list `P[s][a]` whose cumulative probability
    /// exceeds u, or the first entry if none does (numpy's `argmax` of an all-false array). On G or H the list is
    /// the one absorbing entry. Merged entries would map u to outcomes differently, hence this walk.
    public func gymnasiumOutcome(in map: GridMap, state: Int, action: Int, draw: Double) -> Outcome {
        if isTerminal[state] { return Outcome(probability: 1, next: state, reward: 0, terminated: true) }
        var chosen = gymnasiumMoves[0]
        var cumulative = 0.0
        for move in gymnasiumMoves {
            cumulative += move.probability
            if cumulative > draw {
                chosen = move
                break
            }
        }
        var outcome = Self.move(from: state, direction: (action + chosen.turn) % 4, in: map)
        outcome.probability = chosen.probability
        return outcome
    }

    /// The outcomes of taking `action` in `state` (empty for a wall). A slice of the table: no copy.
    public func outcomes(state: Int, action: Int) -> ArraySlice<Outcome> {
        let slot = state * actionCount + action
        return outcomes[offsets[slot]..<offsets[slot + 1]]
    }

    /// The deterministic result of trying to move `direction` from `state` (probability left at 1): the move
    /// lands on the target cell, or stays put if that is a wall or off the grid, and the cell it lands on
    /// decides the reward. (Only a cliff cell, where no agent ever stands, could send an agent that stays
    /// put anywhere: gymnasium's table sends it to the start, and so does this.)
    private static func move(from state: Int, direction: Int, in map: GridMap) -> Outcome {
        let settings = map.settings
        let delta = GridAction.allCases[direction].delta
        let row = state / map.cols + delta.row
        let col = state % map.cols + delta.column
        let enterable = row >= 0 && row < map.rows && col >= 0 && col < map.cols && map.cell(row: row, col: col) != .wall
        let landing = enterable ? row * map.cols + col : state
        switch map.cells[landing] {
        case .goal: return Outcome(probability: 1, next: landing, reward: settings.goalReward, terminated: true)
        case .hole: return Outcome(probability: 1, next: landing, reward: settings.holeReward, terminated: true)
        case .cliff: return Outcome(probability: 1, next: map.start, reward: settings.cliffReward, terminated: false)
        case .start, .empty, .wall:
            return Outcome(probability: 1, next: landing, reward: settings.stepReward, terminated: false)
        }
    }
}
