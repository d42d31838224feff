/// The hyperparameter values of one algorithm: every key the algorithm reads (`Algorithm.defaults`),
/// starting at its defaults. Every change is validated against the spec, so a value that exists here is
/// always in range and nothing starts half-configured.
public struct Hyperparameters: Sendable, Equatable {
    public let algorithm: Algorithm
    public private(set) var values: [HyperparameterKey: Double]

    /// The defaults of `algorithm`.
    public init(defaultsFor algorithm: Algorithm) {
        self.algorithm = algorithm
        values = algorithm.defaults
    }

    /// The defaults of `algorithm` with `changes` applied, each checked.
    public init(_ algorithm: Algorithm, _ changes: [HyperparameterKey: Double]) throws(HyperparameterError) {
        self.init(defaultsFor: algorithm)
        for (key, value) in changes.sorted(by: { $0.key < $1.key }) {
            try set(key, to: value)
        }
    }

    /// The keys this algorithm reads, in table order.
    public var keys: [HyperparameterKey] { values.keys.sorted() }

    /// The value of `key`; the algorithm must read it.
    public subscript(key: HyperparameterKey) -> Double {
        guard let value = values[key] else { preconditionFailure("\(algorithm.name) has no hyperparameter \(key.rawValue)") }
        return value
    }

    /// The value of an integer hyperparameter.
    public func integer(_ key: HyperparameterKey) -> Int { Int(self[key]) }

    /// Sets `key` to `value` after checking that the algorithm reads it and that it is in range.
    public mutating func set(_ key: HyperparameterKey, to value: Double) throws(HyperparameterError) {
        guard values[key] != nil else { throw .notUsed(key: key, algorithm: algorithm.name) }
        guard HyperparameterSpec.spec(for: key).accepts(value) else { throw .outOfRange(key: key, value: value) }
        values[key] = value
    }

    /// Sets the hyperparameter named `name` from the text `text` (a `--set name=text` or `--name text`).
    public mutating func set(_ name: String, text: String) throws(HyperparameterError) {
        guard let key = HyperparameterKey(rawValue: name) else {
            throw .unknownKey(name, known: HyperparameterKey.allCases.map(\.rawValue))
        }
        guard let value = Double(text) else { throw .notANumber(key: key, text: text) }
        try set(key, to: value)
    }

    /// Applies one `key=value` assignment.
    public mutating func apply(assignment: String) throws(HyperparameterError) {
        guard let equals = assignment.firstIndex(of: "=") else { throw .badAssignment(assignment) }
        try set(String(assignment[..<equals]), text: String(assignment[assignment.index(after: equals)...]))
    }

    /// Applies command-line hyperparameter flags, `--key value` or `--key=value`, in order (every key of
    /// the table is a flag).
    public mutating func apply(flags: [String]) throws(HyperparameterError) {
        var index = 0
        while index < flags.count {
            let flag = flags[index]
            guard flag.hasPrefix("--") else { throw .unexpectedArgument(flag) }
            let body = flag.dropFirst(2)
            if let equals = body.firstIndex(of: "=") {
                try set(String(body[..<equals]), text: String(body[body.index(after: equals)...]))
                index += 1
            } else {
                guard index + 1 < flags.count else { throw .missingValue(flag: flag) }
                try set(String(body), text: flags[index + 1])
                index += 2
            }
        }
    }

    /// The values keyed by their names, for `run.json` and checkpoint metadata.
    public var named: [String: Double] {
        Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) })
    }

    /// Rebuilds the values saved by `named`; every key must belong to the algorithm and be in range.
    public init(algorithm: Algorithm, named: [String: Double]) throws(HyperparameterError) {
        self.init(defaultsFor: algorithm)
        for (name, value) in named.sorted(by: { $0.key < $1.key }) {
            guard let key = HyperparameterKey(rawValue: name) else {
                throw .unknownKey(name, known: HyperparameterKey.allCases.map(\.rawValue))
            }
            try set(key, to: value)
        }
    }
}

extension Hyperparameters {
    /// Sets `key` on a running agent: like `set(_:to:)`, but refuses hyperparameters that only a new agent
    /// can take (network shape, memory capacity).
    public mutating func setLive(_ key: HyperparameterKey, to value: Double) throws(HyperparameterError) {
        guard HyperparameterSpec.spec(for: key).live || values[key] == nil else { throw .requiresRestart(key: key) }
        try set(key, to: value)
    }
}
