import Foundation
import Glibc
import Synchronization
import Testing
@testable import Sharing
@testable import Training

/// The server and the client over real Unix sockets in a private temporary directory: who gets in, what
/// they see, and that a bad, slow or vanished viewer only ever ends its own connection.
@Suite("Sharing: server and client", .serialized)
final class ShareServerTests {
    /// What a test's server serves and receives, changed and read from the test's thread.
    final class Feed: Sendable {
        let current: Mutex<TrainingSnapshot>
        let commands = Mutex<[SessionCommand]>([])
        let lines = Mutex<[String]>([])

        init(_ snapshot: TrainingSnapshot) { current = Mutex(snapshot) }

        func advance() { current.withLock { $0.sequence += 1; $0.timesteps += 1 } }
        var log: [String] { lines.withLock { $0 } }
        var received: [SessionCommand] { commands.withLock { $0 } }
    }

    let directory: String

    init() throws {
        var template = Array("/tmp/rlterm-test-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw ShareError.system("/tmp", call: "mkdtemp", errno: errno) }
        directory = String(cString: made)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func server(_ feed: Feed, name: String = "lesson", policy: PeerPolicy = PeerPolicy(owner: geteuid()),
                settings: ShareServer.Settings = ShareServer.Settings()) throws -> ShareServer {
        try ShareServer(name: name, socketPath: "\(directory)/\(name).sock", policy: policy, settings: settings,
                        snapshot: { feed.current.withLock { $0 } },
                        send: { command in feed.commands.withLock { $0.append(command) } },
                        log: { line in feed.lines.withLock { $0.append(line) } })
    }

    static func feed(steps: Int = 30) throws -> Feed { Feed(try ShareFrameTests.snapshot("cliffwalking", steps: steps)) }

    /// Waits up to five seconds for `condition`: the threads involved answer within milliseconds, so this
    /// bounds a hang, it measures nothing.
    static func eventually(_ condition: () -> Bool) -> Bool {
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }

    @Test("the owner is admitted; others only through the shared group, as primary or supplementary group")
    func policy() {
        let private_ = PeerPolicy(owner: 1000)
        #expect(private_.admits(PeerCredentials(pid: 1, uid: 1000, gid: 1000)))
        #expect(!private_.admits(PeerCredentials(pid: 1, uid: 1001, gid: 50, groups: [50])))
        let group = PeerPolicy(owner: 1000, group: 50, controllers: [1002])
        #expect(group.admits(PeerCredentials(pid: 1, uid: 1001, gid: 50)))
        #expect(group.admits(PeerCredentials(pid: 1, uid: 1001, gid: 100, groups: [100, 50])))
        #expect(!group.admits(PeerCredentials(pid: 1, uid: 1001, gid: 100, groups: [100, 51])))
        #expect(!group.grantsControl(to: PeerCredentials(pid: 1, uid: 1000, gid: 1000)), "the owner's viewers are read-only")
        #expect(group.grantsControl(to: PeerCredentials(pid: 1, uid: 1002, gid: 50)))
    }

    @Test("the kernel's credentials of a connected peer are this process's user and group")
    func credentials() throws {
        var pair: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0)
        defer { pair.forEach { close($0) } }
        let peer = try #require(PeerCredentials.of(socket: pair[0]))
        #expect(peer.uid == geteuid() && peer.gid == getegid() && peer.pid == getpid())
        #expect(peer.groups == PeerCredentials.supplementaryGroups(of: getpid()))
    }

    @Test("a viewer is welcomed read-only with the newest snapshot, follows new ones, and hears why the session ended")
    func attachFollowEnd() throws {
        let feed = try Self.feed()
        let server = try server(feed)
        let client = try ShareClient(path: server.socketPath)
        #expect(client.sessionName == "lesson" && !client.control)
        #expect(client.snapshot() == feed.current.withLock { $0 })
        #expect(Self.eventually { server.status.viewers == 1 })
        for _ in 0..<3 { feed.advance() }
        let newest = feed.current.withLock { $0 }
        #expect(Self.eventually { client.snapshot().sequence == newest.sequence })
        #expect(client.snapshot() == newest)
        server.stop(reason: "class is over")
        #expect(Self.eventually { client.ended == "class is over" })
        client.detach()
        #expect(access(server.socketPath, F_OK) != 0, "the socket is removed")
    }

    @Test("a read-only viewer's commands are ignored; a viewer with control reaches the queue, but never with stop or a path")
    func commands() throws {
        let feed = try Self.feed()
        let readOnly = try server(feed)
        let viewer = try ShareClient(path: readOnly.socketPath)
        viewer.send(.togglePause)
        #expect(Self.eventually { feed.log.contains { $0.contains("read-only; ignored") } })
        #expect(feed.received.isEmpty)
        viewer.detach()
        readOnly.stop(reason: "done")

        let steered = try server(feed, name: "steered", policy: PeerPolicy(owner: geteuid(), controllers: [geteuid()]))
        let controller = try ShareClient(path: steered.socketPath)
        #expect(controller.control)
        for command: SessionCommand in [.stop, .saveCheckpoint(path: "/etc/x"), .togglePause, .set(.gamma, 0.9)] {
            controller.send(command)
        }
        #expect(Self.eventually { feed.received.count == 2 })
        #expect(feed.received == [.togglePause, .set(.gamma, 0.9)])
        controller.detach()
        steered.stop(reason: "done")
    }

    @Test("an oversized or malformed frame closes that viewer's connection with a logged reason; the others go on")
    func badViewer() throws {
        let feed = try Self.feed()
        let server = try server(feed)
        let good = try ShareClient(path: server.socketPath)
        for (bytes, reason) in [([0xFF, 0xFF, 0xFF, 0xFF] as [UInt8], "exceeds the limit"),
                                (ShareFrame.encode(.ended("a viewer may not end it")), "may only send commands"),
                                ([0, 0, 0, 3, 0, 9, 5], "version 9")] {
            let raw = try UnixSocket.connect(server.socketPath)
            #expect(UnixSocket.writeAll(raw, bytes))
            #expect(Self.eventually { feed.log.contains { $0.contains(reason) } }, "\(reason)")
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            var total = 0
            while true {
                let count = recv(raw, &buffer, buffer.count, 0)
                if count <= 0 { break }
                total += count
            }
            #expect(total > 0, "it had been welcomed before it misbehaved")
            close(raw)
        }
        feed.advance()
        let newest = feed.current.withLock { $0.sequence }
        #expect(Self.eventually { good.snapshot().sequence == newest })
        #expect(good.ended == nil)
        good.detach()
        server.stop(reason: "done")
    }

    @Test("a viewer that stops reading is dropped after the stall timeout; one that vanishes leaves the rest unharmed")
    func stalledAndVanished() throws {
        var big = try ShareFrameTests.snapshot("cliffwalking", steps: 10)
        big.segments[0].returns = Array(repeating: 1, count: 100_000)
        let feed = Feed(big)
        let server = try server(feed, settings: ShareServer.Settings(framesPerSecond: 100, stallTimeout: .milliseconds(300)))
        let watcher = try ShareClient(path: server.socketPath)
        let stalled = try UnixSocket.connect(server.socketPath)
        let vanishing = try UnixSocket.connect(server.socketPath)
        #expect(Self.eventually { server.status.viewers == 3 })
        close(vanishing)
        for _ in 0..<20 {
            feed.advance()
            usleep(20_000)
        }
        #expect(Self.eventually { server.status.viewers == 1 })
        #expect(feed.log.contains { $0.contains("read nothing for") })
        let newest = feed.current.withLock { $0.sequence }
        #expect(Self.eventually { watcher.snapshot().sequence == newest })
        close(stalled)
        watcher.detach()
        server.stop(reason: "done")
    }

    @Test("a socket left by a killed session is stale: attaching says so, and a new share takes its place")
    func staleSocket() throws {
        let path = "\(directory)/ghost.sock"
        let listener = try UnixSocket.listen(path)
        close(listener)
        #expect(throws: ShareError.stale(path: path)) { try ShareClient(path: path) }
        #expect(ShareLocation.probe(path) == .stale)
        let feed = try Self.feed()
        let server = try server(feed, name: "ghost")
        #expect(ShareLocation.probe(path) == .live)
        #expect(throws: ShareError.nameInUse("ghost", path: path)) { try self.server(feed, name: "ghost") }
        server.stop(reason: "done")
    }

    @Test("a session speaking another protocol version is refused by the viewer, naming both versions")
    func versionMismatch() throws {
        let path = "\(directory)/future.sock"
        let listener = try UnixSocket.listen(path)
        defer { close(listener) }
        var frame = ShareFrame.encode(.welcome(sessionName: "future", control: false))
        frame[ShareProtocol.lengthBytes + 1] = UInt8(ShareProtocol.version + 1)
        let welcome = frame
        let answer = Thread {
            let peer = accept(listener, nil, nil)
            _ = UnixSocket.writeAll(peer, welcome)
            usleep(200_000)
            close(peer)
        }
        answer.start()
        #expect(throws: ShareError.protocolError(.versionMismatch(peer: ShareProtocol.version + 1, ours: ShareProtocol.version))) {
            try ShareClient(path: path)
        }
    }

    @Test("share directories: private ones 0700, group ones 0750; names that are not plain file names are refused")
    func location() throws {
        let location = ShareLocation(environment: ["XDG_RUNTIME_DIR": directory], uid: geteuid())
        #expect(location.directory(groupName: nil) == directory + "/rlterm")
        #expect(location.directory(groupName: "students") == "/tmp/rlterm-\(geteuid())-students")
        #expect(ShareLocation(environment: [:], uid: 7).directory(groupName: nil) == "/tmp/rlterm-7")
        try location.prepare(directory: directory + "/rlterm", group: nil)
        var status = stat()
        #expect(lstat(directory + "/rlterm", &status) == 0 && status.st_mode & 0o777 == 0o700)
        try location.prepare(directory: directory + "/group", group: getegid())
        #expect(lstat(directory + "/group", &status) == 0 && status.st_mode & 0o777 == 0o750 && status.st_gid == getegid())
        symlink("/etc", directory + "/link")
        #expect(throws: ShareError.self) { try location.prepare(directory: directory + "/link", group: nil) }
        for name in ["", ".hidden", "a/b", "spaced name", String(repeating: "x", count: 65)] {
            #expect(throws: ShareError.badName(name)) { try ShareLocation.check(name: name) }
        }
        try ShareLocation.check(name: "lecture-3_b.1")
        #expect(["rlterm-0", "rlterm-1000", "rlterm-1000-students"].allSatisfy(ShareLocation.isShareDirectoryName))
        #expect(!["rlterm-", "rlterm-tests-1", "rlterm-checkpoint-0A", "rlterm-12x", "rlterm-1-", "other-1"]
            .contains(where: ShareLocation.isShareDirectoryName))
    }
}
