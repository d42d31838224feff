/// A fixed-size, zero-initialised, 64-byte-aligned block of floats with `padding` spare floats after the
/// end, so the SIMD8 kernels may load a full vector at a row's tail (the extra lanes are never stored).
final class FloatBuffer {
    /// Spare floats after `count`; a SIMD8 load starting at any index below `count` stays in bounds.
    static let padding = 8

    let count: Int
    let base: UnsafeMutablePointer<Float>

    init(count: Int) {
        precondition(count >= 0, "a buffer cannot have a negative size")
        self.count = count
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: (count + Self.padding) * MemoryLayout<Float>.stride, alignment: 64)
        base = raw.bindMemory(to: Float.self, capacity: count + Self.padding)
        base.initialize(repeating: 0, count: count + Self.padding)
    }

    deinit {
        base.deallocate()
    }

    var buffer: UnsafeMutableBufferPointer<Float> {
        UnsafeMutableBufferPointer(start: base, count: count)
    }
}
