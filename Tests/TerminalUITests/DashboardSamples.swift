import Environments
import Foundation
import TerminalUI

/// Hand-made view models for the dashboard's golden tests: a cliff gridworld under DQN, CartPole under VPG,
/// MountainCar and Acrobot under DQN, with plausible numbers typed in (nothing here is computed by an engine).
enum DashboardSamples {
    static let hyperparameters = [
        HyperparameterRow(symbol: "γ", meaning: "discount", value: 0.99),
        HyperparameterRow(symbol: "λ", meaning: "GAE lambda", value: 0.95, isActive: false),
        HyperparameterRow(symbol: "K", meaning: "target period", value: 500, isInteger: true),
        HyperparameterRow(symbol: "α", meaning: "learning rate", value: 0.0003),
        HyperparameterRow(symbol: "ε", meaning: "exploration", value: 0.1),
        HyperparameterRow(symbol: "B", meaning: "batch size", value: 64, isInteger: true),
        HyperparameterRow(symbol: "PER α", meaning: "priority exponent", value: 0.6, isActive: false),
        HyperparameterRow(symbol: "PER β", meaning: "importance weight", value: 0.4, isActive: false),
        HyperparameterRow(symbol: "HER k", meaning: "relabels per step", value: 4, isInteger: true, isActive: false),
    ]

    /// Returns that climb from −100 towards −13 with a wobble, `count` of them.
    static func returns(_ count: Int, start: Double = -100, end: Double = -13) -> [Double] {
        (0..<count).map { index in
            let progress = Double(index) / Double(max(count - 1, 1))
            return start + (end - start) * progress + Double((index * 7) % 5 - 2) * 3
        }
    }

    static let cliffTiles: [[GridTile]] = [
        Array(repeating: .empty, count: 12), Array(repeating: .empty, count: 12), Array(repeating: .empty, count: 12),
        [.start] + Array(repeating: .cliff, count: 10) + [.goal],
    ]

    static var cliff: DashboardViewModel {
        let values: [[Double?]] = (0..<4).map { (row: Int) -> [Double?] in
            (0..<12).map { (column: Int) -> Double? in
                let onCliff = row == 3 && column > 0 && column < 11
                return onCliff ? nil : Double(column + (3 - row) / 2 - 14)
            }
        }
        let arrows: [[Arrow?]] = (0..<4).map { (row: Int) -> [Arrow?] in
            (0..<12).map { (column: Int) -> Arrow? in column == 11 ? .down : (row == 3 ? .up : .right) }
        }
        return DashboardViewModel(
            environmentName: "cliff 4×12", algorithmName: "DQN", runState: .training, step: 12_345, episode: 210,
            stepsPerSecond: 8_200, pace: "full",
            scene: .grid(GridView(tiles: cliffTiles, agent: GridPosition(row: 2, column: 4),
                                  trail: [GridPosition(row: 3, column: 0), GridPosition(row: 2, column: 0),
                                          GridPosition(row: 2, column: 1), GridPosition(row: 2, column: 2),
                                          GridPosition(row: 2, column: 3)])),
            sceneCaption: "return -5.00",
            returnSegments: [
                ReturnSegment(label: "VPG", returns: returns(80, end: -40)),
                ReturnSegment(label: "DQN", returns: returns(120), markers: [PlotMarker(x: 60, label: "γ 0.97")]),
            ],
            averageWindow: 20,
            losses: [2.0, 1.2, 0.8, 0.3, 0.12, 0.05, 0.04, 0.02], tdErrors: [3, 2, 1.5, 0.6, 0.3, 0.2, 0.1, 0.08],
            values: .grid(Heatmap(values: values, arrows: arrows)),
            hyperparameters: hyperparameters, selectedHyperparameter: 0,
            explanation: ["y = r + γ·max Q(s′,a′;θ⁻) = −1 + 0.99·(−3.20) = −4.17",
                          "δ = y − Q(s,a) = −4.17 − (−3.95) = −0.22"])
    }

    static var cartPole: DashboardViewModel {
        let slice: [[Double]] = (0..<7).map { (row: Int) -> [Double] in
            (0..<15).map { (column: Int) -> Double in Double(100 - abs(column - 7) * 9 - abs(row - 3) * 12) }
        }
        return DashboardViewModel(
            environmentName: "cartpole", algorithmName: "VPG", runState: .paused, step: 4_000, episode: 37,
            stepsPerSecond: 0, pace: "10/s",
            scene: .cartPole(CartPoleView(position: 0.6, angle: 0.15)), sceneCaption: "frame 12/40",
            plotView: .loss, returnSegments: [ReturnSegment(label: "VPG", returns: returns(37, start: 10, end: 120))],
            averageWindow: 20, losses: [1.5, 0.9, 0.7, 0.4, 0.35, 0.2],
            heatmapMode: .policy(action: "right"),
            values: .slice(SliceHeatmap(values: slice, horizontalRange: -0.21...0.21, verticalRange: -2...2,
                                                 state: (horizontal: 0.15, vertical: -0.5))),
            hyperparameters: hyperparameters, selectedHyperparameter: 3, flashedHyperparameter: 3,
            explanation: ["Â_t = Σ (γλ)^l δ_{t+l} = 0.42", "loss = −log π(a|s)·Â = 0.37"],
            showExplain: true)
    }

    /// A MountainCar cost-to-go surface: the valley's floor at rest costs most, and the greedy push follows
    /// the velocity (→ when moving right, ← when moving left, none at rest).
    static var mountainCar: DashboardViewModel {
        let (rows, columns) = (9, 25)
        let values: [[Double]] = (0..<rows).map { (row: Int) -> [Double] in
            (0..<columns).map { (column: Int) -> Double in
                let (dx, dy) = (Double(column - 9) / 6, Double(row - 4) / 3)
                return -60 - 50 * exp(-(dx * dx + dy * dy))
            }
        }
        let arrows: [[Arrow?]] = (0..<rows).map { row in
            (0..<columns).map { _ in row < 4 ? .right : (row > 4 ? .left : nil) }
        }
        return DashboardViewModel(
            environmentName: "mountaincar", algorithmName: "DQN", runState: .paused, step: 60_000, episode: 300,
            stepsPerSecond: 0, pace: "10/s",
            scene: .mountainCar(MountainCarView(position: -0.9)), sceneCaption: "return -87",
            plotView: .returns,
            returnSegments: [ReturnSegment(label: "DQN", returns: returns(300, start: -200, end: -110))],
            averageWindow: 20, losses: [], heatmapMode: .maxQ,
            values: .slice(SliceHeatmap(values: values, arrows: arrows, horizontalRange: -1.2...0.6,
                                        verticalRange: -0.07...0.07, horizontalName: "x", verticalName: "v",
                                        state: (horizontal: -0.9, vertical: -0.02))),
            hyperparameters: hyperparameters, selectedHyperparameter: 0)
    }

    /// Acrobot part-way up, under DQN, with its θ₁ × θ̇₁ slice.
    static var acrobot: DashboardViewModel {
        let (rows, columns) = (9, 25)
        let values: [[Double]] = (0..<rows).map { (row: Int) -> [Double] in
            (0..<columns).map { (column: Int) -> Double in
                let swing = cos(Double(column - 12) / 4)
                return -40 - 30 * swing + Double(abs(row - 4)) * 3
            }
        }
        return DashboardViewModel(
            environmentName: "acrobot", algorithmName: "DQN", runState: .training, step: 20_000, episode: 80,
            stepsPerSecond: 0, pace: "10/s",
            scene: .acrobot(AcrobotView(theta1: 2.2, theta2: 0.8)), sceneCaption: "return -41",
            plotView: .returns,
            returnSegments: [ReturnSegment(label: "DQN", returns: returns(80, start: -500, end: -90))],
            averageWindow: 20, losses: [], heatmapMode: .maxQ,
            values: .slice(SliceHeatmap(values: values, horizontalRange: -Double.pi...Double.pi,
                                        verticalRange: -4 * Double.pi...4 * Double.pi, horizontalName: "θ₁",
                                        verticalName: "θ̇₁", state: (horizontal: 2.2, vertical: 1.5))),
            hyperparameters: hyperparameters, selectedHyperparameter: 0)
    }

    // MARK: MinAtar

    static let minAtarActions = ["noop", "left", "up", "right", "down", "fire"]

    /// A 10 × 10 board from rows of text, one character a cell: a digit is the highest channel set there.
    static func board(_ rows: [String]) -> [Int?] {
        rows.flatMap { row in row.map { $0.wholeNumberValue } }
    }

    /// Breakout under DQN mid-episode: three rows of bricks with a hole, the ball falling towards the paddle
    /// with its trail behind it, and Q-values that favour moving right.
    static var minAtarBreakout: DashboardViewModel {
        let cells = board([
            "..........", "3333333333", "333..33333", "3333333333", "..........",
            "......2...", ".......1..", "..........", "..........", ".....0....",
        ])
        let q = [0.81, 0.64, 0.80, 0.97, 0.79, 0.83]
        let actions = ActionBars(title: "Q(s,a)", names: minAtarActions, values: q)
        return DashboardViewModel(
            environmentName: "minatar-breakout", algorithmName: "DQN", runState: .training, step: 48_210, episode: 1_370,
            stepsPerSecond: 2_900, pace: "full",
            scene: .minAtar(MinAtarView(cells: cells, channelNames: ["paddle", "ball", "trail", "brick"], actions: actions)),
            sceneCaption: "return 3.00",
            returnSegments: [ReturnSegment(label: "DQN", returns: returns(1_370, start: 0.5, end: 4))],
            averageWindow: 100, heatmapMode: .actionValue(action: "a"),
            values: .actions(ActionValueList(names: minAtarActions, values: q)),
            hyperparameters: hyperparameters, selectedHyperparameter: 0)
    }

    /// Breakout's screen after `v` reaches what DQN's network sees: the maps of a convolution of the board.
    static var minAtarBreakoutFeatures: DashboardViewModel {
        var model = minAtarBreakout
        guard case .minAtar(let view) = model.scene else { return model }
        model.featureMaps = featureMaps(of: view.cells, channels: view.channelNames.count)
        return model
    }

    /// The rectified 3 × 3 valid convolution of a board (one plane per channel, 1 where the cell's highest
    /// channel is that one) with 16 kernels, each of weights in {−1, 0, 1} from a fixed linear congruential
    /// sequence and a bias of −1: maps a real convolution makes, so the goldens show what the view looks like,
    /// with no network needed.
    static func featureMaps(of cells: [Int?], channels: Int) -> FeatureMapGrid {
        let (side, out, filters) = (MinAtarView.side, MinAtarView.side - 2, 16)
        var state: UInt32 = 12_345
        let weights = (0..<(filters * channels * 9)).map { _ -> Double in
            state = state &* 1_103_515_245 &+ 12_345
            return Double(Int((state >> 16) % 3) - 1)
        }
        var values: [Double] = []
        for filter in 0..<filters {
            for y in 0..<out {
                for x in 0..<out {
                    var sum = -1.0
                    for i in 0..<3 {
                        for j in 0..<3 {
                            guard let channel = cells[(y + i) * side + x + j] else { continue }
                            sum += weights[((filter * channels + channel) * 3 + i) * 3 + j]
                        }
                    }
                    values.append(max(sum, 0))
                }
            }
        }
        return FeatureMapGrid(values: values, count: filters, height: out, width: out)
    }

    /// The board of `Game` seeded with `seed` (MinAtar's `seed(s)`, sticky actions as in training) after
    /// `actions`, as the dashboard draws a frame: each cell's highest channel.
    static func seededBoard<Game: MinAtarGame>(_ game: Game.Type, seed: UInt32, actions: [MinAtarAction]) -> [Int?] {
        var environment = MinAtar<Game>(seed: seed)
        for action in actions { _ = environment.step(action.rawValue) }
        guard case .minAtar(let frame) = environment.sceneState else { return [] }
        return (0..<(MinAtarView.side * MinAtarView.side)).map {
            frame.topChannel(y: $0 / MinAtarView.side, x: $0 % MinAtarView.side)
        }
    }

    /// A MinAtar game's screen under `algorithm` from a seeded game's board, with its values in the panel and
    /// as bars (Q, or π for a policy agent with the note on its flat inputs).
    static func seededMinAtar<Game: MinAtarGame>(_ game: Game.Type, seed: UInt32, actions: [MinAtarAction],
                                                 algorithm: String, values: [Double], policy: Bool = false,
                                                 note: String? = nil) -> DashboardViewModel {
        let title = policy ? "π(a|s)" : "Q(s,a)"
        let bars = ActionBars(title: title, names: minAtarActions, values: values, isProbability: policy)
        let name = MinAtar<Game>.descriptor.name
        return DashboardViewModel(
            environmentName: name, algorithmName: algorithm, runState: .paused, step: 20_000 + actions.count,
            episode: 310, stepsPerSecond: 0, pace: "full",
            scene: .minAtar(MinAtarView(cells: seededBoard(game, seed: seed, actions: actions),
                                        channelNames: Game.channelNames, actions: bars)),
            sceneCaption: "return 0.00",
            returnSegments: [ReturnSegment(label: algorithm, returns: returns(310, start: 0, end: 5))],
            averageWindow: 100, heatmapMode: policy ? .policy(action: "a") : .actionValue(action: "a"),
            values: .actions(ActionValueList(names: minAtarActions, values: values, note: note)),
            hyperparameters: hyperparameters, selectedHyperparameter: 0)
    }

    /// Freeway under DQN, seed 7, after twelve steps, nearly all up: the chicken on its way across, among the cars.
    static var minAtarFreeway: DashboardViewModel {
        seededMinAtar(MinAtarFreeway.self, seed: 7, actions: Array(repeating: .up, count: 9) + [.noop, .noop, .up],
                      algorithm: "DQN", values: [0.42, 0.40, 0.61, 0.39, 0.35, 0.41])
    }

    /// Asterix under REINFORCE, seed 5, fifty steps of a round of moves in: enemies and gold in their lanes;
    /// its MLP reads the frame flat.
    static var minAtarAsterix: DashboardViewModel {
        let round: [MinAtarAction] = [.up, .noop, .right, .noop, .down, .left]
        return seededMinAtar(MinAtarAsterix.self, seed: 5, actions: (0..<50).map { round[$0 % round.count] },
                             algorithm: "REINFORCE", values: [0.05, 0.31, 0.22, 0.18, 0.20, 0.04], policy: true,
                             note: "REINFORCE reads 400 flat inputs: no convolution (DQN has one).")
    }

    /// Seaquest under DQN, seed 4: the submarine dived three rows and fired left and right for fifty steps,
    /// enemies about and the oxygen gauge running down, with ten channels in the legend.
    static var minAtarSeaquest: DashboardViewModel {
        let round: [MinAtarAction] = [.fire, .left, .fire, .right, .noop]
        return seededMinAtar(MinAtarSeaquest.self, seed: 4,
                             actions: [.down, .down, .down] + (0..<50).map { round[$0 % round.count] },
                             algorithm: "DQN", values: [1.12, 1.30, 0.97, 1.21, 1.45, 1.38])
    }

    /// Space Invaders under VPG while browsing back: the block of aliens marching left, a bullet each way, and
    /// a note where the bars go (the policy is only computed for the newest frame).
    static var minAtarSpaceInvaders: DashboardViewModel {
        let cells = board([
            "..222222..", "..222222..", "..222.22..", "..222222..", "....5.....",
            "..........", "......4...", "..........", "..........", "......0...",
        ])
        let actions = ActionBars(title: "π(a|s)", names: minAtarActions, values: [], isProbability: true,
                                 note: "of the newest frame only")
        return DashboardViewModel(
            environmentName: "minatar-space-invaders", algorithmName: "VPG", runState: .paused, step: 29_000,
            episode: 698, stepsPerSecond: 0, pace: "full",
            scene: .minAtar(MinAtarView(cells: cells, channelNames: ["cannon", "alien", "alien_left", "alien_right",
                                                                     "friendly_bullet", "enemy_bullet"],
                                        actions: actions)),
            sceneCaption: "frame 6/8 R=1.00",
            returnSegments: [ReturnSegment(label: "VPG", returns: returns(698, start: 1, end: 6))],
            averageWindow: 100, heatmapMode: .policy(action: "a"),
            values: .unavailable("The values are of the newest frame only."),
            hyperparameters: hyperparameters, selectedHyperparameter: 0)
    }

    /// Space Invaders' live screen with the policy's bars: probabilities drawn from 0 to 1.
    static var minAtarSpaceInvadersLive: DashboardViewModel {
        var model = minAtarSpaceInvaders
        guard case .minAtar(var view) = model.scene else { return model }
        view.actions = ActionBars(title: "π(a|s)", names: minAtarActions, values: [0.02, 0.09, 0.01, 0.05, 0.02, 0.81],
                                  isProbability: true)
        model.scene = .minAtar(view)
        model.sceneCaption = "return 1.00"
        model.runState = .training
        model.values = .actions(ActionValueList(names: minAtarActions, values: [0.02, 0.09, 0.01, 0.05, 0.02, 0.81],
                                                note: "VPG reads 600 flat inputs: no convolution (DQN has one)."))
        return model
    }
}
