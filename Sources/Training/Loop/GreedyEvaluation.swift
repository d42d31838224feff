import Agents
import RLCore

/// Runs an agent's greedy policy for whole episodes on an environment of its own, so evaluation never
/// disturbs the training environment's episode or random stream.
public enum GreedyEvaluation {
    /// Episodes longer than this are cut: a greedy policy on a map without a time limit (cliffwalking) can
    /// walk in circles for ever.
    public static let stepLimit = 10_000

    /// The returns and lengths of `episodes` greedy episodes on `environment`. `watch`, when given, sees the
    /// environment after every reset and every step, with the episode's number and the step's outcome.
    public static func run(_ agent: any Agent, on environment: inout any Environment, episodes: Int,
                           watch: ((any Environment, _ episode: Int, StepOutcome?) -> Void)? = nil) -> EvaluationResult {
        precondition(episodes >= 1, "evaluate at least one episode")
        var observation = [Float](repeating: 0, count: environment.observationCount)
        var returns: [Double] = [], lengths: [Int] = []
        for episode in 0..<episodes {
            environment.reset()
            watch?(environment, episode, nil)
            var total = 0.0, length = 0
            while length < stepLimit {
                observation.withUnsafeMutableBufferPointer { environment.writeObservation(into: $0) }
                let outcome = environment.step(observation.withUnsafeBufferPointer { agent.actGreedily($0) })
                total += outcome.reward
                length += 1
                watch?(environment, episode, outcome)
                if outcome.isDone { break }
            }
            returns.append(total)
            lengths.append(length)
        }
        return EvaluationResult(returns: returns, lengths: lengths)
    }
}
