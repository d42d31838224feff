import RLCore

/// Adam's state — m, v and t — out and back in, so a checkpoint can carry it and a resumed run takes its
/// next step exactly as the uninterrupted run would have (PyTorch's optimizer `state_dict` holds the same:
/// `exp_avg`, `exp_avg_sq` and `step` per parameter).
extension Adam {
    /// m and v as networks shaped like `network`, each moment in the place of its parameter, so they are saved
    /// with the tensor names and checks of `Checkpoint`.
    public func momentNetworks() -> (first: MLP, second: MLP) {
        (copy(of: firstMoment), copy(of: secondMoment))
    }

    /// Takes m, v (as `momentNetworks()` gives them) and t from a checkpoint.
    public func restore(first: MLP, second: MLP, stepCount: Int) {
        precondition(first.hasSameArchitecture(as: network) && second.hasSameArchitecture(as: network),
                     "moments of \(first.sizes) cannot restore an optimizer of \(network.sizes)")
        precondition(stepCount >= 0, "t cannot be negative, got \(stepCount)")
        firstMoment.base.update(from: first.parameters.base, count: network.parameterCount)
        secondMoment.base.update(from: second.parameters.base, count: network.parameterCount)
        self.stepCount = stepCount
    }

    private func copy(of moment: FloatBuffer) -> MLP {
        // The initial weights are overwritten at once; any seed does.
        var generator = Xoshiro256StarStar(seed: 0)
        let holder = MLP(sizes: network.sizes, activation: network.activation, generator: &generator)
        holder.parameters.base.update(from: moment.base, count: network.parameterCount)
        return holder
    }
}

extension Adam {
    /// Saves m, v and t under `prefix` (`prefix.exp_avg`, `prefix.exp_avg_sq`, `prefix.step`, PyTorch's names).
    public func save(into part: inout StatePart, as prefix: String) {
        part.set(prefix + ".exp_avg", floats: Array(firstMoment.buffer))
        part.set(prefix + ".exp_avg_sq", floats: Array(secondMoment.buffer))
        part.set(prefix + ".step", integer: stepCount)
    }

    /// Restores what `save(into:as:)` wrote, checked first: v can never be negative.
    public func restore(from part: StatePart, prefix: String) throws(StatePartError) {
        let count = network.parameterCount
        let first = try part.floats(prefix + ".exp_avg", count: count)
        let second = try part.floats(prefix + ".exp_avg_sq", count: count)
        if let index = second.firstIndex(where: { $0 < 0 }) {
            throw .outOfRange(key: prefix + ".exp_avg_sq", index: index, reason: "a second moment cannot be negative")
        }
        let step = try part.integer(prefix + ".step")
        first.withUnsafeBufferPointer { firstMoment.base.update(from: $0.baseAddress!, count: count) }
        second.withUnsafeBufferPointer { secondMoment.base.update(from: $0.baseAddress!, count: count) }
        stepCount = step
    }
}
