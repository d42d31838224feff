import Foundation

/// The one-line progress bar `rlterm train` redraws in place when stderr is a terminal, as pure text so it
/// can be tested: `[████████░░░░░░░░]  50.0%  5000/10000 steps  2345 steps/s  ETA 0:00:03  mean return 21.30`.
///
/// ETA = (total − done) / rate, with the rate measured over training time; it is unknown (`-:--:--`) until
/// the rate is.
public enum ProgressBar {
    /// The whole line for `progress` with a bar `barWidth` cells wide.
    public static func line(_ progress: TrainingProgress, barWidth: Int = 24) -> String {
        let fraction = progress.totalSteps > 0 ? Double(progress.steps) / Double(progress.totalSteps) : 0
        let remaining = Double(progress.totalSteps - progress.steps)
        let eta = progress.stepsPerSecond > 0 ? remaining / progress.stepsPerSecond : .nan
        let mean = progress.meanReturn.map { String(format: "%.2f", $0) } ?? "–"
        return "[\(bar(fraction: fraction, width: barWidth))] " + String(format: "%5.1f%%", fraction * 100)
            + "  \(progress.steps)/\(progress.totalSteps) steps" + String(format: "  %.0f steps/s", progress.stepsPerSecond)
            + "  ETA \(clock(eta))  mean return \(mean)"
    }

    /// `width` cells, the first ⌊fraction·width⌋ of them filled (fraction clamped to [0, 1]).
    public static func bar(fraction: Double, width: Int) -> String {
        let filled = Int((min(max(fraction, 0), 1) * Double(width)).rounded(.down))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    /// `seconds` as h:mm:ss, rounded up to a whole second so a run never shows 0:00:00 while it still runs;
    /// `-:--:--` for an unknown (NaN, infinite or negative) duration.
    public static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "-:--:--" }
        let whole = Int(seconds.rounded(.up))
        return String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
    }
}
