import RLCore
import Testing
@testable import NeuralNet

@Suite("Forward pass and initialisation")
struct ForwardTests {
    @Test("SIMD kernel matches a double-precision reference on tails of every kind", arguments: [
        [1, 1], [4, 2], [7, 8, 3], [48, 128, 128, 4], [5, 33, 17, 16],
    ])
    func forwardMatchesReference(sizes: [Int]) {
        for activation in Activation.allCases {
            let network = TestData.network(sizes, activation, seed: 40)
            for batch in [1, 3, 4, 13] {
                let input = TestData.uniform(batch * sizes[0], scale: 2, seed: UInt64(batch))
                let output = input.withUnsafeBufferPointer { network.forward($0, batch: batch) }
                let reference = TestData.referenceForward(network, input: input, batch: batch)
                for index in 0..<reference.count {
                    let got = Double(output.base[index])
                    #expect(abs(got - reference[index]) <= 1e-5 * max(1, abs(reference[index])), "element \(index)")
                }
            }
        }
    }

    @Test("transposed-operand product matches the naive sum")
    func transposedProduct() {
        let m = 6, n = 11, k = 9
        let a = FloatBuffer(count: k * m), b = FloatBuffer(count: k * n), c = FloatBuffer(count: m * n)
        for (index, value) in TestData.uniform(k * m, seed: 41).enumerated() { a.base[index] = value }
        for (index, value) in TestData.uniform(k * n, seed: 42).enumerated() { b.base[index] = value }
        for index in 0..<(m * n) { c.base[index] = 1 }
        MatrixMultiply.multiply(
            m: m, n: n, k: k, a: .init(base: a.base, rowStride: 1, columnStride: m), b: b.base, c: c.base,
            start: .accumulate)
        for row in 0..<m {
            for column in 0..<n {
                var sum: Double = 1
                for p in 0..<k { sum += Double(a.base[p * m + row]) * Double(b.base[p * n + column]) }
                #expect(abs(Double(c.base[row * n + column]) - sum) < 1e-5)
            }
        }
    }

    @Test("default init: weights and biases within ±1/√fan_in, spread like a uniform, seeded")
    func initialisation() {
        let network = TestData.network([64, 256, 4], seed: 43)
        for layer in 0..<2 {
            let fanIn = network.sizes[layer], fanOut = network.sizes[layer + 1]
            let bound = 1 / Float(fanIn).squareRoot()
            var values: [Float] = []
            for output in 0..<fanOut {
                for input in 0..<fanIn { values.append(network.weight(layer: layer, output: output, input: input)) }
                values.append(network.bias(layer: layer, output: output))
            }
            #expect(values.allSatisfy { abs($0) <= bound })
            let mean = values.reduce(0, +) / Float(values.count)
            let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(values.count)
            // U(−b, b) has variance b²/3.
            #expect(abs(variance / (bound * bound / 3) - 1) < 0.1, "layer \(layer)")
            #expect(abs(mean) < 0.05 * bound)
        }
        let same = TestData.network([64, 256, 4], seed: 43), other = TestData.network([64, 256, 4], seed: 44)
        #expect(Array(same.parameters.buffer) == Array(network.parameters.buffer))
        #expect(Array(other.parameters.buffer) != Array(network.parameters.buffer))
    }

    @Test("a larger batch later grows the workspaces and still computes correctly")
    func growingBatch() {
        let network = TestData.network([3, 9, 2], seed: 45)
        let input = TestData.uniform(3 * 20, seed: 46)
        let small = input.withUnsafeBufferPointer { network.forward(UnsafeBufferPointer(rebasing: $0[0..<6]), batch: 2) }.toMatrix()
        let large = input.withUnsafeBufferPointer { network.forward($0, batch: 20) }
        #expect(small.values == Array(UnsafeBufferPointer(start: large.base, count: 4)))
    }

    @Test("Matrix input gives the same outputs as a raw buffer")
    func matrixInput() {
        let network = TestData.network([2, 5, 3], seed: 47)
        let matrix = Matrix(rows: 3, columns: 2, values: TestData.uniform(6, seed: 48))
        let viaMatrix = network.forward(matrix).toMatrix()
        let viaBuffer = matrix.values.withUnsafeBufferPointer { network.forward($0, batch: 3) }.toMatrix()
        #expect(viaMatrix == viaBuffer)
        #expect(viaMatrix.rows == 3 && viaMatrix.columns == 3)
    }
}
