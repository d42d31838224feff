#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// The first SIGINT, SIGTERM or SIGHUP the process received since `TerminationSignals.trap()`; 0 for none.
/// A signal handler may only do async-signal-safe work, and a lock-free atomic store is that.
private let receivedSignal = Atomic<Int32>(0)

/// Turns SIGINT, SIGTERM and SIGHUP (an SSH connection that drops) into a flag that long work checks at its
/// safe points, so it can stop there, flush its logs, write its checkpoint and exit with the conventional
/// status 128 + n, instead of dying wherever the signal found it.
public enum TerminationSignals {
    public static let trapped: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers (before curses starts, which then leaves them alone).
    public static func trap() {
        for signalNumber in trapped {
            signal(signalNumber) { number in _ = receivedSignal.compareExchange(expected: 0, desired: number, ordering: .relaxed) }
        }
    }

    /// The signal received, nil while none has arrived.
    public static var received: Int32? {
        let number = receivedSignal.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// The exit status a process ended by `signal` conventionally reports.
    public static func exitStatus(for signal: Int32) -> Int32 {
        128 + signal
    }

    /// The signal's name, for messages.
    public static func name(of signal: Int32) -> String {
        switch signal {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        default: "signal \(signal)"
        }
    }
}
