import Agents
import Environments
import TerminalUI

/// What `rlterm watch` shows and controls: the value-iteration solution of a map and an ε-greedy rollout of
/// its greedy policy, with the pause state and the pace. It turns them into the plain values of
/// `RolloutScreen`; the command's loop decides when to step and when to draw.
struct WatchSession {
    let map: GridMap
    let solution: ValueIteration
    private(set) var rollout: EpsilonGreedyRollout
    var isPaused = false
    /// The paces + and − move between, in environment steps per second.
    static let paces = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
    private(set) var paceIndex = paces.firstIndex(of: 10) ?? 0
    private let tiles: [[GridTile]]
    private let values: Heatmap

    init(map: GridMap, solution: ValueIteration, rollout: EpsilonGreedyRollout) {
        self.map = map
        self.solution = solution
        self.rollout = rollout
        let cells = (0..<map.rows).map { row in Array(map.cells[row * map.cols..<(row + 1) * map.cols]) }
        tiles = cells.map { $0.map(Self.tile) }
        let arrows: [Arrow] = [.up, .right, .down, .left]
        // No agent ever stands on a cliff cell, so its solver value would only stretch the colour scale.
        values = Heatmap(
            values: (0..<map.rows).map { row in
                (0..<map.cols).map { column in
                    let cell = row * map.cols + column
                    return map.cells[cell] == .cliff ? nil : solution.values[cell]
                }
            },
            arrows: (0..<map.rows).map { row in
                (0..<map.cols).map { column in
                    let cell = row * map.cols + column
                    return map.cells[cell] == .cliff ? nil : solution.policy[cell].map { arrows[$0] }
                }
            })
    }

    var pace: Int { Self.paces[paceIndex] }

    mutating func faster() { paceIndex = min(paceIndex + 1, Self.paces.count - 1) }
    mutating func slower() { paceIndex = max(paceIndex - 1, 0) }
    mutating func advance() { rollout.advance() }

    /// The screen for the current state, with the step rate measured by the caller.
    func screen(stepsPerSecond: Double) -> RolloutScreen {
        let position = { (cell: Int) in GridPosition(row: cell / map.cols, column: cell % map.cols) }
        return RolloutScreen(
            mapName: map.name, mapRows: map.rows, mapColumns: map.cols, epsilon: rollout.epsilon, gamma: solution.gamma,
            isPaused: isPaused, step: rollout.steps, episode: rollout.episode, stepsPerSecond: stepsPerSecond,
            pace: pace,
            grid: GridView(tiles: tiles, agent: position(rollout.environment.position), trail: rollout.path.map(position)),
            episodeReturn: rollout.episodeReturn, returns: rollout.returns, values: values)
    }

    private static func tile(_ cell: GridCell) -> GridTile {
        switch cell {
        case .start: .start
        case .goal: .goal
        case .empty: .empty
        case .hole: .hole
        case .wall: .wall
        case .cliff: .cliff
        }
    }
}
