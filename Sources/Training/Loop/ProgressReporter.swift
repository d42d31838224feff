/// Hands every progress point of a run to a closure: a progress bar, a line on stderr, a test's list.
public struct ProgressReporter: TrainingObserver {
    private let report: (TrainingProgress) -> Void

    public init(_ report: @escaping (TrainingProgress) -> Void) {
        self.report = report
    }

    public func trainer(_ trainer: Trainer, reported progress: TrainingProgress) throws(TrainingError) {
        report(progress)
    }
}
