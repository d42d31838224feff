import RLCore

/// A `Conv2D` layer (3 × 3, stride 1, no padding, ReLU) whose flattened output feeds an `MLP`: PyTorch's
/// `nn.Sequential(nn.Conv2d(C, O, 3), nn.ReLU(), nn.Flatten(), nn.Linear(…), nn.ReLU(), …, nn.Linear(…))`,
/// the shape of the MinAtar paper's DQN (Young & Tian 2019: 16 filters, 128 hidden units, one output per
/// action).
///
/// Inputs are C × H × W per sample, channel-major (NCHW for a batch, as PyTorch's `Conv2d` takes them);
/// an environment that observes [y][x][c] is transposed by its caller. The convolution's output, O × (H − 2) ×
/// (W − 2), is read by the MLP in that order, `torch.flatten`'s, without a copy.
///
/// It is used as an `MLP` is: `forward`, a loss writes ∂L/∂output into `outputGradient`, `backward()`, then
/// an optimizer's `step()` (`RMSProp`, through `TrainableNetwork`). A steady-state step allocates nothing.
public final class ConvolutionalNetwork: TrainableNetwork {
    public let convolution: Conv2D
    /// The dense layers, `convolution.outputSize` inputs first.
    public let dense: MLP
    public let parameterBlocks: [ParameterBlock]

    /// A network on C × H × W inputs: `filters` 3 × 3 kernels, then dense ReLU layers of `hiddenSizes` and
    /// a linear layer of `outputCount`, initialised from `generator` as PyTorch initialises `Conv2d` and
    /// `Linear` (the convolution's weights and biases first, then `MLP`'s draws).
    public init(
        inputChannels: Int, height: Int, width: Int, filters: Int, hiddenSizes: [Int], outputCount: Int,
        generator: inout Xoshiro256StarStar, batchCapacity: Int = 1
    ) {
        convolution = Conv2D(
            inputChannels: inputChannels, outputChannels: filters, inputHeight: height, inputWidth: width,
            generator: &generator, batchCapacity: batchCapacity)
        dense = MLP(
            sizes: [convolution.outputSize] + hiddenSizes + [outputCount], activation: .relu, generator: &generator,
            batchCapacity: batchCapacity)
        parameterBlocks = [convolution.parameterBlock, dense.parameterBlock]
    }

    /// C·H·W, the floats of one observation.
    public var inputSize: Int { convolution.inputSize }
    public var outputSize: Int { dense.outputSize }
    public var parameterCount: Int { convolution.parameterCount + dense.parameterCount }

    /// Sizes the workspaces for batches of up to `capacity` samples now, so later passes do not allocate.
    public func reserveBatchCapacity(_ capacity: Int) {
        convolution.reserveBatchCapacity(capacity)
        dense.reserveBatchCapacity(capacity)
    }

    /// Runs the network on `batch` observations stored one after another in `input` (`batch · inputSize`
    /// floats, each C × H × W) and returns the outputs, `batch × outputSize`, valid until the next forward
    /// pass on this network.
    @discardableResult
    public func forward(_ input: UnsafeBufferPointer<Float>, batch: Int) -> MatrixView {
        let features = convolution.forward(input, batch: batch)
        return dense.forward(reading: features.base, batch: batch)
    }

    /// Where a loss writes ∂L/∂output for the last forward pass (`batch × outputSize`), read by `backward()`.
    public var outputGradient: MutableMatrixView { dense.outputGradient }

    /// Backpropagates `outputGradient` through the last forward pass and stores ∂L/∂θ for every parameter of
    /// both parts, replacing earlier gradients.
    public func backward() {
        dense.backward(inputGradient: convolution.outputGradient.base)
        convolution.backward()
    }

    /// Whether `other` has the same shape, so parameters can move between the two.
    public func hasSameArchitecture(as other: ConvolutionalNetwork) -> Bool {
        convolution.inputChannels == other.convolution.inputChannels
            && convolution.outputChannels == other.convolution.outputChannels
            && convolution.inputHeight == other.convolution.inputHeight
            && convolution.inputWidth == other.convolution.inputWidth && dense.hasSameArchitecture(as: other.dense)
    }

    /// Makes this network (a target network θ⁻) an exact copy of `source`'s parameters: θ⁻ ← θ.
    public func copyParameters(from source: ConvolutionalNetwork) {
        precondition(hasSameArchitecture(as: source), "cannot copy a network of another shape")
        convolution.parameters.base.update(from: source.convolution.parameters.base, count: convolution.parameterCount)
        dense.copyParameters(from: source.dense)
    }
}
