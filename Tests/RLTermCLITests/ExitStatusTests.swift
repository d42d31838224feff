import Agents
import Environments
import NeuralNet
import RLTermCLI
import Testing
import Training

/// Every error a command can meet ends the process with its sysexits status: Tests/e2e and scripts rely on them.
@Suite("Exit statuses")
struct ExitStatusTests {
    @Test("a training error maps to 64 for bad settings, 65/66 for bad or missing maps, 70 for a failed agent, 74 for I/O")
    func trainingErrors() {
        let mapError = MapError(source: "bad.txt", line: 1, column: 1, problem: .invalidUTF8)
        let cases: [(TrainingError, RLTermCLI.ExitStatus)] = [
            (.invalid("--steps must be a whole number ≥ 1, got 0"), .usage),
            (.hyperparameter(.badAssignment("gamma")), .usage),
            (.algorithm(.hindsightNeedsGoals), .usage),
            (.environment(.missingFile(path: "missing.txt")), .noInput),
            (.environment(.unreadable(path: "locked.txt", reason: "permission denied")), .noInput),
            (.environment(.unknownName("nowhere", available: ["cartpole"])), .usage),
            (.environment(.invalidMap(mapError)), .dataError),
            (.log(RunLogError(path: "run/monitor.csv", reason: "disk full")), .ioError),
            (.checkpoint(.cannotWrite(path: "run/model.safetensors", reason: "disk full")), .ioError),
            (.agentFailed(step: 12, reason: "non-finite loss"), .software),
        ]
        for (error, status) in cases {
            let failure = CommandFailure(error)
            #expect(failure.status == status, "\(error)")
            #expect(failure.message == error.description)
        }
    }

    @Test("a run directory that cannot be resumed maps to 66 when missing, 65 when invalid, 64 when finished")
    func resumeErrors() {
        let cases: [(ResumeError, RLTermCLI.ExitStatus)] = [
            (.missing(path: "run", reason: "no such directory"), .noInput),
            (.invalid(path: "run/run.json", reason: "not JSON"), .dataError),
            (.finished(timesteps: 1000, steps: 500), .usage),
        ]
        for (error, status) in cases {
            #expect(CommandFailure(error).status == status, "\(error)")
        }
    }

    @Test("a run directory that cannot be written maps to 74")
    func runLogError() {
        #expect(CommandFailure(RunLogError(path: "run", reason: "read-only file system")).status == .ioError)
    }

    @Test("a checkpoint maps to 66 when it cannot be read, 65 when it is corrupt or its metadata is bad")
    func checkpointErrors() {
        let cases: [(AgentCheckpointError, RLTermCLI.ExitStatus)] = [
            (.unreadable(.cannotRead(path: "model.safetensors", reason: "no such file")), .noInput),
            (.corrupt(.truncated(path: "model.safetensors", size: 3)), .dataError),
            (.badMetadata(path: "model.safetensors", reason: "no algorithm"), .dataError),
        ]
        for (error, status) in cases {
            #expect(CommandFailure(error).status == status, "\(error)")
        }
    }

    @Test("the statuses are sysexits' numbers")
    func numbers() {
        #expect([RLTermCLI.ExitStatus.usage, .dataError, .noInput, .software, .ioError].map(\.rawValue) == [64, 65, 66, 70, 74])
    }
}
