import Dispatch
import Foundation
import NeuralNet
import Synchronization

/// A live training run on a thread of its own: it owns an environment and an agent (through a `Trainer`),
/// takes commands from any thread at any time, and publishes immutable snapshots at a bounded rate.
///
/// Commands are queued and applied by the training thread in the order they were sent, between two
/// environment steps — the safe point of every agent, since an agent learns only inside a step. The training
/// thread holds no lock while it steps or learns: it looks at an atomic flag for waiting commands, takes the
/// queue's lock only to empty it, and takes the snapshot slot's lock only to swap a finished snapshot in.
/// A periodic snapshot is built only after the last one was taken, so a slow viewer costs nothing extra.
public final class TrainingSession: Sendable {
    /// Holds the worker until the thread starts and takes it; nobody else ever reaches it.
    private let handOver: Mutex<SessionWorker?>
    private let queue = Locked<[SessionCommand]>([])
    private let commandsWaiting = Atomic<Bool>(false)
    /// Signalled with every command so a paused or pacing thread wakes at once.
    private let wakeUp = DispatchSemaphore(value: 0)
    private let latest = Locked<TrainingSnapshot?>(nil)
    /// Whether the latest snapshot has been read; the next periodic one waits for it.
    private let snapshotTaken = Atomic<Bool>(true)
    private let started = Atomic<Bool>(false)
    private let ended = DispatchSemaphore(value: 0)
    private let snapshotInterval: Duration?
    private let clock: any SessionClock

    /// A session that will train under `configuration` once started; checks everything first (throwing what
    /// `Trainer.init` throws). With `log`, the run's files are written as in `rlterm train`.
    public convenience init(configuration: TrainingConfiguration, log: sending RunLog? = nil,
                            settings: SessionSettings = SessionSettings()) throws(TrainingError) {
        try self.init(configuration: configuration, log: log, settings: settings, clock: MachineSessionClock())
    }

    /// The same, paced by `clock` (a test's hand-moved clock).
    convenience init(configuration: TrainingConfiguration, log: sending RunLog? = nil, settings: SessionSettings,
                     clock: any SessionClock) throws(TrainingError) {
        self.init(worker: try SessionWorker(configuration: configuration, log: log, settings: settings), clock: clock)
    }

    /// A session that replays the agent saved at `path` on its environment: greedy actions, no learning;
    /// commands that would change the agent are refused with a message.
    public convenience init(replaying path: String, settings: SessionSettings = SessionSettings())
        throws(AgentCheckpointError)
    {
        self.init(worker: SessionWorker(trainer: try Trainer(replaying: path), log: nil, settings: settings),
                  clock: MachineSessionClock())
    }

    /// A session that continues the run in `point`'s directory from its newest run checkpoint (as
    /// `rlterm train --resume` does, up to `steps` in all when given), appending to its files.
    public convenience init(resuming point: ResumePoint, steps: Int? = nil, settings: SessionSettings = SessionSettings())
        throws(ResumeError)
    {
        let trainer = try Trainer(resuming: point, steps: steps)
        let log: RunLog
        do {
            log = try RunLog(resuming: point, configuration: trainer.configuration)
        } catch {
            throw .invalid(path: error.path, reason: error.reason)
        }
        self.init(worker: SessionWorker(trainer: trainer, log: log, settings: settings), clock: MachineSessionClock())
    }

    private init(worker: sending SessionWorker, clock: any SessionClock) {
        latest.withLock { $0 = worker.snapshot() }
        snapshotInterval = worker.settings.snapshotInterval
        self.clock = clock
        handOver = Mutex(worker)
    }

    /// Starts the training thread (once).
    public func start() {
        guard !started.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let thread = Thread { [self] in
            guard let worker = handOver.withLock({ slot -> sending SessionWorker? in
                let worker = slot
                slot = nil
                return worker
            }) else { return }
            run(worker)
            ended.signal()
        }
        thread.name = "rlterm training"
        thread.start()
    }

    /// Queues `command` for the training thread; returns at once.
    public func send(_ command: SessionCommand) {
        queue.withLock { $0.append(command) }
        commandsWaiting.store(true, ordering: .releasing)
        wakeUp.signal()
    }

    /// The newest snapshot. Reading it lets the training thread publish the next one when it is due.
    public func snapshot() -> TrainingSnapshot {
        let snapshot = latest.withLock { $0! }
        snapshotTaken.store(true, ordering: .releasing)
        return snapshot
    }

    /// Sends `stop` and waits until the training thread has ended (and, with a run log, saved the final
    /// networks); returns the last snapshot, whose message says how saving went.
    @discardableResult
    public func stop() -> TrainingSnapshot {
        send(.stop)
        if started.load(ordering: .acquiring) {
            ended.wait()
            ended.signal()
        } else if let worker = handOver.withLock({ slot -> sending SessionWorker? in
            let worker = slot
            slot = nil
            return worker
        }) {
            // Never started: stop here without running the loop, which would set this thread's float mode.
            worker.apply(.stop)
            publish(worker.snapshot())
        }
        return latest.withLock { $0! }
    }

    // MARK: The training thread

    private func run(_ worker: SessionWorker) {
        // Adam's moments decay into subnormals, which x86 handles slowly; this thread is ours to set.
        FloatingPointEnvironment.enableFlushToZero()
        var lastPublished = clock.now
        var nextStepDue = clock.now
        while true {
            if commandsWaiting.load(ordering: .acquiring) {
                let commands = queue.withLock { pending in
                    commandsWaiting.store(false, ordering: .relaxed)
                    defer { pending.removeAll(keepingCapacity: true) }
                    return pending
                }
                for command in commands { worker.apply(command) }
                publish(worker.snapshot())
                lastPublished = clock.now
                nextStepDue = lastPublished
                if worker.mode == .stopped { return }
            }
            guard worker.isStepping else {
                _ = wakeUp.wait(timeout: .now() + .milliseconds(250))
                continue
            }
            switch worker.pace {
            case .fullSpeed:
                // The clock is read once per burst; a burst ends early for a command or a pause.
                for _ in 0..<Self.burst {
                    worker.stepOnce()
                    if !worker.isStepping || commandsWaiting.load(ordering: .relaxed) { break }
                }
            case .stepsPerSecond(let rate):
                let now = clock.now
                guard now >= nextStepDue else {
                    wait(until: nextStepDue, from: now)
                    continue
                }
                worker.stepOnce()
                // Catch up on missed steps, but never more than a second's worth after a stall.
                nextStepDue = max(nextStepDue + .seconds(1) / rate, now - .seconds(1))
            }
            if !worker.isStepping {
                // The worker stopped itself: the episode `n` asked for ended, learning failed, a write failed.
                // Nothing is published while it waits, so the screen would go on showing it training.
                publish(worker.snapshot())
                lastPublished = clock.now
                continue
            }
            if let snapshotInterval, snapshotTaken.load(ordering: .acquiring) {
                let now = clock.now
                if now - lastPublished >= snapshotInterval {
                    publish(worker.snapshot())
                    lastPublished = now
                }
            }
        }
    }

    /// Steps at full speed between two looks at the clock.
    private static let burst = 16

    private func publish(_ snapshot: TrainingSnapshot) {
        snapshotTaken.store(false, ordering: .relaxed)
        latest.withLock { $0 = snapshot }
    }

    /// Sleeps until `due`, or until a command arrives.
    private func wait(until due: Duration, from now: Duration) {
        let nanoseconds = (due - now) / .nanoseconds(1)
        _ = wakeUp.wait(timeout: .now() + .nanoseconds(Int(nanoseconds.rounded(.up))))
    }
}
