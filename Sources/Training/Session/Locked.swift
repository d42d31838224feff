import Foundation

/// A value that several threads share, read and written only under a lock. It is a pthread mutex
/// (through `NSLock`) rather than the standard library's `Mutex` because ThreadSanitizer sees pthread locks
/// but not `Mutex`'s own atomics, and reported the session's command queue as a race under `Mutex`.
///
/// `@unchecked Sendable`: the only stored state besides the lock is `value`, and the only way to reach it is
/// `withLock`, which holds the lock for the whole access.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
