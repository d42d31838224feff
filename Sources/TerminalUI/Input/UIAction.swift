/// What a key asks the terminal UI to do. The UI turns most of these into commands for the training
/// engine (pause, step, switch algorithm, edit a hyperparameter) and handles the rest itself (views,
/// panels, help, quit).
public enum UIAction: Hashable, Sendable, CaseIterable {
    case togglePause
    case stepOnce
    case finishEpisode
    case frameBack
    case frameForward
    case paceUp
    case paceDown
    case reset
    case nextAlgorithm
    case previousAlgorithm
    case nextEnvironment
    case selectPreviousHyperparameter
    case selectNextHyperparameter
    case decreaseHyperparameter
    case increaseHyperparameter
    case restorePreset
    case saveCheckpoint
    case cycleHeatmapView
    case cyclePlotView
    case toggleExplain
    case toggleHelp
    /// Esc: closes the help overlay (htop's and btop's convention); nothing when it is closed.
    case closeHelp
    case quit

    /// Whether the help overlay lists the action: closing it is said in its footer instead.
    public var isListed: Bool { self != .closeHelp }

    /// Where the help overlay lists the action.
    public var group: KeyGroup {
        switch self {
        case .togglePause, .stepOnce, .finishEpisode, .frameBack, .frameForward, .paceUp, .paceDown, .reset: .run
        case .nextAlgorithm, .previousAlgorithm, .nextEnvironment, .selectPreviousHyperparameter,
             .selectNextHyperparameter, .decreaseHyperparameter, .increaseHyperparameter, .restorePreset,
             .saveCheckpoint: .learn
        case .cycleHeatmapView, .cyclePlotView, .toggleExplain, .toggleHelp, .closeHelp, .quit: .view
        }
    }

    /// What the action does, as the help overlay says it (at most 20 characters).
    public var summary: String {
        switch self {
        case .togglePause: "pause / resume"
        case .stepOnce: "one step (paused)"
        case .finishEpisode: "finish the episode"
        case .frameBack: "previous frame"
        case .frameForward: "next frame"
        case .paceUp: "faster pace"
        case .paceDown: "slower pace"
        case .reset: "reset the agent"
        case .nextAlgorithm: "next algorithm"
        case .previousAlgorithm: "previous algorithm"
        case .nextEnvironment: "next environment"
        case .selectPreviousHyperparameter: "select previous"
        case .selectNextHyperparameter: "select next"
        case .decreaseHyperparameter: "decrease value"
        case .increaseHyperparameter: "increase value"
        case .restorePreset: "restore preset"
        case .saveCheckpoint: "save checkpoint"
        case .cycleHeatmapView: "heatmap view"
        case .cyclePlotView: "plot view"
        case .toggleExplain: "explain panel"
        case .toggleHelp: "this help"
        case .closeHelp: "close this help"
        case .quit: "quit"
        }
    }
}
