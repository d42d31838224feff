import Agents
import Foundation

/// `rlterm eval --q-values`: what a saved agent computes for one observation, through the same calls the
/// agent acts and explains itself with — Q(s,·) for a Q-learning agent, π(·|s) and V(s) for a policy agent.
public enum ObservationQuery {
    /// The observation written as comma-separated numbers ("0.01, -0.2,0.03,0.1"), checked against the
    /// environment's observation size.
    public static func parse(_ text: String, expectedCount: Int, environment: String) throws(ObservationQueryError) -> [Float] {
        var values: [Float] = []
        for (index, item) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            guard let value = Float(trimmed), value.isFinite else { throw .notANumber(position: index + 1, text: trimmed) }
            values.append(value)
        }
        guard values.count == expectedCount else {
            throw .wrongLength(expected: expectedCount, got: values.count, environment: environment)
        }
        return values
    }

    /// One JSON object: `{"observation":[…],"q_values":[…]}` for an agent without an explicit policy,
    /// `{"observation":[…],"probabilities":[…],"value":…}` for a policy agent (`value` null without a critic).
    public static func json(agent: any Agent, observation: [Float]) -> String {
        let state = "{\"observation\":\(array(observation))"
        if let probabilities = agent.actionProbabilities(for: observation) {
            return state + ",\"probabilities\":\(array(probabilities)),\"value\":\(number(agent.stateValue(for: observation)))}"
        }
        return state + ",\"q_values\":\(array(agent.qValues(for: observation)))}"
    }

    private static func array(_ values: [Float]) -> String {
        "[" + values.map { number($0) }.joined(separator: ",") + "]"
    }

    /// The shortest text that reads back as the same Float; null where JSON has no number (nil, ±∞, NaN).
    private static func number(_ value: Float?) -> String {
        guard let value, value.isFinite else { return "null" }
        return String(value)
    }
}
