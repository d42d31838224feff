import RLCore
import Testing
@testable import Experiments

@Suite("Blind Cliffwalk replay experiment (PER)")
struct BlindCliffwalkExperimentTests {
    typealias Experiment = BlindCliffwalkExperiment

    @Test("every replay and representation learns Q* to the threshold, the same count for the same seed")
    func learnsAndReproduces() {
        for replay in Experiment.Replay.allCases {
            for representation in Experiment.Representation.allCases {
                let first = Experiment.updatesToLearn(states: 5, replay: replay, representation: representation, seed: 3)
                let again = Experiment.updatesToLearn(states: 5, replay: replay, representation: representation, seed: 3)
                #expect(first != nil && first == again, "\(replay) \(representation)")
            }
        }
        var impatient = Experiment.Settings()
        impatient.maxUpdates = 10
        #expect(Experiment.updatesToLearn(states: 5, replay: .uniform, representation: .tabular, seed: 3, settings: impatient) == nil)
    }

    @Test("the median is the middle run's count")
    func median() {
        let counts = (0..<3 as Range<UInt64>).map {
            Experiment.updatesToLearn(states: 4, replay: .uniform, representation: .linear, seed: $0)!
        }
        let median = Experiment.medianUpdates(states: 4, replay: .uniform, representation: .linear, seeds: [0, 1, 2])
        #expect(median == Double(counts.sorted()[1]))
    }

    /// Median updates over seeds 0–4 for n = 4 and n = 8, uniform against prioritized.
    func gaps(_ prioritized: Experiment.Replay, _ representation: Experiment.Representation) -> (small: Double, large: Double) {
        func ratio(_ states: Int) -> Double {
            let seeds: [UInt64] = [0, 1, 2, 3, 4]
            let uniform = Experiment.medianUpdates(states: states, replay: .uniform, representation: representation, seeds: seeds)!
            let other = Experiment.medianUpdates(states: states, replay: prioritized, representation: representation, seeds: seeds)!
            return uniform / other
        }
        return (ratio(4), ratio(8))
    }

    @Test("tabular: uniform replay's count grows much faster with n than greedy prioritization's (the paper's Fig. 2 left)")
    func tabularTrend() {
        // Measured: 353 vs 100 updates at n = 4, 6,970 vs 310 at n = 8.
        let (small, large) = gaps(.greedy, .tabular)
        #expect(large >= 10 && large >= 3 * small, "uniform / greedy: \(small) at n = 4, \(large) at n = 8")
    }

    @Test("linear: uniform replay's count grows much faster with n than proportional prioritization's (Fig. 2 right)")
    func linearTrend() {
        // Measured: 282 vs 155 updates at n = 4, 5,004 vs 895 at n = 8.
        let (small, large) = gaps(.proportional, .linear)
        #expect(large >= 3 && large >= 2 * small, "uniform / proportional: \(small) at n = 4, \(large) at n = 8")
    }

    @Test("with a priority per memory slot every slot waits to be replayed once, so greedy replay needs more updates")
    func perSlotPriorities() {
        var perSlot = Experiment.Settings()
        perSlot.sharedPriorities = false
        let seeds: [UInt64] = [0, 1, 2]
        let slotted = Experiment.medianUpdates(states: 8, replay: .greedy, representation: .tabular, seeds: seeds, settings: perSlot)!
        let shared = Experiment.medianUpdates(states: 8, replay: .greedy, representation: .tabular, seeds: seeds)!
        #expect(slotted > shared)
        #expect(slotted >= 0.9 * Double((1 << 9) - 2), "\(slotted) updates for 510 slots")
    }
}
