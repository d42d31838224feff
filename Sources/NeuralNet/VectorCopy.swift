/// Copies of a few floats to a few kilobytes inside a training step.
enum VectorCopy {
    /// A vector loop rather than `update(from:count:)`: for a batch's few kilobytes glibc's memcpy uses
    /// `rep movsb`, which took two to three times as long here inside a training step, and a convolution's
    /// patch rows are runs of a few floats, where a call costs more than the copy.
    @inline(__always)
    static func copy(_ source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, count: Int) {
        var index = 0
        while index + 8 <= count {
            SIMD8.load(source + index).store(target + index)
            index += 8
        }
        while index < count {
            target[index] = source[index]
            index += 1
        }
    }
}
