import Agents
import Foundation

/// The result of the overestimation experiment: the single against the double estimator on pure noise (van
/// Hasselt et al. 2016, Fig. 1), then DQN against Double DQN on CartPole-v1, as a table, and as CSV in long
/// form (one value per line).
public struct OverestimationReport: ExperimentReport {
    public typealias Comparison = CartPoleOverestimationExperiment.Comparison

    /// One row per number of actions, in the order the table lists them.
    public let estimatorRows: [EstimatorBiasExperiment.Row]
    public let estimatorSettings: EstimatorBiasExperiment.Settings
    /// One outcome per trained agent (none when the CartPole part was skipped), DQN's then Double DQN's.
    public let cartPoleOutcomes: [CartPoleOverestimationExperiment.Outcome]
    public let cartPoleSettings: CartPoleOverestimationExperiment.Settings

    /// The CSV header. `part` is estimator or cartpole; estimator lines name the number of actions and the
    /// estimator (single, double) with quantity mean, standard_error or exact (single only); cartpole lines
    /// name the agent (dqn, double-dqn) and seed with quantity probe_mean_max_q, probe_mean_return (over the
    /// probe states), own_mean_max_q, own_mean_return (over the agent's greedy episodes), episode_return or
    /// stopped_at (only for a run stopped early).
    public static let csvHeader = "part,actions,estimator,seed,quantity,value"

    public init(estimatorRows: [EstimatorBiasExperiment.Row], estimatorSettings: EstimatorBiasExperiment.Settings,
                cartPoleOutcomes: [CartPoleOverestimationExperiment.Outcome],
                cartPoleSettings: CartPoleOverestimationExperiment.Settings) {
        self.estimatorRows = estimatorRows
        self.estimatorSettings = estimatorSettings
        self.cartPoleOutcomes = cartPoleOutcomes
        self.cartPoleSettings = cartPoleSettings
    }

    /// The estimator block, one row per number of actions; then, if agents were trained, one row per agent
    /// and seed with the mean of each agent's seeds below them.
    public var table: String {
        var lines = [
            "Overestimation (van Hasselt, Guez & Silver 2016, Fig. 1): every true action value 0, each estimate "
                + "with its own N(0, 1) error",
            "single = max_a Q̂_A(a); double = Q̂_B(argmax_a Q̂_A(a)), B drawn independently of A; mean ± standard "
                + "error over \(BlindCliffwalkReport.grouped(estimatorSettings.samples)) draws "
                + "(seed \(estimatorSettings.seed))",
        ]
        let header = ["actions", "single", "exact E[max]", "published", "double"]
        let rows = estimatorRows.map { row in
            [String(row.actions), Self.mean(row.single), String(format: "%.4f", row.exactSingle),
             EstimatorBiasExperiment.published[row.actions].map { String(format: "%.4f", $0) } ?? "",
             Self.mean(row.double)]
        }
        lines += TextColumns.rightAligned([header] + rows)
        guard !cartPoleOutcomes.isEmpty else { return lines.joined(separator: "\n") }
        let s = cartPoleSettings
        let defaults = Hyperparameters(defaultsFor: .dqn)
        let changed = s.hyperparameters.keys.filter { s.hyperparameters[$0] != defaults[$0] }
        let changes = changed.isEmpty ? "DQN's defaults"
            : "DQN's defaults but " + changed.map { "\($0.rawValue) = \(s.hyperparameters[$0])" }
                .joined(separator: ", ")
        lines += [
            "",
            "DQN vs Double DQN on CartPole-v1, \(BlindCliffwalkReport.grouped(s.steps)) steps, \(changes). "
                + "Q = mean of max_a Q(s, a; θ) and G = mean discounted return",
            "of the greedy policy from the same states (γ = 0.99, \(BlindCliffwalkReport.grouped(s.horizon)) steps, "
                + "no time limit), over \(s.probeStates) probe states from random-action episodes",
            "(seed \(s.probeSeed)) and over the states of \(s.policyEpisodes) of the agent's own greedy episodes "
                + "(own); episode = mean return of \(s.evaluationEpisodes) greedy episodes (at most 500)",
        ]
        let agentHeader = ["agent", "seed", "probe Q", "probe G", "Q − G", "own Q", "own G", "Q − G", "episode"]
        var agentRows: [[String]] = []
        for double in [false, true] {
            let outcomes = cartPoleOutcomes.filter { $0.double == double }
            guard !outcomes.isEmpty else { continue }
            let name = Self.agentName(double: double)
            for outcome in outcomes {
                agentRows.append([name, String(outcome.seed) + (outcome.stoppedAt == nil ? "" : "*")]
                    + Self.figures(outcome.probeStates) + Self.figures(outcome.policyStates)
                    + [String(format: "%.1f", outcome.episodeReturn)])
            }
            func mean(_ value: (CartPoleOverestimationExperiment.Outcome) -> Double) -> Double {
                outcomes.map(value).reduce(0, +) / Double(outcomes.count)
            }
            func mean(_ comparison: KeyPath<CartPoleOverestimationExperiment.Outcome, Comparison>) -> Comparison {
                Comparison(meanMaxQ: mean { $0[keyPath: comparison].meanMaxQ },
                           meanReturn: mean { $0[keyPath: comparison].meanReturn })
            }
            agentRows.append([name, "mean"] + Self.figures(mean(\.probeStates)) + Self.figures(mean(\.policyStates))
                + [String(format: "%.1f", mean(\.episodeReturn))])
        }
        let widths = (agentRows + [agentHeader]).map { $0[0].count }.max() ?? 0
        let numbers = TextColumns.rightAligned(([agentHeader] + agentRows).map { Array($0.dropFirst()) })
        lines += zip([agentHeader] + agentRows, numbers).map { row, rest in
            "  " + row[0].padding(toLength: widths, withPad: " ", startingAt: 0) + rest
        }
        let stopped = cartPoleOutcomes.filter { $0.stoppedAt != nil }
        if !stopped.isEmpty {
            lines.append("* training stopped early, |Q| beyond 10·max|r|/(1 − γ) = 1,000 or a non-finite update: "
                + stopped.map { "\(Self.agentName(double: $0.double)) seed \($0.seed) at step \($0.stoppedAt!)" }
                    .joined(separator: ", ") + "; measured as it was")
        }
        return lines.joined(separator: "\n")
    }

    /// The values under `csvHeader`, in full: every estimator row, then every agent.
    public var csv: String {
        var lines = [Self.csvHeader]
        for row in estimatorRows {
            let prefix = "estimator,\(row.actions)"
            lines += [
                "\(prefix),single,,mean,\(row.single.value)",
                "\(prefix),single,,standard_error,\(row.single.standardError)",
                "\(prefix),single,,exact,\(row.exactSingle)",
                "\(prefix),double,,mean,\(row.double.value)",
                "\(prefix),double,,standard_error,\(row.double.standardError)",
            ]
        }
        for outcome in cartPoleOutcomes {
            let prefix = "cartpole,2,\(outcome.double ? "double-dqn" : "dqn"),\(outcome.seed)"
            lines += [
                "\(prefix),probe_mean_max_q,\(outcome.probeStates.meanMaxQ)",
                "\(prefix),probe_mean_return,\(outcome.probeStates.meanReturn)",
                "\(prefix),own_mean_max_q,\(outcome.policyStates.meanMaxQ)",
                "\(prefix),own_mean_return,\(outcome.policyStates.meanReturn)",
                "\(prefix),episode_return,\(outcome.episodeReturn)",
            ]
            if let step = outcome.stoppedAt { lines.append("\(prefix),stopped_at,\(step)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func agentName(double: Bool) -> String {
        double ? "Double DQN" : "DQN"
    }

    /// "m ± se" to four decimals.
    private static func mean(_ mean: EstimatorBiasExperiment.Mean) -> String {
        String(format: "%.4f ± %.4f", mean.value, mean.standardError)
    }

    /// max Q, G and their difference, to two decimals.
    private static func figures(_ comparison: Comparison) -> [String] {
        [String(format: "%.2f", comparison.meanMaxQ), String(format: "%.2f", comparison.meanReturn),
         String(format: "%+.2f", comparison.overestimation)]
    }
}
