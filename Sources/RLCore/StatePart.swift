/// One component's saved state in a run checkpoint (`docs/CHECKPOINTS.md`): named arrays of four element types,
/// a scalar being an array of one. A component writes its state with `set` and reads it back with the typed
/// getters, which check presence, element type and length, so a damaged or mismatched checkpoint is refused
/// with the key that is wrong before anything is changed. Keys may be dotted (`memory.rewards`): `storing` and
/// `scoped` nest one component's part inside another's.
public struct StatePart: Sendable, Equatable {
    /// An array of one of the element types a checkpoint stores (safetensors' F32, F64, I64 and U8).
    public enum Values: Sendable, Equatable {
        case float([Float])
        case double([Double])
        case integer([Int64])
        case byte([UInt8])

        public var count: Int {
            switch self {
            case .float(let values): values.count
            case .double(let values): values.count
            case .integer(let values): values.count
            case .byte(let values): values.count
            }
        }

        /// safetensors' name of the element type.
        public var dtype: String {
            switch self {
            case .float: "F32"
            case .double: "F64"
            case .integer: "I64"
            case .byte: "U8"
            }
        }
    }

    public private(set) var arrays: [String: Values] = [:]

    public init(arrays: [String: Values] = [:]) {
        self.arrays = arrays
    }

    public mutating func set(_ key: String, _ values: Values) { arrays[key] = values }
    public mutating func set(_ key: String, floats: [Float]) { arrays[key] = .float(floats) }
    public mutating func set(_ key: String, doubles: [Double]) { arrays[key] = .double(doubles) }
    public mutating func set(_ key: String, integers: [Int]) { arrays[key] = .integer(integers.map(Int64.init)) }
    public mutating func set(_ key: String, flags: [Bool]) { arrays[key] = .byte(flags.map { $0 ? 1 : 0 }) }
    public mutating func set(_ key: String, integer: Int) { set(key, integers: [integer]) }
    public mutating func set(_ key: String, double: Double) { set(key, doubles: [double]) }
    /// An optional scalar: an array of none or one.
    public mutating func set(_ key: String, optional: Double?) { set(key, doubles: optional.map { [$0] } ?? []) }
    /// 64-bit words (packed bits) as their I64 bit patterns.
    public mutating func set(_ key: String, words: [UInt64]) { arrays[key] = .integer(words.map { Int64(bitPattern: $0) }) }
    /// A generator's exact state: its four 64-bit words.
    public mutating func set(_ key: String, generator: Xoshiro256StarStar) {
        arrays[key] = .integer(generator.stateWords.map { Int64(bitPattern: $0) })
    }

    /// Stores `component`'s part under `prefix.` (keys `prefix.KEY`).
    public mutating func storing(_ prefix: String, _ component: StatePart) {
        for (key, values) in component.arrays { arrays[prefix + "." + key] = values }
    }

    /// The part stored under `prefix.`, its keys without the prefix.
    public func scoped(_ prefix: String) -> StatePart {
        let start = prefix + "."
        var part = StatePart()
        for (key, values) in arrays where key.hasPrefix(start) { part.arrays[String(key.dropFirst(start.count))] = values }
        return part
    }

    /// Hands the part stored under `prefix.` to `restore`, naming `prefix` in any error it throws.
    public func restoring(_ prefix: String, _ restore: (StatePart) throws(StatePartError) -> Void) throws(StatePartError) {
        do {
            try restore(scoped(prefix))
        } catch {
            throw error.inside(prefix)
        }
    }

    private func values(_ key: String) throws(StatePartError) -> Values {
        guard let values = arrays[key] else { throw .missing(key: key) }
        return values
    }

    private static func check(_ key: String, _ values: Values, count: Int?) throws(StatePartError) {
        if let count, values.count != count { throw .wrongCount(key: key, expected: count, found: values.count) }
    }

    public func floats(_ key: String, count: Int? = nil) throws(StatePartError) -> [Float] {
        let found = try values(key)
        guard case .float(let values) = found else { throw .wrongType(key: key, expected: "F32", found: found.dtype) }
        try Self.check(key, found, count: count)
        if let index = values.firstIndex(where: { !$0.isFinite }) { throw .notFinite(key: key, index: index) }
        return values
    }

    public func doubles(_ key: String, count: Int? = nil) throws(StatePartError) -> [Double] {
        let found = try values(key)
        guard case .double(let values) = found else { throw .wrongType(key: key, expected: "F64", found: found.dtype) }
        try Self.check(key, found, count: count)
        return values
    }

    public func integers(_ key: String, count: Int? = nil, in range: ClosedRange<Int> = 0...Int.max)
        throws(StatePartError) -> [Int]
    {
        let found = try values(key)
        guard case .integer(let values) = found else { throw .wrongType(key: key, expected: "I64", found: found.dtype) }
        try Self.check(key, found, count: count)
        if let index = values.firstIndex(where: { !range.contains(Int($0)) }) {
            throw .outOfRange(key: key, index: index, reason: "\(values[index]) is outside \(range)")
        }
        return values.map { Int($0) }
    }

    public func flags(_ key: String, count: Int? = nil) throws(StatePartError) -> [Bool] {
        let found = try values(key)
        guard case .byte(let values) = found else { throw .wrongType(key: key, expected: "U8", found: found.dtype) }
        try Self.check(key, found, count: count)
        if let index = values.firstIndex(where: { $0 > 1 }) {
            throw .outOfRange(key: key, index: index, reason: "\(values[index]) is not a flag (0 or 1)")
        }
        return values.map { $0 == 1 }
    }

    /// 64-bit words stored by `set(_:words:)`: any bit pattern is valid.
    public func words(_ key: String, count: Int? = nil) throws(StatePartError) -> [UInt64] {
        let found = try values(key)
        guard case .integer(let values) = found else { throw .wrongType(key: key, expected: "I64", found: found.dtype) }
        try Self.check(key, found, count: count)
        return values.map { UInt64(bitPattern: $0) }
    }

    public func integer(_ key: String, in range: ClosedRange<Int> = 0...Int.max) throws(StatePartError) -> Int {
        try integers(key, count: 1, in: range)[0]
    }

    /// A finite double scalar.
    public func double(_ key: String) throws(StatePartError) -> Double {
        let value = try doubles(key, count: 1)[0]
        guard value.isFinite else { throw .notFinite(key: key, index: 0) }
        return value
    }

    /// An optional finite scalar stored by `set(_:optional:)`.
    public func optionalDouble(_ key: String) throws(StatePartError) -> Double? {
        let values = try doubles(key)
        guard values.count <= 1 else { throw .wrongCount(key: key, expected: 1, found: values.count) }
        if let value = values.first, !value.isFinite { throw .notFinite(key: key, index: 0) }
        return values.first
    }

    public func generator(_ key: String) throws(StatePartError) -> Xoshiro256StarStar {
        let words = try integers(key, count: 4, in: Int.min...Int.max).map { UInt64(bitPattern: Int64($0)) }
        guard words.contains(where: { $0 != 0 }) else {
            throw .outOfRange(key: key, index: 0, reason: "an all-zero xoshiro256** state never leaves zero")
        }
        return Xoshiro256StarStar(state: (words[0], words[1], words[2], words[3]))
    }
}

/// A component whose whole state goes into a run checkpoint and comes back from it bit for bit: what it
/// draws, counts and holds, so the run goes on exactly as if it had never stopped.
public protocol StateSaving {
    /// Writes the state into `part`.
    func saveState(into part: inout StatePart)
    /// Replaces the state with `part`'s, all or nothing: every array is checked before anything changes.
    mutating func restoreState(from part: StatePart) throws(StatePartError)
}

extension StateSaving {
    /// The state as a new part.
    public var savedState: StatePart {
        var part = StatePart()
        saveState(into: &part)
        return part
    }
}
