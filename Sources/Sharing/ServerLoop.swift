import Glibc
import Training

/// The share server's thread: one poll loop over the listening socket, a wake-up pipe and every viewer.
/// Everything here belongs to that thread alone.
final class ServerLoop {
    /// One attached viewer: the frame on its way (with how much of it is sent) and the newest frame owed
    /// after it.
    private final class Viewer {
        let socket: Int32
        let peer: PeerCredentials
        let control: Bool
        var sending: [UInt8] = []
        var sent = 0
        var owed: [UInt8]?
        var lastProgress: ContinuousClock.Instant
        var incoming = FrameAssembler(limit: 64 << 10)

        init(socket: Int32, peer: PeerCredentials, control: Bool, now: ContinuousClock.Instant) {
            self.socket = socket
            self.peer = peer
            self.control = control
            lastProgress = now
        }

        var label: String { "viewer uid \(peer.uid) pid \(peer.pid)" }
        var isBehind: Bool { sent < sending.count }
    }

    private let listener: Int32
    private let wake: Int32
    private let policy: PeerPolicy
    private let name: String
    private let settings: ShareServer.Settings
    private let snapshot: @Sendable () -> TrainingSnapshot
    private let send: @Sendable (SessionCommand) -> Void
    private let log: @Sendable (String) -> Void
    private let clock = ContinuousClock()
    private var viewers: [Viewer] = []
    private var latestFrame: [UInt8] = []
    private var latestSequence: Int?
    private var receiveBuffer = [UInt8](repeating: 0, count: 64 << 10)
    private var sentBytes = 0

    init(listener: Int32, wake: Int32, policy: PeerPolicy, name: String, settings: ShareServer.Settings,
         snapshot: @escaping @Sendable () -> TrainingSnapshot, send: @escaping @Sendable (SessionCommand) -> Void,
         log: @escaping @Sendable (String) -> Void) {
        self.listener = listener
        self.wake = wake
        self.policy = policy
        self.name = name
        self.settings = settings
        self.snapshot = snapshot
        self.send = send
        self.log = log
    }

    func run(server: ShareServer) {
        let interval = Duration.seconds(1) / max(settings.framesPerSecond, 1)
        var nextFrame = clock.now
        while server.stopRequested == nil {
            let wait = max(nextFrame - clock.now, .zero)
            var polled = [pollfd(fd: wake, events: Int16(POLLIN), revents: 0),
                          pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
            polled += viewers.map { pollfd(fd: $0.socket, events: Int16(POLLIN) | ($0.isBehind ? Int16(POLLOUT) : 0), revents: 0) }
            let ready = poll(&polled, nfds_t(polled.count), Int32((wait / .milliseconds(1)).rounded(.up)))
            if ready < 0, errno != EINTR { log("poll failed: \(String(cString: strerror(errno)))") }
            if ready > 0 {
                if polled[0].revents != 0 { drainWake() }
                if polled[1].revents & Int16(POLLIN) != 0 { accept(server: server) }
                // Viewers accepted just now are not in `polled`; they are served from the next round.
                for (viewer, entry) in zip(viewers, polled.dropFirst(2)) where entry.revents != 0 {
                    if entry.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 { receive(from: viewer) }
                }
            }
            let now = clock.now
            if now >= nextFrame {
                publishNewest()
                nextFrame = max(nextFrame + interval, now)
            }
            for viewer in viewers { flush(viewer, now: now) }
            dropStalled(now: now)
            server.record(viewers: viewers.count, sentBytes: sentBytes)
        }
        shutDown(reason: server.stopRequested ?? "the session ended", server: server)
    }

    private func drainWake() {
        var bytes = [UInt8](repeating: 0, count: 16)
        while read(wake, &bytes, bytes.count) > 0 {}
    }

    private func accept(server: ShareServer) {
        while true {
            let socket = Glibc.accept(listener, nil, nil)
            guard socket >= 0 else { return }
            _ = fcntl(socket, F_SETFD, FD_CLOEXEC)
            UnixSocket.setNonBlocking(socket)
            guard let peer = PeerCredentials.of(socket: socket) else {
                log("refused a connection whose credentials the kernel did not give")
                server.countRefusal()
                close(socket)
                continue
            }
            guard policy.admits(peer) else {
                log("refused uid \(peer.uid) pid \(peer.pid): not the owner and not in the shared group")
                server.countRefusal()
                _ = UnixSocket.writeAll(socket, ShareFrame.encode(.refused(
                    "session \(name) is not shared with uid \(peer.uid)")), patience: 100)
                close(socket)
                continue
            }
            let viewer = Viewer(socket: socket, peer: peer, control: policy.grantsControl(to: peer), now: clock.now)
            viewer.sending = ShareFrame.encode(.welcome(sessionName: name, control: viewer.control))
            if !latestFrame.isEmpty { viewer.owed = latestFrame }
            viewers.append(viewer)
            log("\(viewer.label) attached\(viewer.control ? " with control" : ", read-only")")
        }
    }

    private func receive(from viewer: Viewer) {
        while true {
            let count = recv(viewer.socket, &receiveBuffer, receiveBuffer.count, Int32(MSG_DONTWAIT))
            if count == 0 {
                drop(viewer, reason: "left")
                return
            }
            if count < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return }
                drop(viewer, reason: Self.hangUpReason(errno))
                return
            }
            viewer.incoming.append(receiveBuffer[0..<count])
            do {
                while let message = try viewer.incoming.nextMessage() { handle(message, from: viewer) }
            } catch {
                drop(viewer, reason: "closed: \(error)")
                return
            }
        }
    }

    private func handle(_ message: ShareMessage, from viewer: Viewer) {
        guard case .command(let command) = message else {
            drop(viewer, reason: "closed: a viewer may only send commands")
            return
        }
        guard viewer.control else {
            log("\(viewer.label) is read-only; ignored \(command)")
            return
        }
        switch command {
        case .stop, .saveCheckpoint(path: .some):
            log("\(viewer.label): \(command) is the teacher's alone; ignored")
        default:
            send(command)
        }
    }

    private func publishNewest() {
        let newest = snapshot()
        guard newest.sequence != latestSequence else { return }
        latestSequence = newest.sequence
        latestFrame = ShareFrame.encode(.snapshot(newest))
        for viewer in viewers { viewer.owed = latestFrame }
    }

    private func flush(_ viewer: Viewer, now: ContinuousClock.Instant) {
        while true {
            if !viewer.isBehind {
                guard let owed = viewer.owed else { return }
                viewer.sending = owed
                viewer.sent = 0
                viewer.owed = nil
                viewer.lastProgress = now
            }
            let written = viewer.sending.withUnsafeBytes {
                Glibc.send(viewer.socket, $0.baseAddress! + viewer.sent, viewer.sending.count - viewer.sent,
                           Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
            }
            if written < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return }
                drop(viewer, reason: Self.hangUpReason(errno))
                return
            }
            viewer.sent += written
            sentBytes += written
            viewer.lastProgress = now
        }
    }

    /// A viewer that hung up shows as a broken pipe or a reset; anything else is a real failure.
    static func hangUpReason(_ code: Int32) -> String {
        code == EPIPE || code == ECONNRESET ? "left" : "connection failed: \(String(cString: strerror(code)))"
    }

    private func dropStalled(now: ContinuousClock.Instant) {
        for viewer in viewers where viewer.isBehind && now - viewer.lastProgress > settings.stallTimeout {
            drop(viewer, reason: "dropped: read nothing for \(settings.stallTimeout)")
        }
    }

    private func drop(_ viewer: Viewer, reason: String) {
        guard let index = viewers.firstIndex(where: { $0 === viewer }) else { return }
        viewers.remove(at: index)
        close(viewer.socket)
        log("\(viewer.label) \(reason)")
    }

    private func shutDown(reason: String, server: ShareServer) {
        let farewell = ShareFrame.encode(.ended(reason))
        for viewer in viewers {
            // The frame in flight is finished first so the farewell arrives whole; a viewer that cannot take
            // it at once does not hold the teacher's exit.
            if viewer.isBehind { _ = UnixSocket.writeAll(viewer.socket, Array(viewer.sending[viewer.sent...]), patience: 200) }
            _ = UnixSocket.writeAll(viewer.socket, farewell, patience: 200)
            close(viewer.socket)
        }
        log("stopped sharing \(name): \(reason) (\(viewers.count) viewers told)")
        viewers.removeAll()
        server.record(viewers: 0, sentBytes: sentBytes)
        close(listener)
    }
}
