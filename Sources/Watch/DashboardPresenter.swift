import Agents
import Environments
import TerminalUI
import Training

/// Turns the engine's latest snapshot and the UI's own state into the plain values the dashboard draws.
/// A pure function of its inputs, so every screen is tested from a hand-built or engine-made snapshot.
public struct DashboardPresenter {
    /// Cells of the current episode drawn as the agent's recent path.
    public static let trailLength = 30
    /// Episodes in the moving average of the return plot.
    public static let averageWindow = 100

    public let glyphs: Glyphs

    public init(glyphs: Glyphs) {
        self.glyphs = glyphs
    }

    public func model(_ snapshot: TrainingSnapshot, view: WatchViewState, now: ContinuousClock.Instant) -> DashboardViewModel {
        let algorithm = snapshot.configuration.algorithm.displayName
        let runState: RunState = snapshot.failure != nil ? .failed
            : snapshot.mode == .paused ? .paused : (snapshot.learns ? .training : .replaying)
        let rows = PanelRow.rows(for: snapshot.hyperparameters)
        let selected = rows.isEmpty ? nil : min(view.selectedRow, rows.count - 1)
        let choices = HeatmapChoice.choices(for: snapshot.values, actionCount: actionCount(snapshot))
        let choice = choices.isEmpty ? nil : choices[view.heatmapIndex % choices.count]
        let (scene, caption) = self.scene(snapshot, cursor: view.cursor, choice: choice)
        return DashboardViewModel(
            environmentName: snapshot.configuration.environment.displayName, algorithmName: algorithm,
            seed: snapshot.learns ? snapshot.configuration.seed : nil,
            runState: runState, step: snapshot.timesteps, episode: snapshot.episodes, stepsPerSecond: snapshot.stepsPerSecond,
            pace: snapshot.pace.description, scene: scene, sceneCaption: caption, plotView: view.plotView,
            returnSegments: returnSegments(snapshot.segments), averageWindow: Self.averageWindow,
            losses: snapshot.losses.map(\.loss), tdErrors: snapshot.losses.compactMap(\.meanAbsoluteTDError),
            heatmapMode: choice?.mode(on: snapshot.values.domain, glyphs: glyphs) ?? .maxQ,
            values: values(snapshot, choice: choice, cursor: view.cursor),
            featureMaps: choice == .featureMaps
                ? Self.featureMaps(snapshot.values, showsNewestFrame: Self.showsNewestFrame(snapshot, cursor: view.cursor))
                : nil,
            hyperparameters: rows.map { row(for: $0, snapshot: snapshot) },
            selectedHyperparameter: selected,
            flashedHyperparameter: view.flashUntil.map { now < $0 } == true ? view.flashed.flatMap(rows.firstIndex) : nil,
            network: snapshot.network.isEmpty ? nil : snapshot.network,
            explanation: snapshot.explanation.isEmpty ? ["No update yet: the agent has not learned from a batch."]
                : snapshot.explanation,
            showExplain: view.showExplain, showHelp: view.showHelp,
            message: message(snapshot, view: view, selected: selected.map { rows[$0] }, now: now))
    }

    private func actionCount(_ snapshot: TrainingSnapshot) -> Int {
        max(snapshot.values.qValues.first { !$0.isEmpty }?.count ?? 0,
            snapshot.values.probabilities.first { !$0.isEmpty }?.count ?? 0)
    }

    /// The engine's message for a few seconds after it appears, else the UI's own; a failure stays shown;
    /// otherwise why the selected hyperparameter has no effect, when it has none.
    private func message(_ snapshot: TrainingSnapshot, view: WatchViewState, selected: PanelRow?,
                         now: ContinuousClock.Instant) -> String? {
        if let local = view.localMessage, let until = view.localMessageUntil, now < until { return local }
        if let message = snapshot.message, message.id == view.engineMessageID,
           view.engineMessageUntil.map({ now < $0 }) ?? false {
            return message.text
        }
        if let failure = snapshot.failure { return "learning stopped (r resets, a or e switches): \(failure)" }
        guard case .parameter(let key) = selected else { return nil }
        let symbol = HyperparameterSpec.spec(for: key).symbol
        guard snapshot.hyperparameters.values[key] != nil else {
            return "\(symbol) is not used by \(snapshot.configuration.algorithm.displayName)"
        }
        return PanelRow.idleReason(of: key, in: snapshot).map { "\(symbol) has no effect: \($0)" }
    }

    // MARK: Environment

    private func scene(_ snapshot: TrainingSnapshot, cursor: FrameCursor?, choice: HeatmapChoice?)
        -> (EnvironmentScene, String) {
        var (scene, caption) = recordedScene(snapshot, cursor: cursor)
        if case .minAtar(var view) = scene {
            view.actions = Self.actionBars(snapshot.values, choice: choice,
                                           showsNewestFrame: Self.showsNewestFrame(snapshot, cursor: cursor))
            scene = .minAtar(view)
        }
        return (scene, caption)
    }

    private func recordedScene(_ snapshot: TrainingSnapshot, cursor: FrameCursor?) -> (EnvironmentScene, String) {
        if let cursor {
            let recorded = cursor.isInLastEpisode ? snapshot.lastEpisode : snapshot.currentEpisode
            let frames = Array(recorded.prefix(cursor.episodeLength))
            if !frames.isEmpty {
                let index = min(cursor.indexInEpisode, frames.count - 1)
                let episode = cursor.isInLastEpisode ? "last ep" : "frame"
                let caption = "\(episode) \(index + 1)/\(frames.count) R=\(ValueLabel.compact(frames[index].returnSoFar))"
                return (Self.scene(layout: snapshot.layout, frames: frames, index: index), caption)
            }
        }
        let frames = snapshot.currentEpisode
        guard let last = frames.last else { return (.chain(ChainView(states: 0, position: nil)), "") }
        return (Self.scene(layout: snapshot.layout, frames: frames, index: frames.count - 1),
                "return \(ValueLabel.compact(last.returnSoFar))")
    }

    /// The picture of frame `index` of `frames` on `layout`; on a map, the frames before it draw the path.
    public static func scene(layout: SceneLayout, frames: [EpisodeFrame], index: Int) -> EnvironmentScene {
        switch (layout, frames[index].state) {
        case (.grid(let rows, let columns, let cells), .grid(let cell)):
            let tiles = (0..<rows).map { row in cells[(row * columns)..<((row + 1) * columns)].map(Self.tile) }
            let position = { (cell: Int) in GridPosition(row: cell / columns, column: cell % columns) }
            let trail = frames[max(0, index - Self.trailLength)..<index].compactMap { frame -> GridPosition? in
                if case .grid(let cell) = frame.state { return position(cell) }
                return nil
            }
            return .grid(GridView(tiles: tiles, agent: position(cell), trail: trail))
        case (.cartPole(let trackLimit), .cartPole(let state)):
            return .cartPole(CartPoleView(position: state.x, angle: state.theta, trackLimit: trackLimit))
        case (.mountainCar(let positions, let goal), .mountainCar(let state)):
            return .mountainCar(MountainCarView(position: state.position, positions: positions, goal: goal))
        case (.acrobot, .acrobot(let state)):
            return .acrobot(AcrobotView(theta1: state.theta1, theta2: state.theta2))
        case (.bitFlip(let bits), .bitFlip(let state, let goal)):
            let unpack = { (word: UInt64) in (0..<bits).map { $0 < 64 && word & (1 << UInt64($0)) != 0 } }
            return .bitFlip(BitFlipView(bits: unpack(state), goal: unpack(goal)))
        case (.chain(let states), .chain(let position)):
            return .chain(ChainView(states: states, position: position < states ? position : nil))
        case (.minAtar(let channels), .minAtar(let frame)) where frame.channels == channels.count:
            let side = MinAtarView.side
            let cells = (0..<(side * side)).map { frame.topChannel(y: $0 / side, x: $0 % side) }
            return .minAtar(MinAtarView(cells: cells, channelNames: channels))
        default:
            return .chain(ChainView(states: 0, position: nil))
        }
    }

    /// Whether the frame on screen is the state the agent is in now, the one the snapshot's values are of:
    /// the live picture, or the newest frame of the episode in progress while browsing (training is paused then).
    static func showsNewestFrame(_ snapshot: TrainingSnapshot, cursor: FrameCursor?) -> Bool {
        guard let cursor else { return true }
        return !cursor.isInLastEpisode && cursor.indexInEpisode == snapshot.currentEpisode.count - 1
    }

    /// MinAtar's names of its six actions, as the bars label them.
    static let minAtarActionNames = MinAtarAction.allCases.map { String(describing: $0) }

    /// The bars beside a MinAtar board: each action's Q, or its probability when the value panel's view is π
    /// (an agent with a policy and no Q shows π); a note instead while an older frame is shown, since the
    /// values are only ever computed for the state the agent is in now.
    static func actionBars(_ inspection: ValueInspection, choice: HeatmapChoice?, showsNewestFrame: Bool) -> ActionBars? {
        let showsPolicy = choice == .mostProbable || (inspection.qValues.isEmpty && !inspection.probabilities.isEmpty)
        guard choice != nil, inspection.domain == .currentState else { return nil }
        let title = showsPolicy ? "π(a|s)" : "Q(s,a)"
        guard showsNewestFrame else {
            return ActionBars(title: title, names: minAtarActionNames, values: [], isProbability: showsPolicy,
                              note: "of the newest frame only")
        }
        let row = (showsPolicy ? inspection.probabilities.first : inspection.qValues.first) ?? []
        return ActionBars(title: title, names: minAtarActionNames, values: row.map(Double.init), isProbability: showsPolicy)
    }

    /// Why an agent on an image shows no feature maps: its networks are MLPs on the 10 × 10 × C frame flattened
    /// (every algorithm but DQN builds them on the flat observation); nil when it convolves or there is no image.
    static func flatInputNote(_ snapshot: TrainingSnapshot) -> String? {
        guard case .minAtar(let channels) = snapshot.layout, snapshot.values.featureMaps == nil else { return nil }
        let inputs = MinAtarView.side * MinAtarView.side * channels.count
        return "\(snapshot.configuration.algorithm.displayName) reads \(inputs) flat inputs: no convolution (DQN has one)."
    }

    /// The convolution's maps of the state the agent is in now, or a note while an older frame is shown (they
    /// are computed for the newest frame only); nil when the agent's network has no convolution.
    static func featureMaps(_ inspection: ValueInspection, showsNewestFrame: Bool) -> FeatureMapGrid? {
        guard let maps = inspection.featureMaps else { return nil }
        guard showsNewestFrame else {
            return FeatureMapGrid(values: [], count: maps.count, height: maps.height, width: maps.width,
                                  note: "The maps are of the newest frame only.")
        }
        return FeatureMapGrid(values: maps.values.map(Double.init), count: maps.count, height: maps.height,
                              width: maps.width)
    }

    static func tile(_ cell: GridCell) -> GridTile {
        switch cell {
        case .start: .start
        case .goal: .goal
        case .empty: .empty
        case .hole: .hole
        case .wall: .wall
        case .cliff: .cliff
        }
    }

    // MARK: Plot

    /// One plot segment per stretch of one algorithm on one environment: hyperparameter changes within it
    /// become markers at the episode where they happened instead of new curves. Each starts at the number
    /// of its first kept episode, so the x axis shows real episode numbers after the oldest were dropped.
    func returnSegments(_ segments: [SessionSegment]) -> [ReturnSegment] {
        var result: [ReturnSegment] = []
        let currentEnvironment = segments.last?.environment
        for segment in segments {
            if case .hyperparameter(let key, _, let to) = segment.cause, var current = result.popLast() {
                if segment.droppedReturns > 0 {
                    // The change's episode was dropped: the curve goes on from the first episode kept after it.
                    current.firstEpisode += current.returns.count + segment.droppedReturns
                    current.returns = segment.returns
                    current.markers = []
                } else {
                    let spec = HyperparameterSpec.spec(for: key)
                    let label = "\(glyphs.text(spec.symbol)) \(HyperparameterRow.format(to, isInteger: spec.integer))"
                    current.markers.append(PlotMarker(x: Double(current.returns.count), label: label))
                    current.returns += segment.returns
                }
                result.append(current)
                continue
            }
            var label = segment.algorithm.displayName
            if segment.environment != currentEnvironment {
                label += " " + EnvironmentSpec(name: segment.environment).displayName
            }
            if segment.cause == .reset { label += " (reset)" }
            result.append(ReturnSegment(label: label, returns: segment.returns,
                                        firstEpisode: segment.droppedReturns + 1))
        }
        return result
    }

    // MARK: Values

    private func values(_ snapshot: TrainingSnapshot, choice: HeatmapChoice?, cursor: FrameCursor?) -> ValueView {
        let inspection = snapshot.values
        guard let choice else {
            return .unavailable("This agent has no values to show here.")
        }
        func point(_ index: Int) -> (Double?, Int?) { choice.value(at: index, of: inspection) }
        switch inspection.domain {
        case .gridCells(let rows, let columns):
            guard case .grid(_, _, let cells) = snapshot.layout else { return .unavailable("") }
            var values: [[Double?]] = [], arrows: [[Arrow?]] = []
            for row in 0..<rows {
                var valueRow: [Double?] = [], arrowRow: [Arrow?] = []
                for column in 0..<columns {
                    let index = row * columns + column
                    // Nobody acts from a terminal or cliff cell, so their values are never learned: left blank.
                    let shown = ![.wall, .goal, .hole, .cliff].contains(cells[index])
                    let (value, action) = shown ? point(index) : (nil, nil)
                    valueRow.append(value)
                    arrowRow.append(action.map(HeatmapChoice.arrow))
                }
                values.append(valueRow)
                arrows.append(arrowRow)
            }
            return .grid(Heatmap(values: values, arrows: arrows))
        case .cartPoleSlice(let angles, let velocities, let rows, let columns):
            let values = (0..<rows).map { row in (0..<columns).map { column in point(row * columns + column).0 ?? .nan } }
            let state = currentState(snapshot, cursor: cursor)
            return .slice(SliceHeatmap(values: values, horizontalRange: angles, verticalRange: velocities,
                                       state: state.map { (horizontal: $0[2], vertical: $0[3]) }))
        case .stateSlice(let slice):
            let (rows, columns) = (slice.vertical.count, slice.horizontal.count)
            let points = (0..<rows).map { row in (0..<columns).map { column in point(row * columns + column) } }
            let arrows = points.map { row in
                row.map { point in
                    point.1.flatMap { slice.actionDirections[safe: $0] }.flatMap(Self.arrow(direction:))
                }
            }
            let state = currentState(snapshot, cursor: cursor).flatMap { components -> (Double, Double)? in
                guard let horizontal = components[safe: slice.horizontal.stateComponent],
                      let vertical = components[safe: slice.vertical.stateComponent] else { return nil }
                return (horizontal, vertical)
            }
            return .slice(SliceHeatmap(
                values: points.map { row in row.map { $0.0 ?? .nan } }, arrows: arrows,
                horizontalRange: slice.horizontal.range, verticalRange: slice.vertical.range,
                horizontalName: slice.horizontal.name, verticalName: slice.vertical.name,
                state: state.map { (horizontal: $0.0, vertical: $0.1) }))
        case .chainStates(let count):
            return .grid(Heatmap(values: [(0..<count).map { point($0).0 }]))
        case .currentState:
            let row = (choice == .mostProbable ? inspection.probabilities.first : inspection.qValues.first) ?? []
            guard case .minAtar = snapshot.layout else {
                return .grid(Heatmap(values: [row.map { Double($0) }], showNumbers: true))
            }
            // The bars beside the board draw these values; the panel gives their figures, each named.
            guard Self.showsNewestFrame(snapshot, cursor: cursor) else {
                return .unavailable("The values are of the newest frame only.")
            }
            return .actions(ActionValueList(names: Self.minAtarActionNames, values: row.map(Double.init),
                                            note: Self.flatInputNote(snapshot)))
        }
    }

    /// The arrow of a push along a slice's horizontal axis: ← for −1, → for +1, none for 0.
    static func arrow(direction: Int) -> Arrow? {
        direction < 0 ? .left : (direction > 0 ? .right : nil)
    }

    /// The components of the continuous state shown now (the replayed frame under the cursor, else the
    /// current episode's last), nil when the environment has none.
    private func currentState(_ snapshot: TrainingSnapshot, cursor: FrameCursor?) -> [Double]? {
        let frame: EpisodeFrame?
        if let cursor {
            frame = cursor.isInLastEpisode ? snapshot.lastEpisode[safe: cursor.indexInEpisode]
                : snapshot.currentEpisode[safe: cursor.indexInEpisode]
        } else {
            frame = snapshot.currentEpisode.last
        }
        return switch frame?.state {
        case .cartPole(let state): state.components
        case .mountainCar(let state): state.components
        case .acrobot(let state): state.components
        default: nil
        }
    }

    // MARK: Hyperparameters

    private func row(for row: PanelRow, snapshot: TrainingSnapshot) -> HyperparameterRow {
        switch row {
        case .epsilonNow:
            return snapshot.epsilon.map { HyperparameterRow(symbol: "ε", meaning: "exploration rate now", value: $0) }
                ?? HyperparameterRow(symbol: "ε", meaning: "exploration rate now", value: "–", isActive: false)
        case .parameter(let key):
            let spec = HyperparameterSpec.spec(for: key)
            guard let value = snapshot.hyperparameters.values[key] else {
                return HyperparameterRow(symbol: spec.symbol, meaning: spec.meaning, value: "–", isActive: false)
            }
            return HyperparameterRow(symbol: spec.symbol, meaning: spec.meaning, value: value, isInteger: spec.integer,
                                     isIdle: PanelRow.idleReason(of: key, in: snapshot) != nil,
                                     differsFromPreset: snapshot.presetHyperparameters.values[key] != value)
        }
    }
}
