extension SIMD8 where Scalar == Float {
    /// Eight consecutive floats from `pointer`, which need not be aligned.
    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    static func load(_ pointer: UnsafeMutablePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
    }

    /// Writes the eight lanes to consecutive floats at `pointer`, which need not be aligned.
    @inline(__always)
    func store(_ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: self, as: SIMD8<Float>.self)
    }

    /// Writes the first `count` (< 8) lanes only.
    @inline(__always)
    func storePrefix(_ pointer: UnsafeMutablePointer<Float>, count: Int) {
        for lane in 0..<count {
            pointer[lane] = self[lane]
        }
    }
}
