import Agents
import Foundation
import Testing
@testable import Training

@Suite("eval --q-values")
struct ObservationQueryTests {
    @Test("an observation parses from comma-separated numbers; a wrong count names the expected one")
    func parse() throws {
        #expect(try ObservationQuery.parse("0.5, -1,2e-1 ,3", expectedCount: 4, environment: "cartpole") == [0.5, -1, 0.2, 3])
        #expect(throws: ObservationQueryError.wrongLength(expected: 4, got: 3, environment: "cartpole")) {
            try ObservationQuery.parse("1,2,3", expectedCount: 4, environment: "cartpole")
        }
        #expect(throws: ObservationQueryError.notANumber(position: 2, text: "x")) {
            try ObservationQuery.parse("1,x,3", expectedCount: 3, environment: "cartpole")
        }
        #expect(throws: ObservationQueryError.notANumber(position: 3, text: "")) {
            try ObservationQuery.parse("1,2,", expectedCount: 3, environment: "cartpole")
        }
        #expect(throws: ObservationQueryError.notANumber(position: 1, text: "nan")) {
            try ObservationQuery.parse("nan", expectedCount: 1, environment: "cartpole")
        }
        #expect(ObservationQueryError.wrongLength(expected: 4, got: 3, environment: "cartpole").description.contains("4 values"))
    }

    /// A checkpoint of a fresh `algorithm` agent on CartPole, loaded back as `rlterm eval` loads it.
    static func saved(_ algorithm: Algorithm) throws -> (original: any Agent, loaded: any Agent) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rlterm-q-\(UUID().uuidString).safetensors").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = TrainingConfiguration(environment: EnvironmentSpec(name: "cartpole"), algorithm: algorithm,
                                                  steps: 100, seed: 4)
        let agent = try Trainer(configuration).agent
        try AgentCheckpoint.save(agent, configuration: configuration, timesteps: 0, to: path)
        return (agent, try AgentCheckpoint.load(from: path).agent)
    }

    static let state: [Float] = [0.01, -0.2, 0.03, 0.1]

    static func decoded(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test("a Q-network checkpoint answers with the Q-values the saved agent computes")
    func qValues() throws {
        let (original, loaded) = try Self.saved(.dqn)
        let object = try Self.decoded(ObservationQuery.json(agent: loaded, observation: Self.state))
        #expect(Set(object.keys) == ["observation", "q_values"])
        #expect((object["observation"] as? [Double])?.map(Float.init) == Self.state)
        let values = try #require((object["q_values"] as? [Double])?.map(Float.init))
        #expect(values.count == 2 && values == original.qValues(for: Self.state))
    }

    @Test("a policy checkpoint answers with π(·|s) and V(s), and value null without a critic")
    func policy() throws {
        let (original, loaded) = try Self.saved(.vpg)
        let object = try Self.decoded(ObservationQuery.json(agent: loaded, observation: Self.state))
        #expect(Set(object.keys) == ["observation", "probabilities", "value"])
        let probabilities = try #require((object["probabilities"] as? [Double])?.map(Float.init))
        #expect(probabilities == original.actionProbabilities(for: Self.state))
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-5)
        #expect((object["value"] as? Double).map(Float.init) == original.stateValue(for: Self.state))

        let (_, withoutCritic) = try Self.saved(.reinforce)
        #expect(withoutCritic.stateValue(for: Self.state) == nil)
        let plain = try Self.decoded(ObservationQuery.json(agent: withoutCritic, observation: Self.state))
        #expect(plain["value"] is NSNull)
    }
}
