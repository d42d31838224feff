import Foundation
import Testing
@testable import NeuralNet

@Suite("PyTorch-side interoperability")
struct InteropTests {
    @Test("Python's safetensors loads an rlterm checkpoint and a numpy forward pass gives rlterm's outputs")
    func pythonReadsCheckpoint() throws {
        let networks = [
            "q": TestData.network([4, 64, 64, 2], .relu, seed: 110),
            "pi": TestData.network([6, 32, 3], .tanh, seed: 111),
            "v": TestData.network([6, 32, 1], .tanh, seed: 112),
        ]
        let directory = try CheckpointTests.temporaryDirectory()
        let checkpoint = directory + "/model.safetensors"
        try Checkpoint.save(networks, metadata: ["algorithm": "dqn", "environment": "cartpole"], to: checkpoint)
        var cases: [String: [String: [[Float]]]] = [:]
        for (prefix, network) in networks {
            let batch = 5
            let input = TestData.uniform(batch * network.inputSize, scale: 2, seed: UInt64(prefix.utf8.count))
            let output = input.withUnsafeBufferPointer { network.forward($0, batch: batch) }
            cases[prefix] = [
                "input": (0..<batch).map { Array(input[($0 * network.inputSize)..<(($0 + 1) * network.inputSize)]) },
                "output": (0..<batch).map { Array(output.row($0)) },
            ]
        }
        let casesPath = directory + "/cases.json"
        try JSONEncoder().encode(cases).write(to: URL(fileURLWithPath: casesPath))
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("interop_check.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, checkpoint, casesPath]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            try skipOrFail("python3 could not be started: \(error)")
            return
        }
        let transcript = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 3 || process.terminationStatus == 127 {
            try skipOrFail("python3 with safetensors and numpy is not available: \(transcript)")
            return
        }
        #expect(process.terminationStatus == 0, "\(transcript)")
        #expect(transcript.contains("q: sizes [4, 64, 64, 2] relu"), "\(transcript)")
    }

    /// Under CI (environment variable CI set) a missing Python toolchain is a failure; elsewhere it is
    /// recorded as a known issue so the run says the check did not happen.
    private func skipOrFail(_ reason: String) throws {
        if ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record("interop check could not run under CI: \(reason)")
        } else {
            withKnownIssue("interop check skipped (pip install safetensors numpy to run it)") {
                Issue.record(Comment(rawValue: reason))
            }
        }
    }
}
