import Agents
import TerminalUI
import Training

/// What each key does in the terminal UI: turns a `UIAction` into commands for the training session and
/// changes of the UI's own state. Pure, so every key is tested without a terminal or a thread.
public struct WatchController {
    public var view = WatchViewState()
    /// What `a`/`A` and `e` cycle through.
    public let algorithms: [Algorithm]
    public let environments: [EnvironmentSpec]
    /// A viewer of someone else's shared session without control: keys that would change the training only
    /// say so, and browsing frames holds this screen's picture still instead of pausing the run.
    public let readOnly: Bool

    public init(algorithms: [Algorithm], environments: [EnvironmentSpec], readOnly: Bool = false) {
        self.algorithms = algorithms
        self.environments = environments
        self.readOnly = readOnly
    }

    /// What a read-only viewer is told when a key would change the training.
    public static let readOnlyMessage = "read-only: the teacher runs this session (v p x [ ] ? browse your own view)"

    /// The commands for `action` given the newest `snapshot` (quitting is the loop's business).
    public mutating func handle(_ action: UIAction, snapshot: TrainingSnapshot,
                                now: ContinuousClock.Instant) -> [SessionCommand] {
        let pending = view.pending(for: snapshot)
        if action.group == .run, action != .frameBack, action != .frameForward { view.cursor = nil }
        if readOnly, Self.changesTraining(action) {
            say(Self.readOnlyMessage, now: now)
            return []
        }
        switch action {
        case .togglePause: return [.togglePause]
        case .stepOnce: return [.step]
        case .finishEpisode: return [.finishEpisode]
        case .frameBack, .frameForward:
            return browse(by: action == .frameBack ? -1 : 1, snapshot: snapshot)
        case .paceUp, .paceDown:
            let pace = pending.pace ?? snapshot.pace
            let next = action == .paceUp ? pace.faster : pace.slower
            request(snapshot) { $0.pace = next }
            return [.setPace(next)]
        case .reset:
            return [.reset]
        case .nextAlgorithm, .previousAlgorithm:
            let current = pending.algorithm ?? snapshot.configuration.algorithm
            let next = Self.neighbour(of: current, in: algorithms, forward: action == .nextAlgorithm)
            request(snapshot) { $0.algorithm = next }
            view.heatmapIndex = 0
            return [.switchAlgorithm(next)]
        case .nextEnvironment:
            let current = pending.environment ?? snapshot.configuration.environment.name
            let names = environments.map(\.name)
            let next = Self.neighbour(of: current, in: names, forward: true)
            request(snapshot) { $0.environment = next }
            view.heatmapIndex = 0
            return environments.first { $0.name == next }.map { [.switchEnvironment($0)] } ?? []
        case .selectPreviousHyperparameter, .selectNextHyperparameter:
            let count = PanelRow.rows(for: snapshot.hyperparameters).count
            let step = action == .selectNextHyperparameter ? 1 : -1
            view.selectedRow = min(max(min(view.selectedRow, count - 1) + step, 0), max(count - 1, 0))
            return []
        case .decreaseHyperparameter, .increaseHyperparameter:
            return edit(direction: action == .increaseHyperparameter ? 1 : -1, snapshot: snapshot, pending: pending, now: now)
        case .restorePreset:
            return restorePreset(snapshot: snapshot, pending: pending, now: now)
        case .saveCheckpoint: return [.saveCheckpoint(path: nil)]
        case .cycleHeatmapView:
            view.heatmapIndex += 1
            return []
        case .cyclePlotView:
            view.plotView = view.plotView == .returns ? .loss : .returns
            return []
        case .toggleExplain:
            view.showExplain.toggle()
            return []
        case .toggleHelp:
            view.showHelp.toggle()
            return []
        case .closeHelp:
            view.showHelp = false
            return []
        case .quit:
            return []
        }
    }

    /// Whether `action` asks the session for something (as opposed to changing this screen's own view).
    static func changesTraining(_ action: UIAction) -> Bool {
        switch action {
        case .togglePause, .stepOnce, .finishEpisode, .paceUp, .paceDown, .reset, .nextAlgorithm, .previousAlgorithm,
             .nextEnvironment, .decreaseHyperparameter, .increaseHyperparameter, .restorePreset, .saveCheckpoint: true
        case .frameBack, .frameForward, .selectPreviousHyperparameter, .selectNextHyperparameter, .cycleHeatmapView,
             .cyclePlotView, .toggleExplain, .toggleHelp, .closeHelp, .quit: false
        }
    }

    /// Notes a message from the engine the first time a snapshot carries it, so it stays on screen a while.
    public mutating func observe(_ snapshot: TrainingSnapshot, now: ContinuousClock.Instant) {
        guard let message = snapshot.message, message.id != view.engineMessageID else { return }
        view.engineMessageID = message.id
        view.engineMessageUntil = now + WatchViewState.messageDuration(of: message.text)
    }

    /// Whether what is on screen changes with time alone: a highlight or a message that is due to go.
    public func expires(between earlier: ContinuousClock.Instant, and later: ContinuousClock.Instant) -> Bool {
        [view.flashUntil, view.localMessageUntil, view.engineMessageUntil].contains { until in
            until.map { earlier < $0 && $0 <= later } ?? false
        }
    }

    private mutating func browse(by offset: Int, snapshot: TrainingSnapshot) -> [SessionCommand] {
        if var cursor = view.cursor {
            cursor.move(by: offset)
            view.cursor = cursor
            return []
        }
        // Browsing starts on the newest frame, with training paused so the recording holds still.
        view.cursor = FrameCursor(lastCount: snapshot.lastEpisode.count, currentCount: snapshot.currentEpisode.count)
        if offset < 0 { view.cursor?.move(by: offset) }
        return snapshot.mode == .paused || readOnly ? [] : [.pause]
    }

    private mutating func edit(direction: Int, snapshot: TrainingSnapshot, pending: WatchViewState.Requested,
                               now: ContinuousClock.Instant) -> [SessionCommand] {
        let rows = PanelRow.rows(for: snapshot.hyperparameters)
        guard !rows.isEmpty else { return [] }
        let row = rows[min(view.selectedRow, rows.count - 1)]
        guard case .parameter(let key) = row else {
            say("ε follows its schedule: edit ε₀, ε₁ or ε-frac", now: now)
            return []
        }
        let spec = HyperparameterSpec.spec(for: key)
        guard let current = pending.values[key] ?? snapshot.hyperparameters.values[key] else {
            say("\(spec.symbol) is not used by \(snapshot.configuration.algorithm.displayName)", now: now)
            return []
        }
        if let reason = PanelRow.idleReason(of: key, in: snapshot.configuration) {
            say("\(spec.symbol): \(reason)", now: now)
            return []
        }
        let next = spec.stepped(from: current, direction: direction)
        guard next != current else {
            say("\(spec.symbol) is at the end of its range, \(spec.rangeDescription)", now: now)
            return []
        }
        request(snapshot) { $0.values[key] = next }
        view.flashed = row
        view.flashUntil = now + WatchViewState.flashDuration
        return [.set(key, next)]
    }

    /// Sets the selected hyperparameter back to the value the pair's preset gives it.
    private mutating func restorePreset(snapshot: TrainingSnapshot, pending: WatchViewState.Requested,
                                        now: ContinuousClock.Instant) -> [SessionCommand] {
        let rows = PanelRow.rows(for: snapshot.hyperparameters)
        guard !rows.isEmpty, case .parameter(let key) = rows[min(view.selectedRow, rows.count - 1)],
            let current = pending.values[key] ?? snapshot.hyperparameters.values[key],
            let preset = snapshot.presetHyperparameters.values[key]
        else {
            say("the selected row has no preset value", now: now)
            return []
        }
        let spec = HyperparameterSpec.spec(for: key)
        guard current != preset else {
            say("\(spec.symbol) is at its preset value, \(HyperparameterSpec.format(preset))", now: now)
            return []
        }
        request(snapshot) { $0.values[key] = preset }
        view.flashed = .parameter(key)
        view.flashUntil = now + WatchViewState.flashDuration
        return [.set(key, preset)]
    }

    private mutating func request(_ snapshot: TrainingSnapshot, _ change: (inout WatchViewState.Requested) -> Void) {
        if view.requestedAt != snapshot.sequence {
            view.requested = WatchViewState.Requested()
            view.requestedAt = snapshot.sequence
        }
        change(&view.requested)
    }

    private mutating func say(_ text: String, now: ContinuousClock.Instant) {
        view.localMessage = text
        view.localMessageUntil = now + WatchViewState.messageDuration
    }

    /// The entry after (or before) `current` in `list`, wrapping; the first when `current` is not in it.
    static func neighbour<Element: Equatable>(of current: Element, in list: [Element], forward: Bool) -> Element {
        guard let index = list.firstIndex(of: current) else { return list.first ?? current }
        return list[(index + (forward ? 1 : list.count - 1)) % list.count]
    }
}
