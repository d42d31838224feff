import Foundation
import Training

/// The lines `rlterm train` ends with: when the run was solved or how its last evaluation went, then its
/// steps, episodes (a resumed run's earlier ones included) and training time.
enum TrainingReport {
    static func lines(_ summary: TrainingSummary, earlierEpisodes: Int) -> [String] {
        var lines: [String] = []
        if let solved = summary.firstSolved, let threshold = summary.solvedThreshold {
            lines.append(String(format: "solved at step %d after %.2f s of training (evaluation mean %.1f ≥ %g)",
                                solved.timesteps, solved.trainSeconds, solved.result.meanReturn, threshold))
        } else if let last = summary.evaluations.last {
            lines.append(String(format: "last evaluation at step %d: mean return %.2f ± %.2f", last.timesteps,
                                last.result.meanReturn, last.result.standardDeviation))
        }
        lines.append(String(format: "%d steps, %d episodes, %.2f s of training", summary.steps,
                            earlierEpisodes + summary.episodes.count, summary.trainSeconds))
        return lines
    }
}
