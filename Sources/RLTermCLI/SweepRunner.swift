import Foundation
import Training

/// Runs a sweep on this machine: at most `jobs` `rlterm train` processes at a time (this very executable),
/// each writing its output to `train.log` in its log directory, with a progress line. A signal (Ctrl-C,
/// SIGTERM, SIGHUP) stops new runs from starting and is passed to the running ones, which save and stop.
struct SweepRunner {
    let runs: [SweepRun]
    let jobs: Int
    let executable: String

    /// A run that ended other than with status 0.
    struct Failure {
        let run: SweepRun
        let status: Int32
    }

    /// Runs them all (or until a signal) and returns the failures and the signal, if one stopped the sweep.
    /// `progress` is told of every start and end, and once a second between them.
    func run(progress: (_ finished: Int, _ running: Int, _ failed: Int) -> Void,
             finished report: (SweepRun, Int32) -> Void) throws -> (failures: [Failure], signal: Int32?) {
        TerminationSignals.trap()
        var pending = runs[...]
        var running: [pid_t: SweepRun] = [:]
        var failures: [Failure] = []
        var finished = 0
        var forwarded = false
        var shown = Date()
        progress(0, 0, 0)
        while !pending.isEmpty || !running.isEmpty {
            if let signal = TerminationSignals.received {
                pending.removeAll()
                if !forwarded {
                    for pid in running.keys { kill(pid, signal) }
                    forwarded = true
                }
            }
            while running.count < jobs, let next = pending.popFirst() {
                running[try spawn(next)] = next
                progress(finished, running.count, failures.count)
            }
            var status: Int32 = 0
            let pid = waitpid(-1, &status, WNOHANG)
            guard pid > 0, let run = running.removeValue(forKey: pid) else {
                // Polled rather than blocking, so a signal to this process alone is seen within 50 ms.
                usleep(50_000)
                if Date().timeIntervalSince(shown) >= 1 {
                    progress(finished, running.count, failures.count)
                    shown = Date()
                }
                continue
            }
            let exit = Self.exitStatus(status)
            finished += 1
            if exit != 0 { failures.append(Failure(run: run, status: exit)) }
            report(run, exit)
            progress(finished, running.count, failures.count)
        }
        return (failures, TerminationSignals.received)
    }

    /// The status a shell would report: the exit code, or 128 + n for a process killed by signal n.
    static func exitStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// Starts `run` with its output in `<directory>/train.log`.
    private func spawn(_ run: SweepRun) throws -> pid_t {
        do {
            try FileManager.default.createDirectory(atPath: run.directory, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("cannot create \(run.directory): \(error.localizedDescription)", status: .ioError)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let log = run.directory + "/train.log"
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO)
        let argv = ([executable] + run.arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard result == 0 else {
            throw CommandFailure("cannot start \(executable): \(String(cString: strerror(result)))", status: .ioError)
        }
        return pid
    }
}
