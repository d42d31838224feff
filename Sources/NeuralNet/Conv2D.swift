import RLCore

/// A 2-D convolution with 3 × 3 kernels, stride 1 and no padding, followed by ReLU: PyTorch's
/// `relu(nn.Conv2d(inputChannels, outputChannels, kernel_size=3)(x))` on a batch.
///
/// Layouts are PyTorch's. A sample is C × H × W floats, channel-major (NCHW for a batch); the output is
/// O × (H − 2) × (W − 2), so flattening it row after row gives `torch.flatten(x, 1)`'s order. The weight
/// is W[o, c, i, j] (OIHW) and
///
///     y[o, r, s] = max(0, b[o] + Σ_c Σ_i Σ_j W[o, c, i, j] · x[c, r + i, s + j]).
///
/// The layer is an input layer: `backward` computes ∂L/∂W and ∂L/∂b, and no ∂L/∂x (nothing before it learns).
///
/// Each sample is one GEMM through `MatrixMultiply`: its patches (im2col) form a K × P matrix, K = 9·C rows
/// (c, i, j) by P = (H − 2)·(W − 2) columns (r, s), and Y = W·patches with W read as O × K, which is already
/// the output's layout. The forward pass keeps every sample's patches for `backward`, where ∂L/∂Wᵀ (K × O)
/// sums patches·gᵀ over the batch, which fills whole 16-lane vectors when O is 16 (36 × 64 by 64 × 16 for
/// Breakout's 4 channels). Workspaces grow to the largest batch seen, so a steady-state pass allocates nothing.
public final class Conv2D {
    /// The kernel's height and width.
    public static let kernelSize = 3

    public let inputChannels: Int
    public let outputChannels: Int
    public let inputHeight: Int
    public let inputWidth: Int

    /// W (OIHW), then b.
    let parameters: FloatBuffer
    let gradients: FloatBuffer

    private(set) var batchCapacity = 0
    /// The samples of the last forward pass, which `backward` differentiates.
    private(set) var batch = 0
    /// The rectified outputs of the last forward pass, `batch × outputSize`.
    private(set) var outputs: FloatBuffer
    /// ∂L/∂y for the last forward pass, written by the layer after this one.
    private(set) var outputGradient: FloatBuffer
    /// Every sample's patches of the last forward pass, K × P each.
    private var patches: FloatBuffer
    /// One sample's ∂L/∂y transposed, P × O.
    private let outputGradientTransposed: FloatBuffer
    /// ∂L/∂Wᵀ, K × O, summed over the batch before it is written as ∂L/∂W.
    private let weightGradientTransposed: FloatBuffer

    /// A layer with PyTorch's default `nn.Conv2d` initialisation: weights and biases from U(−1/√fan_in,
    /// 1/√fan_in) with fan_in = 9·C (`kaiming_uniform_(a = √5)` works out to that bound), drawn from
    /// `generator` as (2u − 1)/√fan_in, weights in OIHW order, then biases.
    public init(
        inputChannels: Int, outputChannels: Int, inputHeight: Int, inputWidth: Int,
        generator: inout Xoshiro256StarStar, batchCapacity: Int = 1
    ) {
        precondition(inputChannels > 0 && outputChannels > 0, "a convolution needs channels in and out")
        precondition(
            inputHeight >= Self.kernelSize && inputWidth >= Self.kernelSize,
            "a \(inputHeight)×\(inputWidth) input is smaller than the 3×3 kernel")
        self.inputChannels = inputChannels
        self.outputChannels = outputChannels
        self.inputHeight = inputHeight
        self.inputWidth = inputWidth
        let weightCount = outputChannels * inputChannels * Self.kernelSize * Self.kernelSize
        parameters = FloatBuffer(count: weightCount + outputChannels)
        gradients = FloatBuffer(count: weightCount + outputChannels)
        let patchRows = inputChannels * Self.kernelSize * Self.kernelSize
        let positions = (inputHeight - 2) * (inputWidth - 2)
        outputGradientTransposed = FloatBuffer(count: positions * outputChannels)
        weightGradientTransposed = FloatBuffer(count: weightCount)
        patches = FloatBuffer(count: 0)
        outputs = FloatBuffer(count: 0)
        outputGradient = FloatBuffer(count: 0)
        let bound = 1 / Float(patchRows).squareRoot()
        for index in 0..<parameters.count {
            parameters.base[index] = (2 * generator.uniformFloat() - 1) * bound
        }
        reserveBatchCapacity(batchCapacity)
    }

    public var outputHeight: Int { inputHeight - Self.kernelSize + 1 }
    public var outputWidth: Int { inputWidth - Self.kernelSize + 1 }
    /// C·H·W, the floats of one input sample.
    public var inputSize: Int { inputChannels * inputHeight * inputWidth }
    /// O·(H − 2)·(W − 2), the floats of one output sample.
    public var outputSize: Int { outputChannels * positions }
    /// W's and b's floats.
    public var parameterCount: Int { parameters.count }

    /// K = 9·C, the rows of a sample's patch matrix and the length of one output channel's kernel.
    var patchRows: Int { inputChannels * Self.kernelSize * Self.kernelSize }
    /// P, the output positions per channel.
    var positions: Int { outputHeight * outputWidth }
    var weightCount: Int { outputChannels * patchRows }
    var parameterBlock: ParameterBlock { ParameterBlock(parameters: parameters, gradients: gradients) }

    /// W[output, channel, row, column].
    public func weight(output: Int, channel: Int, row: Int, column: Int) -> Float {
        parameters.base[weightIndex(output: output, channel: channel, row: row, column: column)]
    }

    /// Sets W[output, channel, row, column].
    public func setWeight(_ value: Float, output: Int, channel: Int, row: Int, column: Int) {
        parameters.base[weightIndex(output: output, channel: channel, row: row, column: column)] = value
    }

    /// b[output].
    public func bias(output: Int) -> Float {
        parameters.base[weightCount + output]
    }

    /// Sets b[output].
    public func setBias(_ value: Float, output: Int) {
        parameters.base[weightCount + output] = value
    }

    private func weightIndex(output: Int, channel: Int, row: Int, column: Int) -> Int {
        precondition(output >= 0 && output < outputChannels && channel >= 0 && channel < inputChannels
                     && (0..<Self.kernelSize).contains(row) && (0..<Self.kernelSize).contains(column),
                     "kernel index out of range")
        return ((output * inputChannels + channel) * Self.kernelSize + row) * Self.kernelSize + column
    }

    /// Sizes the workspaces for batches of up to `capacity` samples now, so later passes do not allocate.
    public func reserveBatchCapacity(_ capacity: Int) {
        guard capacity > batchCapacity else { return }
        batchCapacity = capacity
        patches = FloatBuffer(count: capacity * patchRows * positions)
        outputs = FloatBuffer(count: capacity * outputSize)
        outputGradient = FloatBuffer(count: capacity * outputSize)
    }

    /// Runs the layer on `batch` samples stored one after another in `input` (`batch · inputSize` floats, each
    /// C × H × W) and returns the rectified outputs, `batch` rows of `outputSize` (each O × (H − 2) × (W − 2)),
    /// valid until the next forward pass.
    @discardableResult
    public func forward(_ input: UnsafeBufferPointer<Float>, batch: Int) -> MatrixView {
        precondition(batch > 0, "a forward pass needs at least one sample")
        precondition(input.count >= batch * inputSize, "\(input.count) inputs are fewer than \(batch)×\(inputSize)")
        reserveBatchCapacity(batch)
        self.batch = batch
        let bias = parameters.base + weightCount
        for sample in 0..<batch {
            let samplePatches = patches.base + sample * patchRows * positions
            writePatches(from: input.baseAddress! + sample * inputSize, into: samplePatches)
            let output = outputs.base + sample * outputSize
            MatrixMultiply.multiply(
                m: outputChannels, n: positions, k: patchRows,
                a: .init(base: parameters.base, rowStride: patchRows, columnStride: 1),
                b: samplePatches, c: output, start: .zero)
            for channel in 0..<outputChannels {
                addBiasAndRectify(output + channel * positions, count: positions, bias: bias[channel])
            }
        }
        return MatrixView(rows: batch, columns: outputSize, base: outputs.base)
    }

    /// Where the layer after this one writes ∂L/∂y for the last forward pass (`batch × outputSize`).
    public var outputGradientView: MutableMatrixView {
        MutableMatrixView(rows: batch, columns: outputSize, base: outputGradient.base)
    }

    /// Takes ∂L/∂y from `outputGradientView` back through the ReLU (zero where the output was not positive,
    /// in place) and stores ∂L/∂W and ∂L/∂b of the last forward pass, replacing earlier gradients.
    public func backward() {
        precondition(batch > 0, "backward() needs a forward pass first")
        let weightGradients = gradients.base
        let biasGradients = gradients.base + weightCount
        biasGradients.update(repeating: 0, count: outputChannels)
        for sample in 0..<batch {
            let gradient = outputGradient.base + sample * outputSize
            let output = UnsafePointer(outputs.base + sample * outputSize)
            for channel in 0..<outputChannels {
                biasGradients[channel] += rectifiedGradientSum(
                    gradient + channel * positions, outputs: output + channel * positions, count: positions)
            }
            MatrixTranspose.transpose(
                gradient, rows: outputChannels, columns: positions, into: outputGradientTransposed.base)
            // ∂L/∂Wᵀ += patches·gᵀ: K × P by P × O, accumulated over the batch in sample order.
            MatrixMultiply.multiply(
                m: patchRows, n: outputChannels, k: positions,
                a: .init(base: patches.base + sample * patchRows * positions, rowStride: positions, columnStride: 1),
                b: outputGradientTransposed.base, c: weightGradientTransposed.base,
                start: sample == 0 ? .zero : .accumulate)
        }
        MatrixTranspose.transpose(
            weightGradientTransposed.base, rows: patchRows, columns: outputChannels, into: weightGradients)
    }

    /// The patch matrix of one sample (C × H × W at `source`): row (c, i, j) holds x[c, r + i, s + j] for
    /// every position (r, s), one output row's run of `outputWidth` floats at a time.
    private func writePatches(from source: UnsafePointer<Float>, into patches: UnsafeMutablePointer<Float>) {
        let width = outputWidth
        var target = patches
        for channel in 0..<inputChannels {
            let plane = source + channel * inputHeight * inputWidth
            for kernelRow in 0..<Self.kernelSize {
                for kernelColumn in 0..<Self.kernelSize {
                    var run = plane + kernelRow * inputWidth + kernelColumn
                    for _ in 0..<outputHeight {
                        // MinAtar's 10 × 10 gives runs of exactly one vector: the general copy's loop and
                        // tail test took most of the time here.
                        if width == 8 {
                            SIMD8.load(run).store(target)
                        } else {
                            VectorCopy.copy(run, into: target, count: width)
                        }
                        run += inputWidth
                        target += width
                    }
                }
            }
        }
    }

    private func addBiasAndRectify(_ values: UnsafeMutablePointer<Float>, count: Int, bias: Float) {
        let shift = SIMD8<Float>(repeating: bias)
        let zero = SIMD8<Float>(repeating: 0)
        var index = 0
        while index + 8 <= count {
            let value = SIMD8.load(values + index) + shift
            value.replacing(with: zero, where: value .< zero).store(values + index)
            index += 8
        }
        while index < count {
            values[index] = max(values[index] + bias, 0)
            index += 1
        }
    }

    /// Zeroes ∂L/∂y where the rectified output is not positive (ReLU's derivative, 0 at 0 as in PyTorch) and
    /// returns the sum of what is left: the channel's share of ∂L/∂b.
    private func rectifiedGradientSum(
        _ gradient: UnsafeMutablePointer<Float>, outputs: UnsafePointer<Float>, count: Int
    ) -> Float {
        var total = SIMD8<Float>(repeating: 0)
        var index = 0
        while index + 8 <= count {
            let value = SIMD8.load(gradient + index).replacing(with: 0, where: SIMD8.load(outputs + index) .<= 0)
            value.store(gradient + index)
            total += value
            index += 8
        }
        var sum = total.sum()
        while index < count {
            if outputs[index] <= 0 { gradient[index] = 0 }
            sum += gradient[index]
            index += 1
        }
        return sum
    }
}
