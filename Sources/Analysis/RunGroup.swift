/// Runs that share a setting — one curve of the plot: its label (the values of the grouping keys), and its
/// runs' curves by stratum (the environment each ran on).
public struct RunGroup: Sendable {
    public let label: String
    /// The directories of its runs, in the order found.
    public let directories: [String]
    /// The curves of its runs, one list per environment (stratum), strata in the order first met.
    public let strata: [[LearningCurve]]

    public init(label: String, directories: [String], strata: [[LearningCurve]]) {
        self.label = label
        self.directories = directories
        self.strata = strata
    }

    public var runCount: Int { strata.reduce(0) { $0 + $1.count } }
    public var curves: [LearningCurve] { strata.flatMap(\.self) }
}
