import Foundation
import RLCore
import Testing
import Environments

@Suite("CartPole-v1 against gymnasium 1.4.0 traces")
struct CartPoleConformanceTests {
    static func sharedTraces() throws -> EnvironmentTraceFile<CartPole> {
        let url = try #require(Bundle.module.url(forResource: "cartpole_v1_traces", withExtension: "json", subdirectory: "Fixtures"))
        return try EnvironmentTraceFile<CartPole>(data: Data(contentsOf: url))
    }

    static func trace(_ id: String) throws -> EnvironmentTrace<CartPole> {
        try #require(try sharedTraces().traces.first { $0.id == id })
    }

    @Test("every shared trace replays bit for bit: states, float32 observations, rewards and both flags")
    func sharedTracesReplayExactly() throws {
        let file = try Self.sharedTraces()
        #expect(file.traces.count == 16)
        #expect(file.traces.reduce(0) { $0 + $1.steps.count } == 2139)
        for report in file.replayAll() {
            #expect(report.firstMismatch == nil, "\(report.id): \(report.firstMismatch.map(String.init(describing:)) ?? "")")
            #expect(report.maxStateDeviation == 0, "\(report.id)")
        }
    }

    @Test("a state recorded 1e-6 off at one step fails, and the report names that step and component")
    func perturbedStepIsLocated() throws {
        var trace = try Self.trace("controllerA_seed10")
        trace.steps[241].state.theta += 1e-6
        let report = trace.replay()
        #expect(!report.passed)
        #expect(report.firstMismatch?.step == 242)
        #expect(report.firstMismatch?.field == .state(2))
        #expect(abs(report.maxStateDeviation - 1e-6) < 1e-12)
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

    @Test("a state within 1e-9 passes, but one flipped observation bit, reward or flag fails")
    func toleranceAndExactFields() throws {
        let original = try Self.trace("hand_x2.39_lands_on_2.4")
        var nearby = original
        nearby.steps[0].state.xDot += 5e-10
        #expect(nearby.replay().passed)

        var observation = original
        observation.steps[1].observationBits[3] ^= 1
        #expect(observation.replay().firstMismatch?.field == .observation(3))
        #expect(observation.replay().firstMismatch?.step == 2)

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
