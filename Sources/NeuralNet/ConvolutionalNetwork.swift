import RLCore

/// A `Conv2D` layer (3 × 3, stride 1, no padding, ReLU) whose flattened output feeds an `MLP`: PyTorch's
/// `nn.Sequential(nn.Conv2d(C, O, 3), nn.ReLU(), nn.Flatten(), nn.Linear(…), nn.ReLU(), …, nn.Linear(…))`,
/// the shape of the MinAtar paper's DQN (Young & Tian 2019: 16 filters, 128 hidden units, one output per
/// action).
///
/// The convolution takes C × H × W per sample, channel-major (NCHW for a batch, as PyTorch's `Conv2d` takes
/// them). A network built with `inputLayout: .channelsLast` takes H × W × C samples instead (MinAtar's [y][x][c])
/// and transposes each into a workspace before the convolution: `x.permute(0, 3, 1, 2)` in PyTorch, which its
/// checkpoint's `prefix.input` field ("NHWC") tells a reader to apply. The convolution's output, O × (H − 2) ×
/// (W − 2), is read by the MLP in that order, `torch.flatten`'s, without a copy.
///
/// It is used as an `MLP` is: `forward`, a loss writes ∂L/∂output into `outputGradient`, `backward()`, then
/// an optimizer's `step()` (`RMSProp`, through `TrainableNetwork`). A steady-state step allocates nothing.
public final class ConvolutionalNetwork: TrainableNetwork {
    /// How one input sample is laid out.
    public enum InputLayout: String, Sendable {
        /// C × H × W, the convolution's own order (PyTorch's NCHW).
        case channelsFirst = "NCHW"
        /// H × W × C, transposed to C × H × W before the convolution (an image stored pixel by pixel).
        case channelsLast = "NHWC"
    }

    public let convolution: Conv2D
    /// The dense layers, `convolution.outputSize` inputs first.
    public let dense: MLP
    public let parameterBlocks: [ParameterBlock]
    public let inputLayout: InputLayout
    /// The last batch transposed to C × H × W (channels-last inputs only; grown with the batch capacity).
    private var transposed = FloatBuffer(count: 0)

    /// A network on C × H × W inputs: `filters` 3 × 3 kernels, then dense ReLU layers of `hiddenSizes` and
    /// a linear layer of `outputCount`, initialised from `generator` as PyTorch initialises `Conv2d` and
    /// `Linear` (the convolution's weights and biases first, then `MLP`'s draws).
    public init(
        inputChannels: Int, height: Int, width: Int, filters: Int, hiddenSizes: [Int], outputCount: Int,
        inputLayout: InputLayout = .channelsFirst, generator: inout Xoshiro256StarStar, batchCapacity: Int = 1
    ) {
        self.inputLayout = inputLayout
        convolution = Conv2D(
            inputChannels: inputChannels, outputChannels: filters, inputHeight: height, inputWidth: width,
            generator: &generator, batchCapacity: batchCapacity)
        dense = MLP(
            sizes: [convolution.outputSize] + hiddenSizes + [outputCount], activation: .relu, generator: &generator,
            batchCapacity: batchCapacity)
        parameterBlocks = [convolution.parameterBlock, dense.parameterBlock]
        reserveBatchCapacity(batchCapacity)
    }

    /// C·H·W, the floats of one observation.
    public var inputSize: Int { convolution.inputSize }
    public var outputSize: Int { dense.outputSize }
    public var parameterCount: Int { convolution.parameterCount + dense.parameterCount }

    /// Sizes the workspaces for batches of up to `capacity` samples now, so later passes do not allocate.
    public func reserveBatchCapacity(_ capacity: Int) {
        convolution.reserveBatchCapacity(capacity)
        dense.reserveBatchCapacity(capacity)
        if inputLayout == .channelsLast && transposed.count < capacity * inputSize {
            transposed = FloatBuffer(count: capacity * inputSize)
        }
    }

    /// Runs the network on `batch` observations stored one after another in `input` (`batch · inputSize`
    /// floats, each C × H × W, or H × W × C for `.channelsLast`) and returns the outputs, `batch × outputSize`,
    /// valid until the next forward pass on this network.
    @discardableResult
    public func forward(_ input: UnsafeBufferPointer<Float>, batch: Int) -> MatrixView {
        dense.forward(reading: convolve(input, batch: batch).base, batch: batch)
    }

    /// The convolution's rectified outputs for `batch` inputs laid out as `forward` takes them, `batch` rows of
    /// `convolution.outputSize`, valid until the next pass.
    private func convolve(_ input: UnsafeBufferPointer<Float>, batch: Int) -> MatrixView {
        guard inputLayout == .channelsLast else { return convolution.forward(input, batch: batch) }
        precondition(input.count >= batch * inputSize, "\(input.count) inputs are fewer than \(batch)×\(inputSize)")
        reserveBatchCapacity(batch)
        let pixels = convolution.inputHeight * convolution.inputWidth
        for sample in 0..<batch {
            // An H·W × C matrix per sample, whose transpose is C × H·W: channel-major.
            MatrixTranspose.transpose(
                input.baseAddress! + sample * inputSize, rows: pixels, columns: convolution.inputChannels,
                into: transposed.base + sample * inputSize)
        }
        return convolution.forward(UnsafeBufferPointer(start: transposed.base, count: batch * inputSize), batch: batch)
    }

    /// What the convolution makes of one input (laid out as `forward` takes it): its `filters` rectified maps of
    /// (H − 2) × (W − 2). Overwrites the last forward pass's workspaces, so it is called between updates, never
    /// between a `forward` and its `backward`.
    public func featureMaps(for input: [Float]) -> FeatureMaps? {
        precondition(input.count == inputSize, "an input holds \(inputSize) floats, not \(input.count)")
        let features = input.withUnsafeBufferPointer { convolve($0, batch: 1) }
        return FeatureMaps(count: convolution.outputChannels, height: convolution.outputHeight,
                           width: convolution.outputWidth,
                           values: Array(UnsafeBufferPointer(start: features.base, count: convolution.outputSize)))
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
        inputLayout == other.inputLayout && convolution.inputChannels == other.convolution.inputChannels
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

extension ConvolutionalNetwork: FeedForwardNetwork {
    /// Another network of this architecture and input layout; its parameters are drawn from a fixed stream,
    /// since they are meant to be overwritten.
    public func makeSibling() -> any FeedForwardNetwork {
        var generator = Xoshiro256StarStar(seed: 0)
        return ConvolutionalNetwork(
            inputChannels: convolution.inputChannels, height: convolution.inputHeight, width: convolution.inputWidth,
            filters: convolution.outputChannels, hiddenSizes: Array(dense.sizes.dropFirst().dropLast()),
            outputCount: outputSize, inputLayout: inputLayout, generator: &generator)
    }

    /// "conv 16 3×3 → 128 → 6 on 10×10×4": the filters, the dense layers and the image.
    public var architectureSummary: String {
        let layers = ["conv \(convolution.outputChannels) 3×3"] + dense.sizes.dropFirst().map(String.init)
        return layers.joined(separator: " → ")
            + " on \(convolution.inputHeight)×\(convolution.inputWidth)×\(convolution.inputChannels)"
    }
}
