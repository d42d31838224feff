import CFloatEnvironment

/// The calling thread's handling of subnormal floats.
///
/// Adam's second moments decay geometrically towards zero and become subnormal, which x86 processes
/// through a slow microcode path (5–20% of an update on Zen 4). A training thread sets flush-to-zero and
/// denormals-are-zero once; results then differ from IEEE only for magnitudes below 2⁻¹²⁶ ≈ 1.2·10⁻³⁸.
public enum FloatingPointEnvironment {
    /// Sets flush-to-zero and denormals-are-zero on the calling thread (x86-64 MXCSR); returns false and does
    /// nothing where the platform has no such mode.
    @discardableResult
    public static func enableFlushToZero() -> Bool {
        rlterm_enable_flush_to_zero()
    }

    /// Whether flush-to-zero and denormals-are-zero are set on the calling thread.
    public static var isFlushToZeroEnabled: Bool {
        rlterm_flush_to_zero_enabled()
    }
}
