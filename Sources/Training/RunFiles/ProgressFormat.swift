/// The text of `progress.csv`: a header, then one row per progress report of a run (every 1,000 steps by
/// default, and the last step). Cells that are not defined yet — the mean return before the first episode
/// ends, the loss before the first update, ε of a policy-gradient agent — are empty, as pandas reads NaN.
public enum ProgressFormat {
    public static let columns = [
        "timesteps", "episodes", "mean_return", "loss", "steps_per_second", "train_seconds", "gradient_steps", "epsilon",
    ]

    public static var header: String { columns.joined(separator: ",") + "\n" }

    /// One report's row.
    public static func row(_ progress: TrainingProgress) -> String {
        let cells = [
            String(progress.steps), String(progress.episodes), progress.meanReturn.map { String($0) } ?? "",
            progress.lastLoss.map { String($0) } ?? "", String(progress.stepsPerSecond), String(progress.trainSeconds),
            String(progress.gradientSteps), progress.epsilon.map { String($0) } ?? "",
        ]
        return cells.joined(separator: ",") + "\n"
    }
}
