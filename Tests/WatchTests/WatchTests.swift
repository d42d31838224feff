import Agents
import Environments
import Foundation
import TerminalUI
import Testing
@testable import Training
@testable import Watch

/// Snapshots made by the real engine (a session worker driven step by step) turned into screens and keys
/// turned into commands, without a terminal.
@Suite("Terminal UI: presenter and keys")
struct WatchTests {
    static let unicode = Theme(colorMode: .none, charset: .unicode)
    static let now = ContinuousClock.now

    static func worker(_ environment: String = "cliffwalking", algorithm: Algorithm = .dqn,
                       options: AgentOptions = AgentOptions(), paused: Bool = true) throws -> SessionWorker {
        try SessionWorker(
            configuration: TrainingConfiguration(environment: EnvironmentSpec(name: environment), algorithm: algorithm,
                                                 hyperparameters: algorithm == .dqn ? [.hiddenSize: 8, .learningStarts: 20] : [.hiddenSize: 8],
                                                 options: options,
                                                 steps: 2_000, seed: 4),
            log: nil, settings: SessionSettings(startsPaused: paused))
    }

    static func screen(_ snapshot: TrainingSnapshot, view: WatchViewState = WatchViewState(), width: Int = 100,
                       height: Int = 30, theme: Theme = unicode) -> [String] {
        let model = DashboardPresenter(glyphs: theme.glyphs).model(snapshot, view: view, now: now)
        var surface = MemorySurface(width: width, height: height)
        DashboardScreen(model: model).render(into: &surface, theme: theme)
        return surface.lines
    }

    static func controller() -> WatchController {
        WatchController(algorithms: AlgorithmRegistry.all,
                        environments: ["cliffwalking", "cartpole", "frozenlake4x4"].map { EnvironmentSpec(name: $0) })
    }

    @Test("the hyperparameter panel heads with the network: an MLP on the cliff, the paper's convolution on MinAtar")
    func networkInPanel() throws {
        let cliff = Self.screen(try Self.worker().snapshot(), width: 120, height: 40)
        #expect(cliff.contains { $0.contains("Q = MLP 48 → 8 → 8 → 4 (Adam)") })
        let breakout = try Self.worker("minatar-breakout").snapshot()
        #expect(breakout.network == "Q = conv 16 3×3 → 8 → 8 → 6 on 10×10×4 (centered RMSProp)")
        let lines = Self.screen(breakout, width: 120, height: 40)
        #expect(lines.contains { $0.contains("Q = conv 16 3×3 → 8 → 8 → 6") })
    }

    @Test("a paused DQN session on the cliff: status, map with the agent on S, Q heatmap, γ first in the panel")
    func cliffScreen() throws {
        let lines = Self.screen(try Self.worker().snapshot())
        #expect(lines[0].contains("rlterm · cliffwalking · DQN · seed 4 · ‖ paused"))
        #expect(lines[0].contains("step 0 · ep 0"))
        #expect(lines.contains { $0.contains("● ▒ ▒ ▒ ▒ ▒ ▒ ▒ ▒ ▒ ▒ G") })
        #expect(lines.contains { $0.contains("max_a Q(s,a)") })
        #expect(lines.contains { $0.contains("▸ γ") && $0.contains("0.990") })
        #expect(lines.contains { $0.contains("λ") && $0.contains("(unused") })
        #expect(lines.last?.contains("space run") == true)
    }

    @Test("every environment and algorithm draws at 80×24 and 120×40, in Unicode and ASCII, without a crash")
    func everyCombination() throws {
        for environment in ["cliffwalking", "cartpole", "acrobot", "mountaincar", "bitflip", "cliffwalk", "fourrooms",
                            "minatar-breakout", "minatar-freeway", "minatar-space-invaders", "minatar-asterix"] {
            for algorithm in [Algorithm.dqn, .vpg, .onlineAC] {
                let worker = try Self.worker(environment, algorithm: algorithm, paused: false)
                for _ in 0..<300 { worker.stepOnce() }
                let snapshot = worker.snapshot()
                for theme in [Self.unicode, Theme(colorMode: .indexed256, charset: .ascii)] {
                    for (width, height) in [(80, 24), (120, 40)] {
                        var view = WatchViewState()
                        for index in 0..<6 {
                            view.heatmapIndex = index
                            let lines = Self.screen(snapshot, view: view, width: width, height: height, theme: theme)
                            #expect(lines.count == height && lines.allSatisfy { $0.count == width })
                            #expect(lines[0].contains(algorithm.displayName))
                        }
                    }
                }
            }
        }
    }

    @Test("heatmap views follow what the agent has: Q views and the error to Q* for DQN, π and V for VPG")
    func heatmapChoices() throws {
        let dqn = try Self.worker().snapshot().values
        #expect(HeatmapChoice.choices(for: dqn, actionCount: 4)
            == [.maxQ, .actionValue(0), .actionValue(1), .actionValue(2), .actionValue(3), .errorToOptimal])
        let vpg = try Self.worker(algorithm: .vpg).snapshot().values
        #expect(HeatmapChoice.choices(for: vpg, actionCount: 4) == [.mostProbable, .stateValue])
        let cartPole = try Self.worker("cartpole", algorithm: .vpg).snapshot().values
        #expect(HeatmapChoice.choices(for: cartPole, actionCount: 2) == [.policy(1), .stateValue])
    }

    @Test("MountainCar's value view is max_a Q over position × velocity with the greedy push, the car marked")
    func mountainCarSlice() throws {
        let worker = try Self.worker("mountaincar")
        for _ in 0..<50 { worker.stepOnce() }
        let snapshot = worker.snapshot()
        #expect(HeatmapChoice.choices(for: snapshot.values, actionCount: 3)
            == [.maxQ, .actionValue(0), .actionValue(1), .actionValue(2)])
        let model = DashboardPresenter(glyphs: Self.unicode.glyphs)
            .model(snapshot, view: WatchViewState(), now: Self.now)
        guard case .slice(let slice) = model.values else {
            Issue.record("expected a state slice")
            return
        }
        #expect(slice.values.count == 9 && slice.values.allSatisfy { $0.count == 25 })
        #expect(slice.horizontalRange == -1.2...0.6 && slice.verticalRange == -0.07...0.07)
        #expect((slice.horizontalName, slice.verticalName) == ("x", "v"))
        // The top-left point is x = −1.2, v = 0.07: its value is the largest Q there, its arrow the greedy push.
        let q = snapshot.values.qValues[0]
        let best = q.indices.max { q[$0] < q[$1] }!
        #expect(slice.values[0][0] == Double(q[best]))
        #expect(slice.arrows[0][0] == [Arrow.left, nil, .right][best])
        #expect(slice.markedCell != nil)
        #expect(HeatmapChoice.actionValue(2).mode(on: snapshot.values.domain, glyphs: Self.unicode.glyphs)
            == .actionValue(action: "right"))
        let acrobot = try Self.worker("acrobot").snapshot()
        let acrobotModel = DashboardPresenter(glyphs: Self.unicode.glyphs)
            .model(acrobot, view: WatchViewState(), now: Self.now)
        guard case .slice(let acrobotSlice) = acrobotModel.values else {
            Issue.record("expected a state slice")
            return
        }
        #expect((acrobotSlice.horizontalName, acrobotSlice.verticalName) == ("θ₁", "θ̇₁"))
        #expect(acrobotSlice.markedCell == GridPosition(row: 4, column: 12))
    }

    @Test("the map heatmap blanks walls, goals and cliffs, and points each arrow at the greedy action")
    func gridHeatmap() throws {
        let snapshot = try Self.worker().snapshot()
        let model = DashboardPresenter(glyphs: Self.unicode.glyphs).model(snapshot, view: WatchViewState(), now: Self.now)
        guard case .grid(let heatmap) = model.values else {
            Issue.record("expected a map heatmap")
            return
        }
        #expect(heatmap.values[3][1] == nil && heatmap.values[3][11] == nil)
        let q = snapshot.values.qValues[0]
        let best = q.indices.max { q[$0] < q[$1] }!
        #expect(heatmap.values[0][0] == Double(q[best]))
        #expect(heatmap.arrows[0][0] == HeatmapChoice.arrow(best))
    }

    @Test("hyperparameter changes within an algorithm's run are markers on its curve; a switch is a new curve")
    func plotSegments() {
        let presenter = DashboardPresenter(glyphs: Self.unicode.glyphs)
        let segments = [
            SessionSegment(cause: .start, algorithm: .dqn, environment: "cliffwalking", firstStep: 0, firstEpisode: 0,
                           returns: [-100, -50]),
            SessionSegment(cause: .hyperparameter(.gamma, from: 0.99, to: 0.9), algorithm: .dqn, environment: "cliffwalking",
                           firstStep: 100, firstEpisode: 2, returns: [-20]),
            SessionSegment(cause: .algorithm, algorithm: .vpg, environment: "cliffwalking", firstStep: 150, firstEpisode: 3,
                           returns: [-80]),
        ]
        let plotted = presenter.returnSegments(segments)
        #expect(plotted == [
            ReturnSegment(label: "DQN", returns: [-100, -50, -20], markers: [PlotMarker(x: 2, label: "γ 0.900")]),
            ReturnSegment(label: "VPG", returns: [-80]),
        ])
    }

    @Test("a segment whose oldest returns were dropped starts its curve at the real number of its first kept episode")
    func droppedReturns() {
        let presenter = DashboardPresenter(glyphs: Self.unicode.glyphs)
        let segments = [
            SessionSegment(cause: .start, algorithm: .dqn, environment: "cliffwalking", firstStep: 0, firstEpisode: 0,
                           returns: [-30, -20], droppedReturns: 6),
            SessionSegment(cause: .hyperparameter(.gamma, from: 0.99, to: 0.9), algorithm: .dqn,
                           environment: "cliffwalking", firstStep: 900, firstEpisode: 8, returns: [-15]),
            SessionSegment(cause: .hyperparameter(.gamma, from: 0.9, to: 0.8), algorithm: .dqn,
                           environment: "cliffwalking", firstStep: 999, firstEpisode: 9, returns: [-14, -13],
                           droppedReturns: 4),
        ]
        #expect(presenter.returnSegments(Array(segments.prefix(2)))
            == [ReturnSegment(label: "DQN", returns: [-30, -20, -15], markers: [PlotMarker(x: 2, label: "γ 0.900")],
                              firstEpisode: 7)])
        // γ 0.8's first four episodes (10–13) were dropped: the curve goes on from episode 14 without the gap.
        #expect(presenter.returnSegments(segments)
            == [ReturnSegment(label: "DQN", returns: [-14, -13], firstEpisode: 14)])
    }

    @Test("← and → step the selected hyperparameter within its range; a held key counts on from what it asked")
    func editing() throws {
        let snapshot = try Self.worker().snapshot()
        var controller = Self.controller()
        #expect(controller.handle(.increaseHyperparameter, snapshot: snapshot, now: Self.now) == [.set(.gamma, 1)])
        #expect(controller.handle(.increaseHyperparameter, snapshot: snapshot, now: Self.now).isEmpty)
        #expect(controller.view.localMessage == "γ is at the end of its range, a number in [0, 1]")
        controller = Self.controller()
        #expect(controller.handle(.decreaseHyperparameter, snapshot: snapshot, now: Self.now) == [.set(.gamma, 0.98)])
        #expect(controller.handle(.decreaseHyperparameter, snapshot: snapshot, now: Self.now) == [.set(.gamma, 0.97)])
        _ = controller.handle(.selectNextHyperparameter, snapshot: snapshot, now: Self.now)
        #expect(controller.handle(.increaseHyperparameter, snapshot: snapshot, now: Self.now).isEmpty)
        #expect(controller.view.localMessage == "λ is not used by DQN")
        _ = controller.handle(.selectNextHyperparameter, snapshot: snapshot, now: Self.now)
        #expect(controller.handle(.increaseHyperparameter, snapshot: snapshot, now: Self.now) == [.set(.targetPeriod, 200)])
        #expect(controller.view.flashed == .parameter(.targetPeriod))
    }

    @Test("values that differ from the pair's preset are marked *; d restores the selected one to its preset")
    func restorePreset() throws {
        // DQN on the cliff started from its defaults: γ 0.99 where dqn/cliffwalking's preset says 0.9.
        let worker = try Self.worker()
        var snapshot = worker.snapshot()
        #expect(snapshot.presetHyperparameters[.gamma] == 0.9)
        #expect(Self.screen(snapshot).contains { $0.contains("▸ γ") && $0.contains("0.990*") })
        var controller = Self.controller()
        let commands = controller.handle(.restorePreset, snapshot: snapshot, now: Self.now)
        #expect(commands == [.set(.gamma, 0.9)])
        #expect(controller.view.flashed == .parameter(.gamma))
        commands.forEach(worker.apply)
        snapshot = worker.snapshot()
        #expect(snapshot.hyperparameters[.gamma] == 0.9)
        #expect(Self.screen(snapshot).contains { $0.contains("▸ γ") && $0.contains("0.900 ") && !$0.contains("0.900*") })
        #expect(controller.handle(.restorePreset, snapshot: snapshot, now: Self.now).isEmpty)
        #expect(controller.view.localMessage == "γ is at its preset value, 0.9")
        _ = controller.handle(.selectNextHyperparameter, snapshot: snapshot, now: Self.now)
        #expect(controller.handle(.restorePreset, snapshot: snapshot, now: Self.now).isEmpty)
        #expect(controller.view.localMessage == "the selected row has no preset value")
    }

    @Test("α_PER is dimmed and not editable without prioritized replay, editable with it")
    func optionDependentRows() throws {
        let rows = PanelRow.rows(for: Hyperparameters(defaultsFor: .dqn))
        let alphaRow = try #require(rows.firstIndex(of: .parameter(.alpha)))
        for (options, editable) in [(AgentOptions(), false), (AgentOptions(replay: .prioritized), true)] {
            let snapshot = try Self.worker(options: options).snapshot()
            var controller = Self.controller()
            controller.view.selectedRow = alphaRow
            let commands = controller.handle(.increaseHyperparameter, snapshot: snapshot, now: Self.now)
            #expect(commands == (editable ? [.set(.alpha, 0.7)] : []))
            let lines = Self.screen(snapshot, view: controller.view, width: 120, height: 40)
            #expect(lines.contains { $0.contains("α_PER") && $0.contains("(no effect)") } == !editable)
        }
    }

    @Test("ε₀ has no effect once ε's decay is over: dimmed, noted, and the message line says why when selected")
    func epsilonAfterDecay() throws {
        let worker = try Self.worker(paused: false)
        #expect(PanelRow.idleReason(of: .epsilonStart, in: worker.snapshot()) == nil)
        for _ in 0..<240 { worker.stepOnce() }
        // ε decays over ε-frac × budget = 0.12 × 2,000 = 240 steps; from then on it is ε₁.
        let snapshot = worker.snapshot()
        #expect(snapshot.epsilon == 0.04)
        let reason = try #require(PanelRow.idleReason(of: .epsilonStart, in: snapshot))
        #expect(reason.contains("240"))
        var view = WatchViewState()
        let rows = PanelRow.rows(for: snapshot.hyperparameters)
        view.selectedRow = try #require(rows.firstIndex(of: .parameter(.epsilonStart)))
        let model = DashboardPresenter(glyphs: Self.unicode.glyphs).model(snapshot, view: view, now: Self.now)
        #expect(model.message == "ε₀ has no effect: \(reason)")
        #expect(model.hyperparameters[view.selectedRow].isIdle && !model.hyperparameters[view.selectedRow].isActive)
        let lines = Self.screen(snapshot, view: view, width: 120, height: 40)
        #expect(lines.contains { $0.contains("ε₀") && $0.contains("(no effect)") })
        let small = Self.screen(snapshot, view: view, width: 80, height: 24)
        #expect(small.last?.contains("ε₀ has no effect: \(reason)") == true, "the whole reason fits at 80 columns")
    }

    @Test("an idle row says why in the message line when selected: K with --no-target, λ for DQN")
    func idleReasons() throws {
        let snapshot = try Self.worker(options: AgentOptions(noTarget: true)).snapshot()
        let rows = PanelRow.rows(for: snapshot.hyperparameters)
        let presenter = DashboardPresenter(glyphs: Self.unicode.glyphs)
        var view = WatchViewState()
        view.selectedRow = try #require(rows.firstIndex(of: .parameter(.targetPeriod)))
        #expect(presenter.model(snapshot, view: view, now: Self.now).message
            == "K has no effect: --no-target: there is no target network to update")
        view.selectedRow = try #require(rows.firstIndex(of: .parameter(.lambda)))
        #expect(presenter.model(snapshot, view: view, now: Self.now).message == "λ is not used by DQN")
        view.selectedRow = 0
        #expect(presenter.model(snapshot, view: view, now: Self.now).message == nil)
    }

    @Test("? toggles the help overlay; Esc closes it, and does nothing when it is closed")
    func helpKeys() throws {
        let snapshot = try Self.worker().snapshot()
        var controller = Self.controller()
        #expect(controller.handle(.closeHelp, snapshot: snapshot, now: Self.now).isEmpty && !controller.view.showHelp)
        #expect(controller.handle(.toggleHelp, snapshot: snapshot, now: Self.now).isEmpty && controller.view.showHelp)
        #expect(controller.handle(.closeHelp, snapshot: snapshot, now: Self.now).isEmpty && !controller.view.showHelp)
        _ = controller.handle(.toggleHelp, snapshot: snapshot, now: Self.now)
        _ = controller.handle(.toggleHelp, snapshot: snapshot, now: Self.now)
        #expect(!controller.view.showHelp)
    }

    @Test("a and A cycle the algorithms, e the environments, counting on from what was asked")
    func switching() throws {
        let snapshot = try Self.worker().snapshot()
        var controller = Self.controller()
        let algorithms = AlgorithmRegistry.all
        let after = algorithms[(algorithms.firstIndex(of: .dqn)! + 1) % algorithms.count]
        let before = algorithms[(algorithms.firstIndex(of: .dqn)! + algorithms.count - 1) % algorithms.count]
        #expect(controller.handle(.nextAlgorithm, snapshot: snapshot, now: Self.now) == [.switchAlgorithm(after)])
        controller = Self.controller()
        #expect(controller.handle(.previousAlgorithm, snapshot: snapshot, now: Self.now) == [.switchAlgorithm(before)])
        #expect(controller.handle(.nextEnvironment, snapshot: snapshot, now: Self.now)
            == [.switchEnvironment(EnvironmentSpec(name: "cartpole"))])
        #expect(controller.handle(.nextEnvironment, snapshot: snapshot, now: Self.now)
            == [.switchEnvironment(EnvironmentSpec(name: "frozenlake4x4"))])
    }

    @Test("[ pauses a running session and steps back through the frames; a step returns to the live view")
    func browsing() throws {
        let worker = try Self.worker()
        worker.apply(.finishEpisode)
        while worker.isStepping { worker.stepOnce() }
        for _ in 0..<3 { worker.apply(.step) }
        let snapshot = worker.snapshot()
        var controller = Self.controller()
        #expect(controller.handle(.frameBack, snapshot: snapshot, now: Self.now).isEmpty)
        #expect(controller.view.cursor?.index == snapshot.lastEpisode.count + 2)
        for _ in 0..<3 { _ = controller.handle(.frameBack, snapshot: snapshot, now: Self.now) }
        let lines = Self.screen(snapshot, view: controller.view)
        let length = snapshot.lastEpisode.count
        #expect(lines[1].contains("last ep \(length)/\(length) R=\(ValueLabel.compact(snapshot.lastEpisode[length - 1].returnSoFar))"))
        #expect(controller.handle(.stepOnce, snapshot: snapshot, now: Self.now) == [.step])
        #expect(controller.view.cursor == nil)

        let running = try Self.worker(paused: false).snapshot()
        var live = Self.controller()
        #expect(live.handle(.frameBack, snapshot: running, now: Self.now) == [.pause])
    }

    /// The board rows a MinAtar frame draws as at the left of the environment panel, without colour.
    static func boardRows(_ state: SceneState?) -> [String] {
        guard case .minAtar(let frame) = state else { return [] }
        return (0..<10).map { y in
            "│ " + (0..<10).map { x in
                frame.topChannel(y: y, x: x).map { MinAtarView.cell(channel: $0, theme: unicode).text } ?? " ·"
            }.joined()
        }
    }

    @Test("a MinAtar board is the engine's newest frame with each action's Q beside it; [ steps back to older frames")
    func minAtarBoard() throws {
        let worker = try Self.worker("minatar-breakout")
        for _ in 0..<4 { worker.apply(.step) }
        let snapshot = worker.snapshot()
        let lines = Self.screen(snapshot, width: 80, height: 24)
        let newest = Self.boardRows(snapshot.currentEpisode.last?.state)
        #expect(newest.count == 10)
        for (row, expected) in newest.enumerated() { #expect(lines[2 + row].hasPrefix(expected), "row \(row)") }
        #expect(lines[2].contains("Q(s,a)"))
        for (index, name) in ["noop", "left", "up", "right", "down", "fire"].enumerated() {
            #expect(lines[3 + index].dropFirst(23).hasPrefix(name))
        }
        #expect(lines[9].contains("spread"))
        #expect(lines[12].contains("paddle") && lines[12].contains("trail"))

        var controller = Self.controller()
        _ = controller.handle(.frameBack, snapshot: snapshot, now: Self.now)
        _ = controller.handle(.frameBack, snapshot: snapshot, now: Self.now)
        let back = Self.screen(snapshot, view: controller.view, width: 80, height: 24)
        let count = snapshot.currentEpisode.count
        #expect(back[1].contains("frame \(count - 2)/\(count)"))
        let older = Self.boardRows(snapshot.currentEpisode[count - 3].state)
        #expect(older != newest, "the ball moves every step")
        for (row, expected) in older.enumerated() { #expect(back[2 + row].hasPrefix(expected), "row \(row)") }
        #expect(back[3].contains("of the") && !back.contains { $0.contains("spread") })
        _ = controller.handle(.frameForward, snapshot: snapshot, now: Self.now)
        _ = controller.handle(.frameForward, snapshot: snapshot, now: Self.now)
        let forward = Self.screen(snapshot, view: controller.view, width: 80, height: 24)
        #expect(forward[9].contains("spread"), "back on the newest frame, the bars return")
    }

    @Test("a policy agent's bars beside a MinAtar board are its probabilities; the panel says its MLP reads the frame flat")
    func minAtarPolicyBars() throws {
        let worker = try Self.worker("minatar-freeway", algorithm: .vpg)
        worker.apply(.step)
        let snapshot = worker.snapshot()
        let lines = Self.screen(snapshot, width: 80, height: 24)
        #expect(lines[2].contains("π(a|s)"))
        #expect(!lines.contains { $0.contains("spread") })
        #expect(snapshot.values.featureMaps == nil)
        #expect(HeatmapChoice.choices(for: snapshot.values, actionCount: 6) == [.mostProbable])
        // Freeway's 7 channels: 700 inputs.
        let wide = Self.screen(snapshot, width: 140, height: 40).joined(separator: "\n")
        #expect(wide.contains("VPG reads 700 flat inputs: no convolution (DQN has one)."))
    }

    @Test("v on a MinAtar game under DQN reaches the 16 maps of its convolution of the newest frame, then cycles back")
    func minAtarFeatureMaps() throws {
        let worker = try Self.worker("minatar-breakout")
        for _ in 0..<4 { worker.apply(.step) }
        let snapshot = worker.snapshot()
        let maps = try #require(snapshot.values.featureMaps)
        #expect((maps.count, maps.height, maps.width) == (16, 8, 8))
        #expect(maps.values.allSatisfy { $0 >= 0 } && maps.values.contains { $0 > 0 })
        #expect(HeatmapChoice.choices(for: snapshot.values, actionCount: 6) == [.maxQ, .featureMaps])
        var controller = Self.controller()
        let presenter = DashboardPresenter(glyphs: Self.unicode.glyphs)
        #expect(presenter.model(snapshot, view: controller.view, now: Self.now).featureMaps == nil)
        _ = controller.handle(.cycleHeatmapView, snapshot: snapshot, now: Self.now)
        let model = presenter.model(snapshot, view: controller.view, now: Self.now)
        #expect(model.featureMaps?.values == maps.values.map(Double.init))
        guard case .actions(let list) = model.values else {
            Issue.record("the values panel lists each action's Q beside the maps")
            return
        }
        #expect(list.names == ["noop", "left", "up", "right", "down", "fire"] && list.values.count == 6 && list.note == nil)
        let lines = Self.screen(snapshot, view: controller.view, width: 80, height: 24)
        #expect(lines[1].contains("16 conv maps, one scale 0…"))
        #expect(lines[2].hasSuffix("│ 0        1        2        3             │"))
        #expect(!lines.joined().contains("Hyperparameters"))
        _ = controller.handle(.cycleHeatmapView, snapshot: snapshot, now: Self.now)
        #expect(presenter.model(snapshot, view: controller.view, now: Self.now).featureMaps == nil)
        let back = Self.screen(snapshot, view: controller.view, width: 80, height: 24)
        #expect(back.joined().contains("Hyperparameters"))
        // Browsing back to an older frame: the maps are of the newest one only, and say so.
        _ = controller.handle(.cycleHeatmapView, snapshot: snapshot, now: Self.now)
        _ = controller.handle(.frameBack, snapshot: snapshot, now: Self.now)
        let older = presenter.model(snapshot, view: controller.view, now: Self.now)
        #expect(older.featureMaps?.note != nil && older.featureMaps?.values.isEmpty == true)
    }

    @Test("the engine's message shows for four seconds, then the key hints come back")
    func messages() throws {
        let worker = try Self.worker()
        worker.apply(.set(.gamma, 2))
        let snapshot = worker.snapshot()
        var controller = Self.controller()
        controller.observe(snapshot, now: Self.now)
        let presenter = DashboardPresenter(glyphs: Self.unicode.glyphs)
        #expect(presenter.model(snapshot, view: controller.view, now: Self.now + .seconds(1)).message?.contains("gamma") == true)
        #expect(controller.expires(between: Self.now + .seconds(3), and: Self.now + .seconds(5)))
        #expect(presenter.model(snapshot, view: controller.view, now: Self.now + .seconds(5)).message == nil)
    }

    @Test("after a non-finite update the screen says learning stopped, and keeps saying it")
    func failureShown() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rlterm-watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "step_reward: 1e300\nmap:\nS..G\n".write(toFile: directory + "/huge.txt", atomically: true, encoding: .utf8)
        let worker = try SessionWorker(
            configuration: try TrainingConfiguration(environment: EnvironmentSpec(name: directory + "/huge.txt"), algorithm: .dqn,
                                                 hyperparameters: [.learningStarts: 10, .hiddenSize: 8, .batchSize: 4],
                                                 steps: 1_000, seed: 1),
            log: nil, settings: SessionSettings())
        while worker.isStepping { worker.stepOnce() }
        let lines = Self.screen(worker.snapshot(), view: WatchViewState(), width: 120, height: 40)
        #expect(lines[0].contains("✗ failed"))
        let bottom = lines.suffix(DashboardScreen.messageRows).joined(separator: " ")
        #expect(bottom.contains("learning stopped") && bottom.contains("r resets") && bottom.contains("not finite"))
    }

    @Test("a diverging DQN (α = 1 on CartPole) shows as failed with the watchdog's message, never as training")
    func divergenceShown() throws {
        let worker = try SessionWorker(
            configuration: try TrainingConfiguration(environment: EnvironmentSpec(name: "cartpole"), algorithm: .dqn,
                                                     hyperparameters: [.learningRate: 1], steps: 30_000, seed: 1),
            log: nil, settings: SessionSettings())
        while worker.isStepping { worker.stepOnce() }
        let lines = Self.screen(worker.snapshot(), view: WatchViewState(), width: 120, height: 40)
        #expect(lines[0].contains("✗ failed") && !lines[0].contains("training"))
        let bottom = lines.suffix(DashboardScreen.messageRows).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        #expect(bottom.contains("learning stopped (r resets, a or e switches): diverging: |Q| reached"))
    }

    @Test("the editor's steps: log-scale values double and halve, decimals stay clean, integers move by one at least")
    func stepping() {
        let gamma = HyperparameterSpec.spec(for: .gamma)
        #expect(gamma.stepped(from: 0.97, direction: -1) == 0.96)
        #expect(gamma.stepped(from: 0, direction: -1) == 0)
        let learningRate = HyperparameterSpec.spec(for: .learningRate)
        #expect(learningRate.stepped(from: 1e-3, direction: 1) == 2e-3)
        #expect(learningRate.stepped(from: 0.8, direction: 1) == 1)
        let herK = HyperparameterSpec.spec(for: .herK)
        #expect(herK.stepped(from: 4, direction: 1) == 5 && herK.stepped(from: 1, direction: -1) == 1)
        let batch = HyperparameterSpec.spec(for: .batchSize)
        #expect(batch.stepped(from: 1, direction: 1) == 2 && batch.stepped(from: 3, direction: -1) == 2)
    }
}
