import RLCore

/// An optimizer that keeps per-parameter state (Adam's moments, RMSProp's averages), which a checkpoint must
/// carry so a resumed run takes its next step exactly as the uninterrupted one would have. The state is named
/// as PyTorch's optimizer `state_dict` names it (`exp_avg`, `square_avg`, …) and laid out like the parameters,
/// so each buffer can be saved as a network of the trained one's shape, with its tensor names and checks.
public protocol StatefulOptimizer: Optimizer {
    /// Its name as the hyperparameter panel shows it ("Adam", "centered RMSProp").
    var displayName: String { get }
    /// The network whose parameters it updates.
    var trainedNetwork: any FeedForwardNetwork { get }
    /// The number of steps taken (PyTorch's `step`).
    var stepCount: Int { get }
    /// Its per-parameter buffers, each block for block as the network's `parameterBlocks`.
    var stateBuffers: [OptimizerStateBuffer] { get }
    /// Sets the step count from a checkpoint.
    func restoreStepCount(_ count: Int)
}

/// One per-parameter buffer of an optimizer, under PyTorch's name for it.
public struct OptimizerStateBuffer {
    /// PyTorch's `state_dict` key: `exp_avg`, `exp_avg_sq`, `square_avg`, `grad_avg`, `momentum_buffer`.
    public let name: String
    let blocks: [FloatBuffer]
    /// Whether every value is an average of squares, which a checkpoint may not make negative.
    let nonNegative: Bool
}

extension StatefulOptimizer {
    /// Each state buffer as a network shaped like the trained one, by name (allocates; for checkpoints).
    public func stateNetworks() -> [String: any FeedForwardNetwork] {
        var networks: [String: any FeedForwardNetwork] = [:]
        for state in stateBuffers {
            let holder = trainedNetwork.makeSibling()
            for (block, buffer) in zip(holder.parameterBlocks, state.blocks) {
                block.parameters.base.update(from: buffer.base, count: buffer.count)
            }
            networks[state.name] = holder
        }
        return networks
    }

    /// Takes every state buffer (as `stateNetworks()` gives them) and the step count from a checkpoint.
    public func restore(stateNetworks networks: [String: any FeedForwardNetwork], stepCount: Int) {
        precondition(stepCount >= 0, "the step count cannot be negative, got \(stepCount)")
        for state in stateBuffers {
            guard let holder = networks[state.name], holder.hasSameParameterLayout(as: trainedNetwork) else {
                preconditionFailure("no optimizer state '\(state.name)' shaped like the network")
            }
            for (block, buffer) in zip(holder.parameterBlocks, state.blocks) {
                buffer.base.update(from: block.parameters.base, count: buffer.count)
            }
        }
        restoreStepCount(stepCount)
    }

    /// Saves every buffer as `prefix.NAME` (flat, block after block) and the step count as `prefix.step`.
    public func save(into part: inout StatePart, as prefix: String) {
        for state in stateBuffers {
            part.set(prefix + "." + state.name, floats: state.blocks.flatMap { Array($0.buffer) })
        }
        part.set(prefix + ".step", integer: stepCount)
    }

    /// Restores what `save(into:as:)` wrote, everything checked before anything changes: an average of
    /// squares can never be negative.
    public func restore(from part: StatePart, prefix: String) throws(StatePartError) {
        var values: [[Float]] = []
        for state in stateBuffers {
            let key = prefix + "." + state.name
            let saved = try part.floats(key, count: state.blocks.reduce(0) { $0 + $1.count })
            if state.nonNegative, let index = saved.firstIndex(where: { $0 < 0 }) {
                throw .outOfRange(key: key, index: index, reason: "an average of squares cannot be negative")
            }
            values.append(saved)
        }
        let step = try part.integer(prefix + ".step")
        for (state, saved) in zip(stateBuffers, values) {
            saved.withUnsafeBufferPointer { source in
                var offset = 0
                for buffer in state.blocks {
                    buffer.base.update(from: source.baseAddress! + offset, count: buffer.count)
                    offset += buffer.count
                }
            }
        }
        restoreStepCount(step)
    }
}
