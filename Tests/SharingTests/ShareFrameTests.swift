import Agents
import Environments
import Foundation
import NeuralNet
import Testing
@testable import Sharing
@testable import Training

/// The protocol's one encoder and decoder: every message survives the trip, and every kind of bad input is
/// refused with its own error instead of a crash.
@Suite("Sharing: frames")
struct ShareFrameTests {
    /// A snapshot of a session that has trained a little, changed a hyperparameter and said something, so
    /// every part of the snapshot holds values.
    static func snapshot(_ environment: String, algorithm: Algorithm = .dqn, steps: Int = 300) throws -> TrainingSnapshot {
        let worker = try SessionWorker(
            configuration: TrainingConfiguration(environment: EnvironmentSpec(name: environment), algorithm: algorithm,
                                                 hyperparameters: [.hiddenSize: 8], steps: 5_000, seed: 3),
            log: nil, settings: SessionSettings())
        for _ in 0..<steps { worker.stepOnce() }
        worker.apply(.set(.gamma, 0.95))
        worker.apply(.set(.gamma, 7))
        for _ in 0..<steps { worker.stepOnce() }
        return worker.snapshot()
    }

    static func body(of frame: [UInt8]) -> [UInt8] { Array(frame.dropFirst(ShareProtocol.lengthBytes)) }

    static func roundTrip(_ message: ShareMessage) throws -> ShareMessage {
        var assembler = FrameAssembler()
        assembler.append(ShareFrame.encode(message))
        let decoded = try #require(try assembler.nextMessage())
        #expect(try assembler.nextMessage() == nil)
        try assembler.finish()
        return decoded
    }

    @Test("snapshots of every environment under a Q-learning and a policy-gradient agent come back equal",
          arguments: ["cliffwalking", "cartpole", "acrobot", "mountaincar", "bitflip", "cliffwalk", "fourrooms",
                      "minatar-breakout", "minatar-space-invaders"])
    func snapshotRoundTrip(environment: String) throws {
        for algorithm in [Algorithm.dqn, .vpg] {
            let snapshot = try Self.snapshot(environment, algorithm: algorithm)
            #expect(snapshot.segments.count == 2, "the γ change started a segment")
            #expect(snapshot.message?.isError == true, "γ = 7 was refused with a message")
            #expect(try Self.roundTrip(.snapshot(snapshot)) == .snapshot(snapshot))
            // DQN reads a MinAtar frame through its convolution, whose maps travel with the snapshot; VPG's MLP has none.
            let convolves = environment.hasPrefix("minatar") && algorithm == .dqn
            #expect((snapshot.values.featureMaps?.count == 16) == convolves)
        }
    }

    @Test("every command, and the welcome, end and refusal messages, come back equal")
    func otherMessages() throws {
        let commands: [SessionCommand] = [
            .pause, .resume, .togglePause, .step, .finishEpisode, .set(.learningRate, 0.003), .switchAlgorithm(.vpg),
            .switchEnvironment(EnvironmentSpec(name: "bitflip", bits: 12, timeLimit: 40)), .reset,
            .saveCheckpoint(path: nil), .saveCheckpoint(path: "a/b.safetensors"), .setPace(.stepsPerSecond(20)),
            .setPace(.fullSpeed), .stop,
        ]
        for message in commands.map(ShareMessage.command) + [
            .welcome(sessionName: "lecture-3 ✓", control: true), .welcome(sessionName: "", control: false),
            .ended("the teacher quit"), .refused("uid 65534 is not allowed"),
        ] {
            #expect(try Self.roundTrip(message) == message)
        }
    }

    @Test("frames cut into pieces of any size are reassembled in order")
    func piecewise() throws {
        let messages: [ShareMessage] = [.welcome(sessionName: "s", control: false),
                                        .snapshot(try Self.snapshot("cliffwalking", steps: 40)), .ended("done")]
        let stream = messages.flatMap(ShareFrame.encode)
        for piece in [1, 3, 7, 4_096] {
            var assembler = FrameAssembler()
            var received: [ShareMessage] = []
            for start in stride(from: 0, to: stream.count, by: piece) {
                assembler.append(stream[start..<min(start + piece, stream.count)])
                while let message = try assembler.nextMessage() { received.append(message) }
            }
            try assembler.finish()
            #expect(received == messages)
        }
    }

    @Test("a frame of another protocol version is refused naming both versions")
    func versionMismatch() throws {
        var body = Self.body(of: ShareFrame.encode(.ended("x")))
        body[0] = 0x01
        body[1] = 0x02
        #expect(throws: ShareProtocolError.versionMismatch(peer: 0x0102, ours: ShareProtocol.version)) {
            try ShareFrame.decode(body: body)
        }
        let text = ShareProtocolError.versionMismatch(peer: 258, ours: 1).description
        #expect(text.contains("version 258") && text.contains("version 1") && text.contains("same rlterm"))
    }

    @Test("a connection that ends inside a frame is reported as truncated, never as a message")
    func truncation() throws {
        let frame = ShareFrame.encode(.snapshot(try Self.snapshot("cartpole", steps: 50)))
        for cut in [1, 3, 4, 5, 100, frame.count - 1] {
            var assembler = FrameAssembler()
            assembler.append(frame.prefix(cut))
            #expect(try assembler.nextMessage() == nil)
            #expect(throws: ShareProtocolError.self) { try assembler.finish() }
        }
    }

    @Test("every proper prefix of a body, read as a whole body, is refused without a crash")
    func truncatedBodies() throws {
        let body = Self.body(of: ShareFrame.encode(.snapshot(try Self.snapshot("cliffwalking", steps: 20))))
        for length in 0..<body.count {
            #expect(throws: ShareProtocolError.self) { try ShareFrame.decode(body: Array(body.prefix(length))) }
        }
    }

    @Test("a length prefix beyond the limit is refused before the body arrives")
    func oversized() throws {
        var assembler = FrameAssembler()
        let length = ShareProtocol.maxFrameBytes + 1
        assembler.append([UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)])
        #expect(throws: ShareProtocolError.oversized(length: length, limit: ShareProtocol.maxFrameBytes)) {
            try assembler.nextBody()
        }
        var small = FrameAssembler(limit: 10)
        small.append(ShareFrame.encode(.ended("a reason longer than ten bytes")))
        #expect(throws: ShareProtocolError.oversized(length: 37, limit: 10)) { try small.nextBody() }
    }

    @Test("unknown kinds, trailing bytes, bad UTF-8, impossible counts and inconsistent pictures are malformed")
    func malformed() throws {
        let ended = Self.body(of: ShareFrame.encode(.ended("ok")))
        var unknownKind = ended
        unknownKind[2] = 99
        #expect(throws: ShareProtocolError.unknownKind(99)) { try ShareFrame.decode(body: unknownKind) }
        #expect(throws: ShareProtocolError.self) { try ShareFrame.decode(body: ended + [0]) }
        var badText = ended
        badText[badText.count - 1] = 0xFF
        #expect(throws: ShareProtocolError.self) { try ShareFrame.decode(body: badText) }
        let hugeCount: [UInt8] = [0, UInt8(ShareProtocol.version), 3, 0xFF, 0xFF, 0xFF, 0xFF]
        #expect(throws: ShareProtocolError.self) { try ShareFrame.decode(body: hugeCount) }
        #expect(throws: ShareProtocolError.emptyBody(length: 2)) { try ShareFrame.decode(body: [0, 1]) }

        var snapshot = try Self.snapshot("cliffwalking", steps: 10)
        snapshot.currentEpisode.append(EpisodeFrame(state: .grid(cell: 10_000)))
        #expect(throws: ShareProtocolError.self) { try ShareFrame.decode(body: Self.body(of: ShareFrame.encode(.snapshot(snapshot)))) }
        snapshot = try Self.snapshot("cliffwalking", steps: 10)
        snapshot.values.domain = .gridCells(rows: 2, columns: 2)
        #expect(throws: ShareProtocolError.self) { try ShareFrame.decode(body: Self.body(of: ShareFrame.encode(.snapshot(snapshot)))) }
        snapshot = try Self.snapshot("minatar-breakout", steps: 10)
        snapshot.layout = .minAtar(channels: [])
        #expect(throws: ShareProtocolError.self) { try ShareFrame.decode(body: Self.body(of: ShareFrame.encode(.snapshot(snapshot)))) }
        // Feature maps whose activations do not fill their shape: the width's last byte (the fourth field from
        // the end: width, count, two floats) raised from 2 to 3.
        var maps = WireWriter()
        maps.values(ValueInspection(domain: .currentState,
                                    featureMaps: FeatureMaps(count: 1, height: 1, width: 2, values: [1, 2])))
        var mapsReader = WireReader(maps.bytes)
        #expect(try mapsReader.values().featureMaps?.values == [1, 2])
        var short = maps.bytes
        short[short.count - 13] = 3
        var shortReader = WireReader(short)
        #expect(throws: ShareProtocolError.self) { try shortReader.values() }
        // A MinAtar frame: it comes back equal, and with a bit set past its channels (the top bit of its last word,
        // the last 8 bytes, big-endian) or too many channels it is refused.
        var frame = MinAtarFrame(channels: 4)
        frame.set(y: 9, x: 4, channel: 0)
        var writer = WireWriter()
        writer.sceneState(.minAtar(frame))
        var reader = WireReader(writer.bytes)
        #expect(try reader.sceneState() == .minAtar(frame))
        var stray = writer.bytes
        stray[stray.count - 8] |= 0x80
        var strayReader = WireReader(stray)
        #expect(throws: ShareProtocolError.self) { try strayReader.sceneState() }
        var wide = writer.bytes
        wide[1] = 11
        var wideReader = WireReader(wide)
        #expect(throws: ShareProtocolError.self) { try wideReader.sceneState() }
    }

    @Test("a long run's snapshot at the session's history limits fits well within the frame limit")
    func snapshotSize() throws {
        var snapshot = try Self.snapshot("cartpole", steps: 10)
        let settings = SessionSettings()
        let frame = EpisodeFrame(state: .cartPole(CartPole.State(x: 0, xDot: 0, theta: 0, thetaDot: 0)))
        snapshot.currentEpisode = Array(repeating: frame, count: settings.frameCapacity)
        snapshot.lastEpisode = snapshot.currentEpisode
        snapshot.segments = Array(repeating: SessionSegment(
            cause: .reset, algorithm: .dqn, environment: "cartpole", firstStep: 0, firstEpisode: 0,
            returns: Array(repeating: 1, count: settings.returnCapacity)), count: settings.segmentCapacity)
        snapshot.losses = Array(repeating: LossPoint(episode: 1, loss: 1, meanAbsoluteTDError: 1), count: settings.lossCapacity)
        let size = ShareFrame.encode(.snapshot(snapshot)).count
        #expect(size < ShareProtocol.maxFrameBytes / 2, "\(size) bytes")
    }
}

extension ShareFrameTests {
    /// One body of each kind of message, small enough for the fuzzer's length limit.
    static func fuzzSeeds() throws -> [String: [UInt8]] {
        [
            "welcome": .welcome(sessionName: "lecture", control: false),
            "ended": .ended("the session ended"),
            "refused": .refused("not allowed"),
            "command-set": .command(.set(.gamma, 0.9)),
            "command-environment": .command(.switchEnvironment(EnvironmentSpec(name: "bitflip", bits: 5))),
            "snapshot-cliffwalking": .snapshot(try snapshot("cliffwalking", steps: 15)),
            "snapshot-cartpole": .snapshot(try snapshot("cartpole", algorithm: .vpg, steps: 15)),
            "snapshot-mountaincar": .snapshot(try snapshot("mountaincar", steps: 5)),
            "snapshot-minatar-breakout": .snapshot(try snapshot("minatar-breakout", steps: 5)),
        ].mapValues { body(of: ShareFrame.encode($0)) }
    }

    @Test("the fuzzer's seed bodies decode and fit its length limit; RLTERM_WRITE_SHARE_SEEDS=DIR writes them there")
    func fuzzSeedBodies() throws {
        let seeds = try Self.fuzzSeeds()
        for (name, body) in seeds {
            _ = try ShareFrame.decode(body: body)
            #expect(body.count <= 65_536, "\(name) is \(body.count) bytes")
        }
        guard let directory = ProcessInfo.processInfo.environment["RLTERM_WRITE_SHARE_SEEDS"] else { return }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, body) in seeds {
            try Data(body).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
        }
    }
}
