import Foundation
import Training

/// `rlterm train`'s progress on stderr: when stderr is a terminal, one bar redrawn in place up to 10 times a
/// second (`ProgressBar`); otherwise a plain line at most once a second. The last step is always shown.
final class TrainingProgressDisplay {
    private let line = ProgressLine()
    private var lastShown = -Double.infinity

    /// Shows `progress` if enough training time has passed since the last one shown.
    func show(_ progress: TrainingProgress) {
        let interval = line.isTerminal ? 0.1 : 1
        guard progress.trainSeconds - lastShown >= interval || progress.steps == progress.totalSteps else { return }
        lastShown = progress.trainSeconds
        if line.isTerminal {
            line.update(ProgressBar.line(progress))
        } else {
            FileHandle.standardError.write(Data((Self.plainLine(progress) + "\n").utf8))
        }
    }

    /// Leaves the last bar on screen and moves to the next line.
    func finish() {
        line.finishKeepingLine()
    }

    /// The line written when stderr is not a terminal.
    static func plainLine(_ progress: TrainingProgress) -> String {
        let mean = progress.meanReturn.map { String(format: "%.2f", $0) } ?? "–"
        let loss = progress.lastLoss.map { String(format: "%.4g", Double($0)) } ?? "–"
        return String(format: "steps %d/%d  episodes %d  mean return (last 100) %@  loss %@  %.0f steps/s",
                      progress.steps, progress.totalSteps, progress.episodes, mean, loss, progress.stepsPerSecond)
    }
}
