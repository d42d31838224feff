import Foundation
import RLCore
import Testing
import Environments

@Suite("Acrobot-v1 against gymnasium 1.4.0 traces")
struct AcrobotConformanceTests {
    static func traces() throws -> EnvironmentTraceFile<Acrobot> {
        let url = try #require(Bundle.module.url(forResource: "acrobot_v1_traces", withExtension: "json",
                                                 subdirectory: "Fixtures"))
        return try EnvironmentTraceFile<Acrobot>(data: Data(contentsOf: url))
    }

    static func trace(_ id: String) throws -> EnvironmentTrace<Acrobot> {
        try #require(try traces().traces.first { $0.id == id })
    }

    @Test("every trace replays bit for bit: states, float32 observations, rewards and both flags")
    func tracesReplayExactly() throws {
        let file = try Self.traces()
        #expect(file.traces.count == 13)
        #expect(file.traces.reduce(0) { $0 + $1.steps.count } == 1663)
        // Swung up (reward 0, terminated), time limit (truncated at 500) and the velocity clips all occur.
        #expect(file.traces.contains { $0.steps.last?.terminated == true && $0.steps.last?.reward == 0 })
        #expect(file.traces.contains { $0.steps.count == 500 && $0.steps.last?.truncated == true })
        #expect(file.traces.contains { $0.steps.contains { abs($0.state.theta2Dot) == Acrobot.maxVelocity2 } })
        for report in file.replayAll() {
            #expect(report.firstMismatch == nil,
                    "\(report.id): \(report.firstMismatch.map(String.init(describing:)) ?? "")")
            #expect(report.maxStateDeviation == 0, "\(report.id)")
        }
    }

    @Test("a state recorded 1e-6 off at one step fails, and the report names that step and component")
    func perturbedStepIsLocated() throws {
        var trace = try Self.trace("random_seed2")
        trace.steps[199].state.theta2Dot += 1e-6
        let report = trace.replay()
        #expect(!report.passed)
        #expect(report.firstMismatch?.step == 200)
        #expect(report.firstMismatch?.field == .state(3))
        #expect(report.firstMismatch.map(String.init(describing:))?.contains("step 200 state.theta2_dot") == true)
    }

    @Test("one flipped observation bit or a wrong reward is named by its component")
    func exactFields() throws {
        let original = try Self.trace("pump2_seed10")
        var observation = original
        observation.steps[9].observationBits[1] ^= 1
        #expect(observation.replay().firstMismatch?.step == 10)
        #expect(observation.replay().firstMismatch.map(String.init(describing:))?.contains("obs.sin_theta1") == true)
        var reward = original
        reward.steps[reward.steps.count - 1].reward = -1
        #expect(reward.replay().firstMismatch?.field == .reward)
    }
}
