import RLCore

/// A multilayer perceptron: dense layers `sizes[0] → sizes[1] → … → sizes.last`, the hidden ones followed
/// by `activation`, the last one linear. The linear output serves every head: Q-values (one output per
/// action), a categorical policy's logits (see `Categorical`), or a state value (one output).
///
/// Layer l computes y = x·Wₗᵀ + bₗ for a batch x (one row per sample), with Wₗ of shape
/// [sizes[l+1], sizes[l]] as in PyTorch's `nn.Linear`. All parameters live in one contiguous buffer (each
/// layer's weights, then its bias) and the gradients in another of the same layout, so optimizers,
/// clipping, target copies and Polyak averaging are single loops. Weights are stored as Wₗᵀ (input-major,
/// SIMD along the outputs) except in layers with fewer than 8 outputs, which keep Wₗ (SIMD along the
/// inputs); `weight(layer:output:input:)` hides the difference.
///
/// Training step: `forward(_:batch:)`, let a loss write ∂L/∂output into `outputGradient`, `backward()`,
/// then an optimizer's `step()`. Workspaces are sized for the largest batch seen so far (grown on demand,
/// or up front with `reserveBatchCapacity(_:)`), so a steady-state step allocates nothing.
public final class MLP {
    /// Layer widths, input first; the number of dense layers is `sizes.count − 1`.
    public let sizes: [Int]
    /// The hidden-layer nonlinearity.
    public let activation: Activation

    let parameters: FloatBuffer
    let gradients: FloatBuffer
    /// The one block of `parameters` and `gradients`, kept so a caller through `TrainableNetwork` (gradient
    /// norms, target copies on every update) reads it without building an array each time.
    public let parameterBlocks: [ParameterBlock]
    /// Offset of layer l's weights in `parameters`: Wₗᵀ (sizes[l] × sizes[l+1], row-major), or Wₗ itself
    /// when `isNarrow(l)`.
    let weightOffsets: [Int]
    /// Offset of layer l's bias (sizes[l+1] floats) in `parameters`.
    let biasOffsets: [Int]

    private(set) var batchCapacity = 0
    /// The rows of the last forward pass, which `backward()` differentiates.
    private(set) var batch = 0
    private var input: FloatBuffer
    /// The first layer's input in the last forward pass: `input`, or a buffer of the layer before (see
    /// `forward(reading:batch:)`).
    private var firstLayerInput: UnsafePointer<Float>?
    /// outputs[l] holds layer l's activations (after the nonlinearity for hidden layers).
    private(set) var outputs: [FloatBuffer]
    private var outputGradientBuffer: FloatBuffer
    private var scratch: (FloatBuffer, FloatBuffer)
    /// gᵀ and (∂L/∂x)ᵀ of a wide layer whose ∂L/∂x is computed transposed (see `transposesGradients(_:)`).
    private var transposedScratch: (FloatBuffer, FloatBuffer)
    /// Wₗ of a wide layer, transposed from the stored Wₗᵀ for ∂L/∂x.
    private let transposed: FloatBuffer

    /// An MLP with PyTorch's default `nn.Linear` initialisation: weights from `kaiming_uniform_(a = √5)`,
    /// which works out to U(−1/√fan_in, 1/√fan_in), and biases from the same U(−1/√fan_in, 1/√fan_in),
    /// where fan_in = sizes[l]. Draws come from `generator` layer by layer, weights (row-major [out, in])
    /// then biases, each as (2u − 1)/√fan_in with u = `uniformFloat()`.
    public init(sizes: [Int], activation: Activation, generator: inout Xoshiro256StarStar, batchCapacity: Int = 1) {
        precondition(sizes.count >= 2, "an MLP needs at least an input and an output size")
        precondition(sizes.allSatisfy { $0 > 0 }, "layer sizes must be positive: \(sizes)")
        self.sizes = sizes
        self.activation = activation
        var weightOffsets: [Int] = []
        var biasOffsets: [Int] = []
        var total = 0
        var largestLayer = 0
        for layer in 0..<(sizes.count - 1) {
            weightOffsets.append(total)
            total += sizes[layer] * sizes[layer + 1]
            biasOffsets.append(total)
            total += sizes[layer + 1]
            largestLayer = max(largestLayer, sizes[layer] * sizes[layer + 1])
        }
        self.weightOffsets = weightOffsets
        self.biasOffsets = biasOffsets
        parameters = FloatBuffer(count: total)
        gradients = FloatBuffer(count: total)
        parameterBlocks = [ParameterBlock(parameters: parameters, gradients: gradients)]
        transposed = FloatBuffer(count: largestLayer)
        input = FloatBuffer(count: 0)
        outputs = []
        outputGradientBuffer = FloatBuffer(count: 0)
        scratch = (FloatBuffer(count: 0), FloatBuffer(count: 0))
        transposedScratch = (FloatBuffer(count: 0), FloatBuffer(count: 0))
        for layer in 0..<(sizes.count - 1) {
            let fanIn = sizes[layer]
            let fanOut = sizes[layer + 1]
            let bound = 1 / Float(fanIn).squareRoot()
            for output in 0..<fanOut {
                for inputIndex in 0..<fanIn {
                    parameters.base[weightIndex(layer: layer, output: output, input: inputIndex)] =
                        (2 * generator.uniformFloat() - 1) * bound
                }
            }
            for output in 0..<fanOut {
                parameters.base[biasOffsets[layer] + output] = (2 * generator.uniformFloat() - 1) * bound
            }
        }
        reserveBatchCapacity(batchCapacity)
    }

    /// Layers with fewer outputs than one SIMD8 vector store Wₗ rather than Wₗᵀ.
    func isNarrow(_ layer: Int) -> Bool {
        sizes[layer + 1] < 8
    }

    /// Where W[output, input] of `layer` lives in `parameters` (and its gradient in `gradients`).
    func weightIndex(layer: Int, output: Int, input: Int) -> Int {
        isNarrow(layer)
            ? weightOffsets[layer] + output * sizes[layer] + input
            : weightOffsets[layer] + input * sizes[layer + 1] + output
    }

    /// The number of inputs per sample.
    public var inputSize: Int { sizes[0] }
    /// The number of outputs per sample.
    public var outputSize: Int { sizes[sizes.count - 1] }
    /// The number of dense layers.
    public var layerCount: Int { sizes.count - 1 }
    /// The number of trainable floats (all weights and biases).
    public var parameterCount: Int { parameters.count }

    /// Sizes the workspaces for batches of up to `capacity` rows now, so later passes do not allocate.
    public func reserveBatchCapacity(_ capacity: Int) {
        guard capacity > batchCapacity else { return }
        batchCapacity = capacity
        input = FloatBuffer(count: capacity * inputSize)
        outputs = (1..<sizes.count).map { FloatBuffer(count: capacity * sizes[$0]) }
        outputGradientBuffer = FloatBuffer(count: capacity * outputSize)
        let widest = sizes.dropLast().max() ?? 0
        scratch = (FloatBuffer(count: capacity * widest), FloatBuffer(count: capacity * widest))
        // Every layer's, since ∂L/∂x of the first layer is computed when a layer before the network asks for it.
        let widestInput = sizes.dropLast().max() ?? 0
        let widestOutput = sizes.dropFirst().max() ?? 0
        transposedScratch = (
            FloatBuffer(count: capacity * widestOutput), FloatBuffer(count: capacity * widestInput)
        )
    }

    /// Runs the network on `batch` samples stored row after row in `input` (`batch · inputSize` floats) and
    /// returns the outputs, a `batch × outputSize` view valid until the next forward pass on this network.
    @discardableResult
    public func forward(_ input: UnsafeBufferPointer<Float>, batch: Int) -> MatrixView {
        precondition(batch > 0, "a forward pass needs at least one sample")
        precondition(input.count >= batch * inputSize, "\(input.count) inputs are fewer than \(batch)×\(inputSize)")
        reserveBatchCapacity(batch)
        VectorCopy.copy(input.baseAddress!, into: self.input.base, count: batch * inputSize)
        return forward(reading: UnsafePointer(self.input.base), batch: batch)
    }

    /// The forward pass on `batch` rows at `input` without copying them: for a layer before this network
    /// (`Conv2D`) whose output buffer stays unchanged until `backward` has run, which reads it for the first
    /// layer's ∂L/∂W.
    func forward(reading input: UnsafePointer<Float>, batch: Int) -> MatrixView {
        reserveBatchCapacity(batch)
        self.batch = batch
        firstLayerInput = input
        var previous = input
        for layer in 0..<layerCount {
            let fanIn = sizes[layer]
            let fanOut = sizes[layer + 1]
            let result = outputs[layer].base
            let isHidden = layer < layerCount - 1
            let weights = parameters.base + weightOffsets[layer]
            let bias = parameters.base + biasOffsets[layer]
            if isNarrow(layer) {
                MatrixMultiply.multiplyTransposed(
                    m: batch, n: fanOut, k: fanIn, a: previous, b: weights, c: result, bias: bias)
            } else {
                MatrixMultiply.multiply(
                    m: batch, n: fanOut, k: fanIn, a: .init(base: previous, rowStride: fanIn, columnStride: 1),
                    b: weights, c: result, start: .bias(bias), relu: isHidden && activation == .relu)
            }
            if isHidden && (isNarrow(layer) || activation != .relu) {
                activation.apply(result, count: batch * fanOut)
            }
            previous = UnsafePointer(result)
        }
        return MatrixView(rows: batch, columns: outputSize, base: previous)
    }

    /// Runs the network on every row of `input` (whose columns must equal `inputSize`).
    @discardableResult
    public func forward(_ input: Matrix) -> MatrixView {
        precondition(input.columns == inputSize, "input has \(input.columns) columns, the network takes \(inputSize)")
        return input.values.withUnsafeBufferPointer { forward($0, batch: input.rows) }
    }

    /// Where a loss writes ∂L/∂output for the last forward pass (`batch × outputSize`), read by `backward()`.
    public var outputGradient: MutableMatrixView {
        MutableMatrixView(rows: batch, columns: outputSize, base: outputGradientBuffer.base)
    }

    /// Backpropagates `outputGradient` through the last forward pass and stores ∂L/∂θ for every weight and
    /// bias, replacing earlier gradients (one loss per step; add losses before calling it if you need two).
    public func backward() {
        backward(inputGradient: nil)
    }

    /// `backward()`, and, when `inputGradient` is given, ∂L/∂x of the first layer's input written there
    /// (`batch × inputSize`) for a layer before this network to continue from.
    func backward(inputGradient: UnsafeMutablePointer<Float>?) {
        precondition(batch > 0, "backward() needs a forward pass first")
        var gradient = UnsafeMutablePointer(outputGradientBuffer.base)
        var spare = (scratch.0.base, scratch.1.base)
        // Hidden layers' bias gradients are summed while their activation is differentiated, below.
        sumRows(gradient, rows: batch, columns: outputSize, into: gradients.base + biasOffsets[layerCount - 1])
        for layer in stride(from: layerCount - 1, through: 0, by: -1) {
            let fanIn = sizes[layer]
            let fanOut = sizes[layer + 1]
            let layerInput = layer == 0 ? firstLayerInput! : UnsafePointer(outputs[layer - 1].base)
            let weightGradients = gradients.base + weightOffsets[layer]
            if isNarrow(layer) {
                // ∂L/∂W = gᵀ·x, reading g transposed through strides.
                MatrixMultiply.multiply(
                    m: fanOut, n: fanIn, k: batch, a: .init(base: gradient, rowStride: 1, columnStride: fanOut),
                    b: layerInput, c: weightGradients, start: .zero)
            } else {
                // ∂L/∂Wᵀ = xᵀ·g, reading x transposed through strides.
                MatrixMultiply.multiply(
                    m: fanIn, n: fanOut, k: batch, a: .init(base: layerInput, rowStride: 1, columnStride: fanIn),
                    b: gradient, c: weightGradients, start: .zero)
            }
            guard layer > 0 else {
                if let inputGradient { propagate(gradient, through: layer, into: inputGradient) }
                break
            }
            let next = spare.0
            propagate(gradient, through: layer, into: next)
            activation.backpropagate(
                next, outputs: layerInput, rows: batch, columns: fanIn,
                columnSums: gradients.base + biasOffsets[layer - 1])
            spare = (spare.1, next)
            gradient = next
        }
    }

    /// ∂L/∂x = g·W of `layer`, for its `batch` rows of ∂L/∂y in `gradient`, written to `next`.
    private func propagate(
        _ gradient: UnsafeMutablePointer<Float>, through layer: Int, into next: UnsafeMutablePointer<Float>
    ) {
        let fanIn = sizes[layer]
        let fanOut = sizes[layer + 1]
        let weights = parameters.base + weightOffsets[layer]
        if isNarrow(layer) {
            MatrixMultiply.multiply(
                m: batch, n: fanIn, k: fanOut, a: .init(base: gradient, rowStride: fanOut, columnStride: 1),
                b: weights, c: next, start: .zero)
        } else if transposesGradients(layer) {
            // (∂L/∂x)ᵀ = Wᵀ·gᵀ reads the stored Wᵀ as it is: only g and the product are transposed.
            let (gradientTransposed, productTransposed) = (transposedScratch.0.base, transposedScratch.1.base)
            MatrixTranspose.transpose(gradient, rows: batch, columns: fanOut, into: gradientTransposed)
            MatrixMultiply.multiply(
                m: fanIn, n: batch, k: fanOut, a: .init(base: weights, rowStride: fanOut, columnStride: 1),
                b: gradientTransposed, c: productTransposed, start: .zero)
            MatrixTranspose.transpose(productTransposed, rows: fanIn, columns: batch, into: next)
        } else {
            // Transposing W costs fanIn·fanOut copies; the tiled product it enables is several times
            // faster than dot products along fanOut, which are short and have ragged tails.
            MatrixTranspose.transpose(weights, rows: fanIn, columns: fanOut, into: transposed.base)
            MatrixMultiply.multiply(
                m: batch, n: fanIn, k: fanOut, a: .init(base: gradient, rowStride: fanOut, columnStride: 1),
                b: transposed.base, c: next, start: .zero)
        }
    }

    /// Whether ∂L/∂x of wide layer `layer` is computed as (∂L/∂x)ᵀ = Wᵀ·gᵀ, transposing g and the product
    /// (batch·(fanIn + fanOut) floats), rather than as g·W after transposing W (fanIn·fanOut floats): when the
    /// batch is the smaller side and fills whole 16-column strips of the product. Both sum each element's
    /// products in the same order with the same fused multiply-adds, so they give identical results.
    private func transposesGradients(_ layer: Int) -> Bool {
        let fanIn = sizes[layer]
        let fanOut = sizes[layer + 1]
        return batch % 16 == 0 && batch * (fanIn + fanOut) < fanIn * fanOut
    }

    private func sumRows(
        _ matrix: UnsafePointer<Float>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<Float>
    ) {
        sums.update(repeating: 0, count: columns)
        var column = 0
        while column + 8 <= columns {
            var total = SIMD8<Float>(repeating: 0)
            for row in 0..<rows {
                total += SIMD8.load(matrix + row * columns + column)
            }
            total.store(sums + column)
            column += 8
        }
        for row in 0..<rows {
            for tail in column..<columns {
                sums[tail] += matrix[row * columns + tail]
            }
        }
    }
}
