import Foundation
import TerminalUI
import Training

/// The terminal UI's loop on the main thread: it starts the session, waits for keys between frames, turns
/// them into commands, and at most `framesPerSecond` times a second takes the newest snapshot and draws it
/// — only when something changed, and only the cells that changed. It never waits for the training thread,
/// which learns on while the UI draws.
public final class WatchApp {
    /// How the loop ended.
    public enum Ending: Equatable, Sendable {
        /// `q`.
        case quit
        /// A SIGINT (or Ctrl-C, a key in raw mode), SIGTERM or SIGHUP.
        case signal(Int32)
        /// The `--seconds` limit passed.
        case timeLimit
        /// The watched session ended for this screen (a shared one whose teacher quit), with why.
        case runEnded(String)
    }

    private let session: any WatchedRun
    private var controller: WatchController
    private let keyMap: KeyMap
    private let theme: Theme
    private let framesPerSecond: Int
    private let seconds: Double?
    private let presenter: DashboardPresenter
    /// How the run is shared, for the status line, asked at every frame (the teacher's viewer counts).
    private let sharingNote: (@Sendable () -> String?)?
    /// Where every frame drawn is also written as an asciicast (`--record`).
    private let recorder: AsciicastRecorder?
    /// The note as last drawn: a new viewer changes it while the run is paused and nothing else moves.
    private var shownNote: String?
    /// The plot, the values and the explanation as last drawn: they change a little with every snapshot, but
    /// redrawing them at the frame rate shows nothing new and costs most of the output, so they are renewed
    /// `panelRefresh` apart (and at once after a key). The environment and the status line keep the frame rate.
    private var heldPanels: DashboardViewModel?
    private var panelsRenewed: ContinuousClock.Instant?
    static let panelRefresh = Duration.milliseconds(250)

    public init(session: any WatchedRun, controller: WatchController, theme: Theme, framesPerSecond: Int,
                seconds: Double? = nil, keyMap: KeyMap = .standard, sharingNote: (@Sendable () -> String?)? = nil,
                recorder: AsciicastRecorder? = nil) {
        precondition(framesPerSecond >= 1, "draw at least once a second")
        self.session = session
        self.controller = controller
        self.keyMap = keyMap
        self.theme = theme
        self.framesPerSecond = framesPerSecond
        self.seconds = seconds
        self.sharingNote = sharingNote
        self.recorder = recorder
        presenter = DashboardPresenter(glyphs: theme.glyphs)
    }

    /// Runs until quit, a signal or the time limit, drawing on `screen` through `output`. The session is
    /// started here and left running: the caller stops it (which saves, with a run log) after closing the screen.
    public func run(on screen: CursesScreen, output: CursesSurface) -> Ending {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = seconds.map { start + .seconds($0) }
        let frameInterval = Duration.seconds(1) / framesPerSecond
        session.start()
        var snapshot = session.snapshot()
        controller.observe(snapshot, now: start)
        var lastFrame = start - frameInterval
        var needsDraw = true
        while true {
            if let signal = TerminationSignals.received { return .signal(signal) }
            let now = clock.now
            if let deadline, now >= deadline { return .timeLimit }
            if let reason = session.ended { return .runEnded(reason) }

            let untilFrame = max(lastFrame + frameInterval - now, .zero)
            screen.setInputTimeout(milliseconds: Int((untilFrame / .milliseconds(1)).rounded(.up)))
            if let event = screen.readInput() {
                switch event {
                case .resize:
                    needsDraw = true
                case .character(3):
                    return .signal(SIGINT)
                default:
                    guard let action = keyMap.action(for: event) else { continue }
                    if action == .quit { return .quit }
                    for command in controller.handle(action, snapshot: snapshot, now: clock.now) { session.send(command) }
                    panelsRenewed = nil
                    needsDraw = true
                }
                continue
            }

            let frameTime = clock.now
            guard frameTime - lastFrame >= frameInterval else { continue }
            let newest = session.snapshot()
            // A read-only viewer browsing frames holds its picture still: it cannot pause the run to do so.
            let holding = controller.readOnly && controller.view.cursor != nil
            if !holding, newest.sequence != snapshot.sequence {
                snapshot = newest
                controller.observe(snapshot, now: frameTime)
                needsDraw = true
            }
            if controller.expires(between: lastFrame, and: frameTime) { needsDraw = true }
            if let sharingNote, sharingNote() != shownNote { needsDraw = true }
            if needsDraw {
                draw(snapshot, on: screen, output: output, now: frameTime)
                needsDraw = false
            }
            lastFrame = frameTime
        }
    }

    private func draw(_ snapshot: TrainingSnapshot, on screen: CursesScreen, output: CursesSurface,
                      now: ContinuousClock.Instant) {
        let size = screen.size
        var frame = MemorySurface(width: size.columns, height: size.rows)
        var model = presenter.model(snapshot, view: controller.view, now: now)
        model.sharing = sharingNote?()
        shownNote = model.sharing
        if let held = heldPanels, let renewed = panelsRenewed, now - renewed < Self.panelRefresh, snapshot.mode != .paused {
            model.returnSegments = held.returnSegments
            model.losses = held.losses
            model.tdErrors = held.tdErrors
            model.values = held.values
            model.explanation = held.explanation
        } else {
            heldPanels = model
            panelsRenewed = now
        }
        DashboardScreen(model: model, keyMap: keyMap).render(into: &frame, theme: theme)
        output.present(frame)
        recorder?.record(frame, at: now)
    }
}
