import Agents
import ArgumentParser
import Foundation
import Glibc
import Sharing
import TerminalUI
import Training
import Watch

extension ShareClient: WatchedRun {
    /// A shared session is already running; there is nothing to start.
    public func start() {}
}

public struct AttachCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "attach",
        abstract: "Watch a session another terminal shares with 'rlterm watch --share NAME'.",
        discussion: """
            The screen is drawn here, at this terminal's size, colours and characters, from the session's own \
            snapshots. v p x [ ] ? change only this screen; keys that would change the training say \
            "read-only" unless the teacher gave this user control (--allow-control). q detaches; the training \
            goes on. When the session ends, attach says so and exits 0.
            Exit status: 64 bad usage, 66 no such session, 69 the session is gone (a stale socket) or refused \
            this viewer, 70 no usable terminal, 76 another rlterm's protocol version, 77 not shared with you.
            """
    )

    @Argument(help: ArgumentHelp("The session's name (see 'rlterm sessions') or its socket's path; may be left out "
                                 + "when exactly one session is shared with you.", valueName: "name|socket"))
    var session: String?

    @OptionGroup var screenOptions: ScreenOptions

    public init() {}

    public func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let client: ShareClient
        do {
            client = try ShareClient(path: try socketPath())
        } catch {
            throw CommandFailure(error)
        }
        TerminationSignals.trap()
        signal(SIGPIPE, SIG_IGN)
        let ending: WatchApp.Ending
        do {
            let screen = try WatchCommand.openScreen()
            let theme = screenOptions.theme(environment: environment, screen: screen)
            let starting = client.snapshot().configuration.environment
            let environments = WatchCommand.environmentCycle(starting: starting, bits: starting.bits, states: starting.states,
                                                             slippery: starting.slippery)
            let note = "viewing \(client.sessionName)" + (client.control ? " with control" : ", read-only")
            let recorder = try screenOptions.recorder(screen: screen, theme: theme, environment: environment)
            let app = WatchApp(
                session: client,
                controller: WatchController(algorithms: AlgorithmRegistry.all, environments: environments,
                                            readOnly: !client.control),
                theme: theme, framesPerSecond: screenOptions.framesPerSecond(environment: environment),
                seconds: screenOptions.timeLimit, sharingNote: { note }, recorder: recorder)
            ending = app.run(on: screen, output: CursesSurface(screen: screen, colorMode: theme.colorMode))
            screen.close()
            recorder?.close()
        } catch {
            client.detach()
            throw error
        }
        client.detach()
        switch ending {
        case .runEnded(let reason):
            print("session \(client.sessionName) has ended: \(reason)")
        case .signal(let signal):
            WatchCommand.printError("detached by \(TerminationSignals.name(of: signal))")
            Foundation.exit(TerminationSignals.exitStatus(for: signal))
        case .quit, .timeLimit:
            break
        }
    }

    /// The socket to attach to: the one named, or the only session shared with the caller.
    private func socketPath() throws(ShareError) -> String {
        let location = ShareLocation()
        if let session { return try location.resolve(session) }
        let sockets = location.sockets()
        guard sockets.count == 1 else {
            throw sockets.isEmpty ? .notFound("(any)", searched: location.searchDirectories())
                : .ambiguous("(any)", paths: sockets)
        }
        return sockets[0]
    }
}
