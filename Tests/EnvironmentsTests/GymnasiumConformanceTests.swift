import Foundation
import RLCore
import Testing
import Environments

/// The checks every gymnasium-traced environment passes, run once per environment: the committed traces
/// replay bit for bit and contain the situations that make them a real test, and a trace changed in one
/// place fails at that step, naming the component. CartPole's own suite adds its initial-state and tolerance
/// cases.
@Suite("classic control against gymnasium 1.4.0 traces")
struct GymnasiumConformanceTests {
    static let cases: [GymnasiumTraceCase] = [
        GymnasiumTraceCase(
            CartPole.self, fixture: "cartpole_v1_traces", traceCount: 16, stepCount: 2139,
            situations: [
                "a pole that falls (terminated)": { $0.steps.last?.terminated == true },
                "the cart beyond ±2.4": { $0.steps.contains { abs($0.state.x) > CartPole.xThreshold } },
            ],
            perturbedState: .init(trace: "controllerA_seed10", step: 242, component: 2),
            flippedObservation: .init(trace: "hand_x2.39_lands_on_2.4", step: 2, component: 3),
            wrongReward: 0),
        GymnasiumTraceCase(
            Acrobot.self, fixture: "acrobot_v1_traces", traceCount: 13, stepCount: 1663,
            situations: [
                "a swing-up (reward 0, terminated)": { $0.steps.last?.terminated == true && $0.steps.last?.reward == 0 },
                "the time limit (truncated at 500)": { $0.steps.count == 500 && $0.steps.last?.truncated == true },
                "the clipped joint velocity": { $0.steps.contains { abs($0.state.theta2Dot) == Acrobot.maxVelocity2 } },
            ],
            perturbedState: .init(trace: "random_seed2", step: 200, component: 3),
            flippedObservation: .init(trace: "pump2_seed10", step: 10, component: 1),
            wrongReward: -1),
        GymnasiumTraceCase(
            MountainCar.self, fixture: "mountaincar_v0_traces", traceCount: 15, stepCount: 1825,
            situations: [
                "the flag (terminated)": { $0.steps.last?.terminated == true },
                "the time limit (truncated at 200)": { $0.steps.count == 200 && $0.steps.last?.truncated == true },
                "the left wall": { $0.steps.contains { $0.state.position == MountainCar.minPosition } },
                "the speed clip": { $0.steps.contains { $0.state.velocity == MountainCar.maxSpeed } },
            ],
            perturbedState: .init(trace: "random_seed1", step: 150, component: 1),
            flippedObservation: .init(trace: "pump_seed10", step: 10, component: 0),
            wrongReward: 0),
    ]

    @Test("every trace replays bit for bit, and the traces reach the situations they are there for",
          arguments: cases)
    func tracesReplayExactly(_ environment: GymnasiumTraceCase) throws {
        try environment.checkReplaysExactly()
    }

    @Test("a state recorded 1e-6 off at one step fails, and the report names that step and component",
          arguments: cases)
    func perturbedStepIsLocated(_ environment: GymnasiumTraceCase) throws {
        try environment.checkPerturbedStateIsLocated()
    }

    @Test("one flipped observation bit or a wrong last reward is named by its component", arguments: cases)
    func exactFields(_ environment: GymnasiumTraceCase) throws {
        try environment.checkExactFields()
    }
}

/// One environment's traces and where each check changes them; the checks are closures over the concrete
/// environment type, so one parameterised suite runs them all.
struct GymnasiumTraceCase: Sendable, CustomTestStringConvertible {
    /// A place in a trace: the trace's id, the 1-based step as reports count it, and a component index.
    struct Place: Sendable {
        let trace: String
        let step: Int
        let component: Int
    }

    let testDescription: String
    let checkReplaysExactly: @Sendable () throws -> Void
    let checkPerturbedStateIsLocated: @Sendable () throws -> Void
    let checkExactFields: @Sendable () throws -> Void

    init<E: TraceableEnvironment & SendableMetatype>(
        _ environment: E.Type, fixture: String, traceCount: Int, stepCount: Int,
        situations: KeyValuePairs<String, @Sendable (EnvironmentTrace<E>) -> Bool>,
        perturbedState: Place, flippedObservation: Place, wrongReward: Double
    ) {
        testDescription = E.gymnasiumID
        let situations = Array(situations)
        @Sendable func traces() throws -> EnvironmentTraceFile<E> {
            let url = try #require(Bundle.module.url(forResource: fixture, withExtension: "json", subdirectory: "Fixtures"))
            return try EnvironmentTraceFile<E>(data: Data(contentsOf: url))
        }
        @Sendable func trace(_ id: String) throws -> EnvironmentTrace<E> {
            try #require(try traces().traces.first { $0.id == id })
        }
        checkReplaysExactly = {
            let file = try traces()
            #expect(file.traces.count == traceCount)
            #expect(file.traces.reduce(0) { $0 + $1.steps.count } == stepCount)
            for (situation, occursIn) in situations {
                #expect(file.traces.contains(where: occursIn), "no trace has \(situation)")
            }
            for report in file.replayAll() {
                #expect(report.firstMismatch == nil,
                        "\(report.id): \(report.firstMismatch.map(String.init(describing:)) ?? "")")
                #expect(report.maxStateDeviation == 0, "\(report.id)")
            }
        }
        checkPerturbedStateIsLocated = {
            var trace = try trace(perturbedState.trace)
            var components = trace.steps[perturbedState.step - 1].state.components
            components[perturbedState.component] += 1e-6
            trace.steps[perturbedState.step - 1].state = E.State(components: components)
            let report = trace.replay()
            let name = E.State.componentNames[perturbedState.component]
            #expect(!report.passed)
            #expect(report.firstMismatch?.step == perturbedState.step)
            #expect(report.firstMismatch?.field == .state(perturbedState.component))
            #expect(report.firstMismatch.map(String.init(describing:))?
                .contains("step \(perturbedState.step) state.\(name)") == true)
            #expect(abs(report.maxStateDeviation - 1e-6) < 1e-12)
        }
        checkExactFields = {
            let original = try trace(flippedObservation.trace)
            var observation = original
            observation.steps[flippedObservation.step - 1].observationBits[flippedObservation.component] ^= 1
            let mismatch = observation.replay().firstMismatch
            let name = E.observationComponentNames[flippedObservation.component]
            #expect(mismatch?.step == flippedObservation.step)
            #expect(mismatch?.field == .observation(flippedObservation.component))
            #expect(mismatch.map(String.init(describing:))?.contains("obs.\(name)") == true)
            var reward = original
            reward.steps[reward.steps.count - 1].reward = wrongReward
            #expect(reward.replay().firstMismatch?.field == .reward)
            #expect(reward.replay().firstMismatch?.step == original.steps.count)
        }
    }
}
