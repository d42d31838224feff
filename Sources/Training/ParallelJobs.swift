import Foundation
import NeuralNet

/// Runs independent jobs on a few threads of its own and hands back their results in job order.
///
/// Each worker thread sets flush-to-zero before its first job (the mode every training run here assumes),
/// then takes the next job not yet started until none is left. A job's result depends only on its index,
/// never on which thread ran it or when, so the results are the same for any number of threads. The
/// calling thread only waits, waking every `progressInterval` seconds to report how many jobs have finished,
/// and reports once more when all have (so even jobs that end before the first wake are reported).
/// (`@unchecked Sendable`: the worker threads share it, and every mutable field is guarded by `condition`.)
public final class ParallelJobs<Result: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var results: [Result?]
    private var nextJob = 0
    private var finishedJobs = 0
    private var runningThreads = 0

    private init(count: Int) {
        results = [Result?](repeating: nil, count: count)
    }

    /// The results of `job(0) … job(count − 1)`, computed on `threads` threads; `progress(finished)` is called
    /// on the calling thread now and then while they run, and with `count` at the end.
    public static func run(count: Int, threads: Int, progressInterval: TimeInterval = 0.5,
                           job: @escaping @Sendable (Int) -> Result, progress: (Int) -> Void) -> [Result] {
        precondition(threads >= 1, "at least one thread")
        let jobs = ParallelJobs(count: count)
        let workers = min(threads, count)
        jobs.runningThreads = workers
        for _ in 0..<workers {
            Thread { jobs.work(job) }.start()
        }
        jobs.condition.lock()
        while jobs.runningThreads > 0 {
            let finished = jobs.finishedJobs
            jobs.condition.unlock()
            progress(finished)
            jobs.condition.lock()
            if jobs.runningThreads > 0 { _ = jobs.condition.wait(until: Date(timeIntervalSinceNow: progressInterval)) }
        }
        let results = jobs.results.map { $0! }
        jobs.condition.unlock()
        progress(count)
        return results
    }

    /// One worker's loop: take a job, run it without holding the lock, store its result.
    private func work(_ job: (Int) -> Result) {
        FloatingPointEnvironment.enableFlushToZero()
        condition.lock()
        while nextJob < results.count {
            let index = nextJob
            nextJob += 1
            condition.unlock()
            let result = job(index)
            condition.lock()
            results[index] = result
            finishedJobs += 1
            condition.broadcast()
        }
        runningThreads -= 1
        condition.broadcast()
        condition.unlock()
    }
}
