import Environments
import RLCore

/// A fixed policy acting in a gridworld, one step at a time, with what a viewer needs to draw it: the
/// agent's recent path, the return of the episode under way and the returns of the finished ones.
///
/// The policy is ε-greedy over a given greedy action per cell (e.g. the argmax of Q* from value
/// iteration): with probability ε a uniformly random action, otherwise the greedy one,
///
///     π(a|s) = ε/|A| + (1 − ε)·[a = greedy(s)].
///
/// Exploration draws come from their own generator, so the environment's slips and the agent's choices
/// are separate streams of the run seed. Nothing is learned: the greedy table never changes.
public struct EpsilonGreedyRollout: Sendable {
    public private(set) var environment: Gridworld
    /// The greedy action of each cell (nil where no action is taken: walls, terminal cells).
    public let greedyActions: [Int?]
    /// The probability of a uniformly random action, in [0, 1].
    public let epsilon: Double
    /// How many cells of the path `path` keeps.
    public let pathLength: Int
    private var exploration: Xoshiro256StarStar

    /// Environment steps taken since the rollout began, over all episodes.
    public private(set) var steps = 0
    /// The number of the episode under way or just ended, from 1.
    public private(set) var episode = 1
    /// The sum of rewards so far in the current episode (undiscounted, as episode returns are reported).
    public private(set) var episodeReturn = 0.0
    /// The return of every finished episode (terminated or truncated), in order.
    public private(set) var returns: [Double] = []
    /// The agent's last `pathLength` cells in this episode, oldest first, ending with its current cell.
    public private(set) var path: [Int]
    /// The outcome of the latest step, nil before the first.
    public private(set) var lastOutcome: StepOutcome?

    /// Starts an episode of `environment` (reset here) under the ε-greedy policy over `greedyActions`,
    /// drawing exploration from `exploration`.
    public init(environment: Gridworld, greedyActions: [Int?], epsilon: Double, exploration: Xoshiro256StarStar,
                pathLength: Int = 24) {
        precondition(epsilon >= 0 && epsilon <= 1, "ε must be in [0, 1]")
        precondition(greedyActions.count == environment.map.cells.count, "one greedy action per cell")
        precondition(pathLength >= 1, "the path keeps at least the current cell")
        self.environment = environment
        self.environment.reset()
        self.greedyActions = greedyActions
        self.epsilon = epsilon
        self.exploration = exploration
        self.pathLength = pathLength
        path = [environment.map.start]
    }

    /// The episode ended with the latest step; the next `advance()` starts a new one.
    public var episodeIsOver: Bool { lastOutcome?.isDone ?? false }

    /// Takes one environment step. After an episode ended, it first resets the environment and starts the
    /// next episode, so the end state stays visible for one step and every call advances `steps` by one.
    public mutating func advance() {
        if episodeIsOver {
            environment.reset()
            episode += 1
            episodeReturn = 0
            path = [environment.position]
        }
        let outcome = environment.step(action(in: environment.position))
        steps += 1
        episodeReturn += outcome.reward
        if path.count == pathLength { path.removeFirst() }
        path.append(environment.position)
        lastOutcome = outcome
        if outcome.isDone { returns.append(episodeReturn) }
    }

    /// The action taken in `cell`: random with probability ε, else greedy (random too where there is no
    /// greedy action).
    private mutating func action(in cell: Int) -> Int {
        let count = environment.actionCount
        let explore = exploration.bernoulli(epsilon)
        guard !explore, let greedy = greedyActions[cell] else { return exploration.uniformInt(below: count) }
        return greedy
    }
}
