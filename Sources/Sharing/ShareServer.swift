import Foundation
import Glibc
import Synchronization
import Training

/// Publishes a live session on a Unix socket for viewers (`rlterm attach`), on one thread of its own that
/// never blocks the training thread or the teacher's screen.
///
/// Once per frame interval it takes the session's newest snapshot and, when it is new, encodes it once; each
/// viewer is then owed only that newest frame — one that has not started on its way is replaced, never
/// queued behind — so a slow viewer costs memory for two frames at most. Sockets are non-blocking: a viewer
/// that stops reading (Ctrl-Z, a dead SSH link) is dropped after `stallTimeout`, one that vanishes only
/// ends its own connection, and bad bytes from one close that one with a logged reason.
public final class ShareServer: Sendable {
    public struct Settings: Sendable {
        public var framesPerSecond: Int
        public var stallTimeout: Duration

        public init(framesPerSecond: Int = 30, stallTimeout: Duration = .seconds(5)) {
            self.framesPerSecond = framesPerSecond
            self.stallTimeout = stallTimeout
        }
    }

    /// What the teacher's status line shows.
    public struct Status: Sendable, Equatable {
        public var viewers = 0
        /// Connections refused because their user is not allowed.
        public var refused = 0
        public var sentBytes = 0
    }

    public let name: String
    public let socketPath: String
    private let state = Mutex(Status())
    private let stopReason = Mutex<String?>(nil)
    private let wake: (read: Int32, write: Int32)
    private let finished = DispatchSemaphore(value: 0)

    /// Shares the session through `socketPath`: `snapshot` gives its newest picture, `send` takes the
    /// commands of viewers `policy` lets steer, `log` is told every connection, drop and refusal. A socket
    /// left at the path by a session that is gone is replaced; one that answers is a name in use.
    public init(name: String, socketPath: String, policy: PeerPolicy, group: gid_t? = nil, settings: Settings = Settings(),
                snapshot: @escaping @Sendable () -> TrainingSnapshot, send: @escaping @Sendable (SessionCommand) -> Void,
                log: @escaping @Sendable (String) -> Void) throws(ShareError) {
        self.name = name
        self.socketPath = socketPath
        try Self.claim(socketPath, name: name)
        let listener = try UnixSocket.listen(socketPath)
        let mode: mode_t = group == nil ? 0o600 : 0o660
        if let group, chown(socketPath, uid_t.max, group) != 0 {
            let code = errno
            close(listener)
            unlink(socketPath)
            throw .system(socketPath, call: "chown", errno: code)
        }
        chmod(socketPath, mode)
        UnixSocket.setNonBlocking(listener)
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            let code = errno
            close(listener)
            unlink(socketPath)
            throw .system(socketPath, call: "pipe", errno: code)
        }
        for end in pipeEnds {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            UnixSocket.setNonBlocking(end)
        }
        wake = (pipeEnds[0], pipeEnds[1])
        let wakeRead = pipeEnds[0]
        let thread = Thread { [self] in
            ServerLoop(listener: listener, wake: wakeRead, policy: policy, name: name, settings: settings,
                       snapshot: snapshot, send: send, log: log).run(server: self)
            close(wake.read)
            unlink(socketPath)
            finished.signal()
        }
        thread.name = "rlterm share"
        thread.start()
        log("sharing \(name) at \(socketPath) (mode \(String(mode, radix: 8)))")
    }

    /// Refuses a path where a live session answers; removes a stale socket.
    static func claim(_ path: String, name: String) throws(ShareError) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFSOCK else {
            throw .unsafeDirectory(path, reason: "exists and is not a socket")
        }
        let socket: Int32
        do {
            socket = try UnixSocket.connect(path)
        } catch .stale {
            unlink(path)
            return
        } catch .notFound {
            return
        } catch {
            throw .nameInUse(name, path: path)
        }
        close(socket)
        throw .nameInUse(name, path: path)
    }

    public var status: Status { state.withLock { $0 } }

    func record(viewers: Int, sentBytes: Int) {
        state.withLock {
            $0.viewers = viewers
            $0.sentBytes = sentBytes
        }
    }

    func countRefusal() { state.withLock { $0.refused += 1 } }

    var stopRequested: String? { stopReason.withLock { $0 } }

    /// Tells every viewer the session ended (`reason`), closes their connections and removes the socket;
    /// returns when that is done.
    public func stop(reason: String) {
        let first = stopReason.withLock { current -> Bool in
            guard current == nil else { return false }
            current = reason
            return true
        }
        guard first else { return }
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
        finished.wait()
        close(wake.write)
    }
}
