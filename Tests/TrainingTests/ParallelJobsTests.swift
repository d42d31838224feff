import Foundation
import NeuralNet
import Testing
@testable import Training

@Suite("Parallel jobs")
struct ParallelJobsTests {
    @Test("results come back in job order, the same for one thread and several, each job run once with flush-to-zero")
    func orderAndThreads() {
        let work: @Sendable (Int) -> [Int] = { index in
            // Uneven work, so the threads finish jobs out of order.
            var total = 0
            for step in 0..<((index % 3) * 20_000) { total &+= step }
            return [index, index * index, FloatingPointEnvironment.isFlushToZeroEnabled ? 1 : 0, total & 1]
        }
        var reports: [Int] = []
        let one = ParallelJobs<[Int]>.run(count: 12, threads: 1, job: work) { reports.append($0) }
        let three = ParallelJobs<[Int]>.run(count: 12, threads: 3, job: work) { _ in }
        #expect(one == three)
        #expect(one.map { $0[0] } == Array(0..<12))
        #expect(one.map { $0[1] } == (0..<12).map { $0 * $0 })
        #if arch(x86_64)
            #expect(one.allSatisfy { $0[2] == 1 })
        #endif
        #expect(!reports.isEmpty && reports.allSatisfy { (0...12).contains($0) })
    }

    @Test("more threads than jobs and no jobs at all both finish")
    func edgeCases() {
        #expect(ParallelJobs<Int>.run(count: 2, threads: 8, job: { $0 + 1 }) { _ in } == [1, 2])
        #expect(ParallelJobs<Int>.run(count: 0, threads: 2, job: { $0 }) { _ in }.isEmpty)
    }
}
