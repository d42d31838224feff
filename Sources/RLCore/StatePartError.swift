/// Why a part of a run checkpoint cannot be restored; the checkpoint's reader adds the file and the part.
public enum StatePartError: Error, Equatable, CustomStringConvertible {
    case missing(key: String)
    case wrongType(key: String, expected: String, found: String)
    case wrongCount(key: String, expected: Int, found: Int)
    case notFinite(key: String, index: Int)
    case outOfRange(key: String, index: Int, reason: String)
    /// The saved state does not fit the component built from the run's configuration.
    case mismatch(key: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let key): "array '\(key)' is missing"
        case .wrongType(let key, let expected, let found): "array '\(key)' is \(found), expected \(expected)"
        case .wrongCount(let key, let expected, let found):
            "array '\(key)' holds \(found) elements, expected \(expected)"
        case .notFinite(let key, let index): "array '\(key)' holds a non-finite value at element \(index)"
        case .outOfRange(let key, let index, let reason): "array '\(key)' element \(index): \(reason)"
        case .mismatch(let key, let reason): "array '\(key)': \(reason)"
        }
    }
}

extension StatePartError {
    /// The same error with its key placed under `prefix` (`storage.count`), for a part nested in another.
    public func inside(_ prefix: String) -> StatePartError {
        switch self {
        case .missing(let key): .missing(key: prefix + "." + key)
        case .wrongType(let key, let expected, let found): .wrongType(key: prefix + "." + key, expected: expected, found: found)
        case .wrongCount(let key, let expected, let found): .wrongCount(key: prefix + "." + key, expected: expected, found: found)
        case .notFinite(let key, let index): .notFinite(key: prefix + "." + key, index: index)
        case .outOfRange(let key, let index, let reason): .outOfRange(key: prefix + "." + key, index: index, reason: reason)
        case .mismatch(let key, let reason): .mismatch(key: prefix + "." + key, reason: reason)
        }
    }
}
