import RLCore

/// A MinAtar game as minatar 1.0.15's `Environment(game, sticky_action_prob, difficulty_ramping)` runs it after
/// `seed(s)` and `reset()`: one numpy `RandomState` stream shared by the sticky actions and the game, and an act
/// that first draws `rand()` and repeats the previous action when the draw is below the sticky probability (the
/// draw happens even with probability 0 and after the episode has ended; `reset()` keeps the previous action).
///
/// The one addition is `stepLimit`: MinAtar ends only Freeway by time, and a good Breakout player never loses,
/// so for training an episode is truncated after `stepLimit` acts (`defaultStepLimit` unless told otherwise).
public struct MinAtar<Game: MinAtarGame>: Environment, Sendable {
    /// Acts after which a training episode is truncated unless the game ended first: 10,000, the length of an
    /// Atari episode's 27,000-step cap in spirit, and ample for every game but an unbeatable Breakout.
    public static var defaultStepLimit: Int { 10_000 }

    public let stickyActionProbability: Double
    public let difficultyRamping: Bool
    /// Acts after which an episode is truncated; nil never truncates (the conformance replays use nil).
    public let stepLimit: Int?
    /// The stream shared by the sticky actions and the game; its position is what the traces record.
    public private(set) var random: NumpyRandomState
    public private(set) var game = Game()
    private var previousAction = MinAtarAction.noop
    private var actsInEpisode = 0

    /// `Environment(game, sticky_action_prob, difficulty_ramping)`, then `seed(seed)` and `reset()`.
    public init(
        seed: UInt32, stickyActionProbability: Double = 0.1, difficultyRamping: Bool = true,
        stepLimit: Int? = Self.defaultStepLimit
    ) {
        self.stickyActionProbability = stickyActionProbability
        self.difficultyRamping = difficultyRamping
        self.stepLimit = stepLimit
        random = NumpyRandomState(seed: seed)
        reset()
    }

    public var observationCount: Int { MinAtarCanvas.size * MinAtarCanvas.size * Game.channelNames.count }
    public var actionCount: Int { MinAtarAction.allCases.count }

    public mutating func reset() {
        game.reset(random: &random)
        actsInEpisode = 0
    }

    public mutating func step(_ action: Int) -> StepOutcome {
        precondition((0..<actionCount).contains(action), "MinAtar's actions are 0..<6")
        if random.rand() >= stickyActionProbability {
            previousAction = MinAtarAction(rawValue: action)!
        }
        let reward = game.act(previousAction, random: &random, ramping: difficultyRamping)
        actsInEpisode += 1
        let terminated = game.isTerminal
        let truncated = !terminated && stepLimit.map { actsInEpisode >= $0 } ?? false
        return StepOutcome(reward: reward, terminated: terminated, truncated: truncated)
    }

    public func writeObservation(into buffer: UnsafeMutableBufferPointer<Float>) {
        game.draw(on: MinAtarCanvas(clearing: buffer, channels: Game.channelNames.count))
    }
}

extension MinAtar {
    /// The shared stream, the game, the sticky action and the acts of the episode so far.
    public func saveState(into part: inout StatePart) {
        random.save(into: &part, as: "random")
        part.storing("game", game.savedState)
        part.set("previous_action", integer: previousAction.rawValue)
        part.set("acts_in_episode", integer: actsInEpisode)
    }

    public mutating func restoreState(from part: StatePart) throws(StatePartError) {
        let random = try NumpyRandomState(restoring: part, from: "random")
        var game = Game()
        try part.restoring("game") { (gamePart) throws(StatePartError) in try game.restoreState(from: gamePart) }
        let previous = try part.integer("previous_action", in: 0...(MinAtarAction.allCases.count - 1))
        let acts = try part.integer("acts_in_episode")
        (self.random, self.game, actsInEpisode) = (random, game, acts)
        previousAction = MinAtarAction(rawValue: previous)!
    }
}
