import Foundation

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
            for index in 0..<count {
                values[index] = Foundation.tanh(values[index])
            }
        }
    }

    /// Turns ∂L/∂a into ∂L/∂z in place, given the activation outputs a = f(z): multiplies by f′(z), which for
    /// both activations is a function of a (1[a > 0] for ReLU, 1 − a² for tanh).
    func backpropagate(_ gradient: UnsafeMutablePointer<Float>, outputs: UnsafePointer<Float>, count: Int) {
        var index = 0
        switch self {
        case .relu:
            let zero = SIMD8<Float>(repeating: 0)
            while index + 8 <= count {
                let g = SIMD8.load(gradient + index)
                g.replacing(with: zero, where: SIMD8.load(outputs + index) .<= zero).store(gradient + index)
                index += 8
            }
            while index < count {
                if outputs[index] <= 0 { gradient[index] = 0 }
                index += 1
            }
        case .tanh:
            let one = SIMD8<Float>(repeating: 1)
            while index + 8 <= count {
                let a = SIMD8.load(outputs + index)
                (SIMD8.load(gradient + index) * (one - a * a)).store(gradient + index)
                index += 8
            }
            while index < count {
                gradient[index] *= 1 - outputs[index] * outputs[index]
                index += 1
            }
        }
    }
}
