import CNeuralNetShims

/// The nonlinearity after each hidden layer of an `MLP` (the output layer is always linear).
public enum Activation: String, Sendable, CaseIterable, Codable {
    /// ReLU, max(0, x); its derivative is taken as 0 at x = 0, as in PyTorch.
    case relu
    /// tanh(x), whose derivative is 1 − tanh²(x).
    case tanh

    /// Applies the activation in place to `count` floats.
    func apply(_ values: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .relu:
            var index = 0
            let zero = SIMD8<Float>(repeating: 0)
            while index + 8 <= count {
                let x = SIMD8.load(values + index)
                (x.replacing(with: zero, where: x .< zero)).store(values + index)
                index += 8
            }
            while index < count {
                values[index] = max(values[index], 0)
                index += 1
            }
        case .tanh:
            #if arch(x86_64)
                if Kernels.usesAVX512 {
                    rlterm_tanh_avx512(values, count)
                    return
                }
            #endif
            Self.tanhSIMD8(values, count: count)
        }
    }

    /// tanh eight lanes at a time (`hyperbolicTangent()`); the AVX-512 kernel computes the same bits sixteen at
    /// a time, which halves a 1,000-sample policy step's tanh time.
    static func tanhSIMD8(_ values: UnsafeMutablePointer<Float>, count: Int) {
        var index = 0
        while index + 8 <= count {
            SIMD8.load(values + index).hyperbolicTangent().store(values + index)
            index += 8
        }
        if index < count {
            // The tail goes through the same vector code, so every element is computed alike.
            var tail = SIMD8<Float>(repeating: 0)
            for lane in 0..<(count - index) { tail[lane] = values[index + lane] }
            tail.hyperbolicTangent().storePrefix(values + index, count: count - index)
        }
    }

    /// Turns ∂L/∂a into ∂L/∂z in place for a `rows × columns` batch, given the activation outputs a = f(z) of
    /// the same shape, and writes the column sums of ∂L/∂z (the bias gradient of the layer that computed z)
    /// into `columnSums`, in one pass over the batch instead of two. f′(z) is a function of a for both
    /// activations: 1[a > 0] for ReLU, 1 − a² for tanh. Each column is summed row by row from zero.
    func backpropagate(
        _ gradient: UnsafeMutablePointer<Float>, outputs: UnsafePointer<Float>, rows: Int, columns: Int,
        columnSums: UnsafeMutablePointer<Float>
    ) {
        // Four column blocks at a time: each column's sum is a chain of dependent adds, and four chains
        // side by side keep the adder busy instead of waiting on one.
        var column = 0
        while column + 32 <= columns {
            var total0 = SIMD8<Float>(repeating: 0)
            var total1 = SIMD8<Float>(repeating: 0)
            var total2 = SIMD8<Float>(repeating: 0)
            var total3 = SIMD8<Float>(repeating: 0)
            for row in 0..<rows {
                let index = row * columns + column
                let value0 = derivative(SIMD8.load(gradient + index), SIMD8.load(outputs + index))
                let value1 = derivative(SIMD8.load(gradient + index + 8), SIMD8.load(outputs + index + 8))
                let value2 = derivative(SIMD8.load(gradient + index + 16), SIMD8.load(outputs + index + 16))
                let value3 = derivative(SIMD8.load(gradient + index + 24), SIMD8.load(outputs + index + 24))
                value0.store(gradient + index)
                value1.store(gradient + index + 8)
                value2.store(gradient + index + 16)
                value3.store(gradient + index + 24)
                total0 += value0
                total1 += value1
                total2 += value2
                total3 += value3
            }
            total0.store(columnSums + column)
            total1.store(columnSums + column + 8)
            total2.store(columnSums + column + 16)
            total3.store(columnSums + column + 24)
            column += 32
        }
        while column + 8 <= columns {
            var total = SIMD8<Float>(repeating: 0)
            for row in 0..<rows {
                let index = row * columns + column
                let value = derivative(SIMD8.load(gradient + index), SIMD8.load(outputs + index))
                value.store(gradient + index)
                total += value
            }
            total.store(columnSums + column)
            column += 8
        }
        while column < columns {
            var total: Float = 0
            for row in 0..<rows {
                let index = row * columns + column
                let value = derivative(gradient[index], outputs[index])
                gradient[index] = value
                total += value
            }
            columnSums[column] = total
            column += 1
        }
    }

    /// ∂L/∂z from ∂L/∂a = `gradient` and a = `output`, eight lanes at a time.
    @inline(__always)
    private func derivative(_ gradient: SIMD8<Float>, _ output: SIMD8<Float>) -> SIMD8<Float> {
        switch self {
        case .relu: gradient.replacing(with: 0, where: output .<= 0)
        case .tanh: gradient * (1 - output * output)
        }
    }

    @inline(__always)
    private func derivative(_ gradient: Float, _ output: Float) -> Float {
        switch self {
        case .relu: output <= 0 ? 0 : gradient
        case .tanh: gradient * (1 - output * output)
        }
    }
}
