import RLCore

extension MLP {
    /// Saves the parameters as one flat F32 array `key`, in the network's own layout (the architecture is
    /// configuration, so the reader checks the length only).
    public func save(into part: inout StatePart, as key: String) {
        part.set(key, floats: Array(parameters.buffer))
    }

    /// Loads the parameters `save(into:as:)` wrote, after checking their number and finiteness.
    public func restore(from part: StatePart, key: String) throws(StatePartError) {
        let values = try part.floats(key, count: parameterCount)
        values.withUnsafeBufferPointer { parameters.base.update(from: $0.baseAddress!, count: parameterCount) }
    }
}
