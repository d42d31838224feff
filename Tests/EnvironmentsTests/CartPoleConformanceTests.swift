import Foundation
import RLCore
import Testing
import Environments

/// CartPole-v1's cases beyond the ones every traced environment passes (GymnasiumConformanceTests): a moved
/// initial state, and the tolerance on states against exactness everywhere else.
@Suite("CartPole-v1 against gymnasium 1.4.0 traces: initial states and tolerance")
struct CartPoleConformanceTests {
    static func sharedTraces() throws -> EnvironmentTraceFile<CartPole> {
        let url = try #require(Bundle.module.url(forResource: "cartpole_v1_traces", withExtension: "json", subdirectory: "Fixtures"))
        return try EnvironmentTraceFile<CartPole>(data: Data(contentsOf: url))
    }

    static func trace(_ id: String) throws -> EnvironmentTrace<CartPole> {
        try #require(try sharedTraces().traces.first { $0.id == id })
    }

    @Test("an initial state moved by 1e-6 no longer gives the recorded initial observation (step 0)")
    func perturbedInitialStateFailsAtReset() throws {
        var trace = try Self.trace("random_seed1")
        trace.initialState.x += 1e-6
        let report = trace.replay()
        #expect(report.firstMismatch?.step == 0)
        #expect(report.firstMismatch?.field == .observation(0))
    }

    @Test("an initial state moved by 1e-6 with a matching initial observation diverges at step 1")
    func perturbedInitialStateDivergesAtFirstStep() throws {
        var trace = try Self.trace("random_seed1")
        trace.initialState.x += 1e-6
        trace.initialObservationBits[0] = Float(trace.initialState.x).bitPattern
        let report = trace.replay()
        #expect(report.firstMismatch?.step == 1)
        #expect(report.firstMismatch?.field == .state(0))
        #expect(report.maxStateDeviation >= 1e-6)
    }

    @Test("a state within 1e-9 passes, but a wrong reward (reported with both values) or flag fails")
    func toleranceAndExactFields() throws {
        let original = try Self.trace("hand_x2.39_lands_on_2.4")
        var nearby = original
        nearby.steps[0].state.xDot += 5e-10
        #expect(nearby.replay().passed)

        var reward = original
        reward.steps[1].reward = 0
        #expect(reward.replay().firstMismatch == TraceMismatch<CartPole>(step: 2, field: .reward, expected: "0.0", got: "1.0"))

        var terminated = original
        terminated.steps[0].terminated = true
        #expect(terminated.replay().firstMismatch?.field == .terminated)

        var truncated = original
        truncated.steps[1].truncated = true
        #expect(truncated.replay().firstMismatch?.field == .truncated)
    }
}
