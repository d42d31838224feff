import Environments
import RLCore
import Testing

/// The packed frame the watch screen records at every step of a MinAtar game.
@Suite("MinAtar frames: the observation packed a bit a cell and channel")
struct MinAtarFrameTests {
    /// Plays `game` with random actions and checks every frame's bits against the observation.
    static func checkFrames<Game: MinAtarGame>(_ game: Game.Type, acts: Int = 400) {
        var environment = MinAtar<Game>(seed: 11)
        var chooser = Xoshiro256StarStar(seed: 5)
        let channels = Game.channelNames.count
        var observation = [Float](repeating: 0, count: environment.observationCount)
        var setCells = 0
        for _ in 0..<acts {
            if environment.step(Int(chooser.next() % 6)).isDone { environment.reset() }
            observation.withUnsafeMutableBufferPointer { environment.writeObservation(into: $0) }
            guard case .minAtar(let frame) = environment.sceneState else {
                Issue.record("\(Game.name) has no MinAtar scene state")
                return
            }
            #expect(frame.channels == channels)
            for y in 0..<10 {
                for x in 0..<10 {
                    for channel in 0..<channels {
                        let expected = observation[MinAtarCanvas.index(y: y, x: x, channel: channel, channels: channels)] != 0
                        #expect(frame.isSet(y: y, x: x, channel: channel) == expected, "\(Game.name) (\(y), \(x), \(channel))")
                        if expected { setCells += 1 }
                    }
                    let top = (0..<channels).last { observation[MinAtarCanvas.index(y: y, x: x, channel: $0, channels: channels)] != 0 }
                    #expect(frame.topChannel(y: y, x: x) == top)
                }
            }
        }
        #expect(setCells > acts, "\(Game.name) drew almost nothing: the check would pass on empty frames")
        #expect(environment.sceneLayout == .minAtar(channels: Game.channelNames))
    }

    @Test("every game's frame holds exactly its observation's set cells, channel by channel, over 400 random acts")
    func framesMatchObservations() {
        Self.checkFrames(MinAtarBreakout.self)
        Self.checkFrames(MinAtarFreeway.self)
        Self.checkFrames(MinAtarSpaceInvaders.self)
        Self.checkFrames(MinAtarAsterix.self)
    }

    @Test("the highest channel set is the cell's: a ball over its trail is the ball; 10 channels fit, bits past them are refused")
    func topChannelAndLimits() throws {
        var frame = MinAtarFrame(channels: 4)
        #expect(frame.topChannel(y: 3, x: 7) == nil)
        frame.set(y: 3, x: 7, channel: 2)
        frame.set(y: 3, x: 7, channel: 1)
        #expect(frame.topChannel(y: 3, x: 7) == 2)
        #expect(frame.isSet(y: 3, x: 7, channel: 1) && !frame.isSet(y: 3, x: 6, channel: 1))
        var seaquest = MinAtarFrame(channels: MinAtarFrame.maximumChannels)
        seaquest.set(y: 9, x: 9, channel: 9)
        #expect(seaquest.topChannel(y: 9, x: 9) == 9)
        #expect(MinAtarFrame(channels: 4, words: frame.words) == frame)
        var stray = SIMD16<UInt64>()
        stray[15] = 1 << 63
        #expect(MinAtarFrame(channels: 4, words: stray) == nil)
        #expect(MinAtarFrame(channels: 10, words: stray) == nil)
        #expect(MinAtarFrame(channels: 11, words: SIMD16<UInt64>()) == nil)
        // 128 bytes of bits and the channel count, padded to the bits' alignment.
        #expect(MemoryLayout<MinAtarFrame>.size <= 144)
    }
}
