import CMallocCounter
import Environments
import RLCore
import Testing

/// MinAtar's games sit in the training loop's hot path: stepping, resetting and drawing must not touch the heap.
@Suite("MinAtar's games allocate nothing in steady state",
       .enabled(if: rlterm_malloc_counting_available(),
                "malloc counting needs glibc's allocator (Linux, no sanitizer); not checked here"))
struct MinAtarAllocationTests {
    /// The heap allocations made while `game` plays 3,000 random acts (resetting at each end) and writes every
    /// observation, after 100 acts of warm-up.
    static func allocations<Game: MinAtarGame>(_ game: Game.Type) -> Int {
        var environment = MinAtar<Game>(seed: 7)
        var observation = [Float](repeating: 0, count: environment.observationCount)
        var chooser = Xoshiro256StarStar(seed: 3)
        for act in 0..<3_100 {
            if act == 100 { rlterm_malloc_counter_start() }
            if environment.step(Int(chooser.next() % 6)).isDone { environment.reset() }
            observation.withUnsafeMutableBufferPointer { environment.writeObservation(into: $0) }
            // The frame the watch screen records at every step.
            guard case .minAtar = environment.sceneState else { return -1 }
        }
        return rlterm_malloc_counter_stop()
    }

    @Test("Breakout, Freeway, Space Invaders, Asterix and Seaquest step, reset, draw and pack their frame with no heap allocation")
    func gamesDoNotAllocate() {
        #expect(Self.allocations(MinAtarBreakout.self) == 0)
        #expect(Self.allocations(MinAtarFreeway.self) == 0)
        #expect(Self.allocations(MinAtarSpaceInvaders.self) == 0)
        #expect(Self.allocations(MinAtarAsterix.self) == 0)
        #expect(Self.allocations(MinAtarSeaquest.self) == 0)
    }
}
