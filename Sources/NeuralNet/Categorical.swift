import Foundation
import RLCore

/// A categorical policy head: a row of logits z defines π(a) = softmax(z)ₐ = exp(zₐ) / Σⱼ exp(zⱼ).
/// All functions read one row (e.g. `MatrixView.row(_:)`), subtract the maximum logit first for stability,
/// and allocate nothing.
public enum Categorical {
    /// log Σⱼ exp(zⱼ), computed as m + log Σⱼ exp(zⱼ − m) with m = maxⱼ zⱼ.
    public static func logSumExp(_ logits: UnsafeBufferPointer<Float>) -> Float {
        precondition(!logits.isEmpty, "a categorical distribution needs at least one logit")
        let largest = logits.max()!
        var total: Float = 0
        for logit in logits {
            total += exp(logit - largest)
        }
        return largest + log(total)
    }

    /// log π(a) = zₐ − log Σⱼ exp(zⱼ) for every a, written into `result` (same count as `logits`).
    public static func logSoftmax(_ logits: UnsafeBufferPointer<Float>, into result: UnsafeMutableBufferPointer<Float>) {
        precondition(result.count == logits.count, "result and logits differ in size")
        let normaliser = logSumExp(logits)
        for index in logits.indices {
            result[index] = logits[index] - normaliser
        }
    }

    /// π(a) = softmax(z)ₐ for every a, written into `result` (same count as `logits`).
    public static func softmax(_ logits: UnsafeBufferPointer<Float>, into result: UnsafeMutableBufferPointer<Float>) {
        precondition(result.count == logits.count, "result and logits differ in size")
        let normaliser = logSumExp(logits)
        for index in logits.indices {
            result[index] = exp(logits[index] - normaliser)
        }
    }

    /// The entropy H(π) = −Σₐ π(a)·log π(a), in nats.
    public static func entropy(_ logits: UnsafeBufferPointer<Float>) -> Float {
        let normaliser = logSumExp(logits)
        var total: Float = 0
        for logit in logits {
            let logProbability = logit - normaliser
            total -= exp(logProbability) * logProbability
        }
        return total
    }

    /// Draws an action a ~ π by inverting the cumulative distribution at one uniform u ∈ [0, 1) from
    /// `generator`: the first a with Σ_{j≤a} π(j) > u (the last action if rounding leaves u uncovered).
    public static func sample(_ logits: UnsafeBufferPointer<Float>, generator: inout Xoshiro256StarStar) -> Int {
        let normaliser = logSumExp(logits)
        let threshold = generator.uniform()
        var cumulative = 0.0
        for index in logits.indices {
            cumulative += Double(exp(logits[index] - normaliser))
            if cumulative > threshold {
                return index
            }
        }
        return logits.count - 1
    }
}
