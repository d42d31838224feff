extension FixedWidthInteger where Self: UnsignedInteger {
    /// The bit pattern as `0x` and all its hex digits (16 for UInt64, 8 for UInt32), as the traces file writes it.
    var paddedHex: String {
        let digits = String(self, radix: 16)
        return "0x" + String(repeating: "0", count: bitWidth / 4 - digits.count) + digits
    }
}
