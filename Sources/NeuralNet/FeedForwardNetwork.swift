import RLCore

/// A network that a Q-function (or any regression on minibatches) drives without knowing its layers:
/// `MLP` on a flat vector, `ConvolutionalNetwork` on an image. Both take a batch of inputs row after row and
/// give a `batch × outputSize` matrix; a loss writes ∂L/∂output into `outputGradient`, `backward()` fills the
/// gradients of `parameterBlocks`, and an optimizer steps them.
public protocol FeedForwardNetwork: TrainableNetwork, CheckpointableNetwork {
    /// The floats of one input.
    var inputSize: Int { get }
    /// The floats of one output.
    var outputSize: Int { get }
    /// The number of trainable floats.
    var parameterCount: Int { get }
    /// Sizes the workspaces for batches of up to `capacity` inputs now, so later passes do not allocate.
    func reserveBatchCapacity(_ capacity: Int)
    /// Runs the network on `batch` inputs stored one after another in `input`; the outputs are valid until the
    /// next forward pass on this network.
    @discardableResult
    func forward(_ input: UnsafeBufferPointer<Float>, batch: Int) -> MatrixView
    /// Where a loss writes ∂L/∂output for the last forward pass, read by `backward()`.
    var outputGradient: MutableMatrixView { get }
    /// Backpropagates `outputGradient` through the last forward pass into the parameters' gradients.
    func backward()
    /// A new network of the same architecture whose parameters are meant to be overwritten: where a checkpoint
    /// is staged before it is taken, or an optimizer's per-parameter state is laid out like the parameters.
    func makeSibling() -> any FeedForwardNetwork
    /// The architecture in a few words, as the hyperparameter panel and `rlterm train --help` name it.
    var architectureSummary: String { get }
    /// The maps its convolution computes from one input, for a viewer to draw; nil for a network without one.
    /// Overwrites the workspaces of the last forward pass.
    func featureMaps(for input: [Float]) -> FeatureMaps?
}

extension FeedForwardNetwork {
    public func featureMaps(for input: [Float]) -> FeatureMaps? { nil }
}

extension TrainableNetwork {
    /// Every parameter, block after block (allocates; for checkpoints and tests).
    public var parameterValues: [Float] {
        parameterBlocks.flatMap { Array($0.parameters.buffer) }
    }

    /// Overwrites every parameter with `values`, laid out as `parameterValues` gives them.
    func setParameterValues(_ values: UnsafeBufferPointer<Float>) {
        var offset = 0
        for block in parameterBlocks {
            block.parameters.base.update(from: values.baseAddress! + offset, count: block.count)
            offset += block.count
        }
        precondition(offset == values.count, "\(values.count) values for \(offset) parameters")
    }

    /// Whether `other`'s parameters are laid out as this network's, block for block.
    func hasSameParameterLayout(as other: any TrainableNetwork) -> Bool {
        let (mine, theirs) = (parameterBlocks, other.parameterBlocks)
        // A loop, not two mapped arrays: a target update checks this on the training path.
        guard mine.count == theirs.count else { return false }
        for index in mine.indices where mine[index].count != theirs[index].count { return false }
        return true
    }

    /// θ⁻ ← θ: makes this network's parameters an exact copy of `source`'s (of the same architecture).
    public func assignParameters(from source: any TrainableNetwork) {
        precondition(hasSameParameterLayout(as: source), "cannot copy parameters between networks of different shapes")
        for (mine, theirs) in zip(parameterBlocks, source.parameterBlocks) {
            mine.parameters.base.update(from: theirs.parameters.base, count: mine.count)
        }
    }

    /// Polyak averaging towards `source`: θ⁻ ← τ·θ + (1 − τ)·θ⁻ (τ = 1 copies; small τ tracks slowly).
    public func averageParameters(towards source: any TrainableNetwork, tau: Float) {
        precondition(hasSameParameterLayout(as: source), "cannot average parameters between networks of different shapes")
        precondition(tau >= 0 && tau <= 1, "τ must lie in [0, 1], got \(tau)")
        for (mine, theirs) in zip(parameterBlocks, source.parameterBlocks) {
            mine.blend(towards: theirs, tau: tau)
        }
    }

    /// Saves the parameters as one flat F32 array `key`, block after block in the network's own layout (the
    /// architecture is configuration, so the reader checks the length only).
    public func save(into part: inout StatePart, as key: String) {
        part.set(key, floats: parameterValues)
    }

    /// Loads the parameters `save(into:as:)` wrote, after checking their number and finiteness.
    public func restore(from part: StatePart, key: String) throws(StatePartError) {
        let count = parameterBlocks.reduce(0) { $0 + $1.count }
        let values = try part.floats(key, count: count)
        values.withUnsafeBufferPointer { setParameterValues($0) }
    }
}
