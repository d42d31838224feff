import Agents
import TerminalUI
import Training

/// What the terminal UI remembers that the training engine does not: which plot and heatmap view are
/// chosen, which panels are open, the selected hyperparameter, the frame being browsed, and messages of
/// its own. Times are instants of the UI loop's clock, passed in, so tests control them.
public struct WatchViewState: Sendable {
    public var plotView: PlotView = .returns
    /// Index into the heatmap choices of the current agent (taken modulo their number).
    public var heatmapIndex = 0
    public var showExplain = false
    public var showHelp = false
    public var selectedRow = 0
    /// The hyperparameter just edited, highlighted until `flashUntil`.
    public var flashed: PanelRow?
    public var flashUntil: ContinuousClock.Instant?
    /// Stepping back and forth through recorded frames; nil shows the live state.
    public var cursor: FrameCursor?
    /// A message of the UI's own (a key that does nothing here), shown until `localMessageUntil`.
    public var localMessage: String?
    public var localMessageUntil: ContinuousClock.Instant?
    /// The engine's last message shown so far, and until when it stays on screen.
    public var engineMessageID = 0
    public var engineMessageUntil: ContinuousClock.Instant?
    /// Values sent but not yet seen in a snapshot, so a key held down keeps counting from what it asked
    /// for; they hold while `requestedAt` is the sequence of the newest snapshot.
    public var requested = Requested()
    public var requestedAt: Int?

    /// What the UI last asked for.
    public struct Requested: Sendable, Equatable {
        public var values: [HyperparameterKey: Double] = [:]
        public var algorithm: Algorithm?
        public var environment: String?
        public var pace: Pace?
    }

    /// How long an edited row stays highlighted and a message stays on screen.
    public static let flashDuration = Duration.milliseconds(600)
    public static let messageDuration = Duration.seconds(4)

    /// How long `text` stays on screen: `messageDuration`, and a second more for every 20 characters past the
    /// first 60, so a command to copy stays long enough to read.
    public static func messageDuration(of text: String) -> Duration {
        messageDuration + .seconds(max(text.count - 60, 0) / 20)
    }

    public init() {}

    /// The requests still ahead of `snapshot` (none once a newer snapshot has arrived).
    public func pending(for snapshot: TrainingSnapshot) -> Requested {
        requestedAt == snapshot.sequence ? requested : Requested()
    }
}
