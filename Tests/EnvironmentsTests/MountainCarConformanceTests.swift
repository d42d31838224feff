import Foundation
import RLCore
import Testing
import Environments

@Suite("MountainCar-v0 against gymnasium 1.4.0 traces")
struct MountainCarConformanceTests {
    static func traces() throws -> EnvironmentTraceFile<MountainCar> {
        let url = try #require(Bundle.module.url(forResource: "mountaincar_v0_traces", withExtension: "json",
                                                 subdirectory: "Fixtures"))
        return try EnvironmentTraceFile<MountainCar>(data: Data(contentsOf: url))
    }

    static func trace(_ id: String) throws -> EnvironmentTrace<MountainCar> {
        try #require(try traces().traces.first { $0.id == id })
    }

    @Test("every trace replays bit for bit: states, float32 observations, rewards and both flags")
    func tracesReplayExactly() throws {
        let file = try Self.traces()
        #expect(file.traces.count == 15)
        #expect(file.traces.reduce(0) { $0 + $1.steps.count } == 1825)
        // The flag (terminated), the time limit (truncated at 200), the wall and the speed clip all occur.
        #expect(file.traces.contains { $0.steps.last?.terminated == true })
        #expect(file.traces.contains { $0.steps.count == 200 && $0.steps.last?.truncated == true })
        #expect(file.traces.contains { $0.steps.contains { $0.state.position == MountainCar.minPosition } })
        #expect(file.traces.contains { $0.steps.contains { $0.state.velocity == MountainCar.maxSpeed } })
        for report in file.replayAll() {
            #expect(report.firstMismatch == nil,
                    "\(report.id): \(report.firstMismatch.map(String.init(describing:)) ?? "")")
            #expect(report.maxStateDeviation == 0, "\(report.id)")
        }
    }

    @Test("a state recorded 1e-6 off at one step fails, and the report names that step and component")
    func perturbedStepIsLocated() throws {
        var trace = try Self.trace("random_seed1")
        trace.steps[149].state.velocity += 1e-6
        let report = trace.replay()
        #expect(!report.passed)
        #expect(report.firstMismatch?.step == 150)
        #expect(report.firstMismatch?.field == .state(1))
        #expect(report.firstMismatch.map(String.init(describing:))?.contains("step 150 state.velocity") == true)
    }

    @Test("one flipped observation bit or a wrong reward is named by its component")
    func exactFields() throws {
        let original = try Self.trace("pump_seed10")
        var observation = original
        observation.steps[9].observationBits[0] ^= 1
        #expect(observation.replay().firstMismatch?.step == 10)
        #expect(observation.replay().firstMismatch.map(String.init(describing:))?.contains("obs.position") == true)
        var reward = original
        reward.steps[reward.steps.count - 1].reward = 0
        #expect(reward.replay().firstMismatch?.field == .reward)
    }
}
