import Foundation
import Glibc
import Synchronization
import Training

/// A viewer's end of a shared session: connects, checks the session's welcome (its protocol version first),
/// then keeps the newest snapshot on a thread of its own, so the viewer's screen reads it without waiting.
public final class ShareClient: Sendable {
    public let sessionName: String
    /// Whether the session takes this viewer's commands (`--allow-control`).
    public let control: Bool
    private let socket: Int32
    private let latest: Mutex<TrainingSnapshot>
    private let endReason = Mutex<String?>(nil)
    private let closed = Atomic<Bool>(false)
    private let readerDone = DispatchSemaphore(value: 0)

    /// Attaches to the session at `path`. Throws what keeps it from watching: no such session, a stale socket,
    /// a permission the session does not give, a refusal, another protocol version, or no first picture
    /// within `patience`.
    public init(path: String, patience: Duration = .seconds(10)) throws(ShareError) {
        socket = try UnixSocket.connect(path)
        var timeout = timeval(tv_sec: Int(patience.components.seconds), tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var assembler = FrameAssembler()
        do throws(ShareError) {
            guard case .welcome(let name, let control) = try Self.next(from: socket, into: &assembler) else {
                throw .refused("\(path): the session did not introduce itself")
            }
            guard case .snapshot(let first) = try Self.next(from: socket, into: &assembler) else {
                throw .refused("\(path): the session sent no picture of the run")
            }
            sessionName = name
            self.control = control
            latest = Mutex(first)
        } catch {
            close(socket)
            throw error
        }
        var forever = timeval(tv_sec: 0, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &forever, socklen_t(MemoryLayout<timeval>.size))
        let thread = Thread { [self, assembler] in
            readLoop(assembler)
            readerDone.signal()
        }
        thread.name = "rlterm attach"
        thread.start()
    }

    /// The next message, reading as much as it takes; a refusal or an end becomes the error that says why.
    private static func next(from socket: Int32, into assembler: inout FrameAssembler) throws(ShareError) -> ShareMessage {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            do {
                if let message = try assembler.nextMessage() {
                    switch message {
                    case .refused(let reason): throw ShareError.refused("the session refused this viewer: \(reason)")
                    case .ended(let reason): throw ShareError.ended(reason)
                    default: return message
                    }
                }
            } catch let error as ShareProtocolError {
                throw .protocolError(error)
            } catch let error as ShareError {
                throw error
            } catch {
                throw .refused("\(error)")
            }
            let count = recv(socket, &buffer, buffer.count, 0)
            if count < 0, errno == EINTR { continue }
            if count < 0, errno == EAGAIN || errno == EWOULDBLOCK { throw .refused("the session did not answer in time") }
            guard count > 0 else { throw .refused("the session closed the connection") }
            assembler.append(buffer[0..<count])
        }
    }

    private func readLoop(_ start: FrameAssembler) {
        var assembler = start
        var reason: String
        do throws(ShareError) {
            while true {
                let message = try Self.next(from: socket, into: &assembler)
                if case .snapshot(let snapshot) = message { latest.withLock { $0 = snapshot } }
            }
        } catch .ended(let why) {
            reason = why
        } catch {
            reason = closed.load(ordering: .acquiring) ? "detached" : "\(error)"
        }
        endReason.withLock { $0 = reason }
    }

    /// The newest snapshot received.
    public func snapshot() -> TrainingSnapshot { latest.withLock { $0 } }

    /// Why the session is over for this viewer, once it is: the owner's reason, or what broke the connection.
    public var ended: String? { endReason.withLock { $0 } }

    /// Sends `command` to the session (which ignores it unless this viewer has control).
    public func send(_ command: SessionCommand) {
        _ = UnixSocket.writeAll(socket, ShareFrame.encode(.command(command)), patience: 1_000)
    }

    /// Closes the connection and waits for the reading thread to finish.
    public func detach() {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        shutdown(socket, Int32(SHUT_RDWR))
        readerDone.wait()
        close(socket)
    }
}
