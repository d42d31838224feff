extension KeyedDecodingContainer {
    /// Decodes `count` doubles exactly from `hexKey`, an array of IEEE-754 bit patterns written `0x%016x`, and
    /// checks that the decimal array under `key` holds the same values, so a hand edit of only one of the
    /// two cannot go unnoticed.
    func decodeExactDoubles(_ key: Key, hex hexKey: Key, count: Int) throws -> [Double] {
        let bits = try decodeBitPatterns(hexKey, count: count, hexDigits: 16)
        let values = bits.map { Double(bitPattern: $0) }
        try checkDecimals(key, against: values, hexKey: hexKey)
        return values
    }

    /// Decodes `count` float32 bit patterns from `hexKey` (written `0x%08x`) and checks that the decimal
    /// array under `key` holds the exact values of those floats.
    func decodeFloat32Bits(_ key: Key, hex hexKey: Key, count: Int) throws -> [UInt32] {
        let bits = try decodeBitPatterns(hexKey, count: count, hexDigits: 8)
        try checkDecimals(key, against: bits.map { Double(Float(bitPattern: UInt32($0))) }, hexKey: hexKey)
        return bits.map { UInt32($0) }
    }

    private func decodeBitPatterns(_ hexKey: Key, count: Int, hexDigits: Int) throws -> [UInt64] {
        let texts = try decode([String].self, forKey: hexKey)
        try checkCount(texts.count, count, hexKey)
        return try texts.enumerated().map { index, text in
            let digits = text.dropFirst(2)
            guard text.hasPrefix("0x"), digits.count == hexDigits, let bits = UInt64(digits, radix: 16) else {
                throw corrupted(hexKey, index, "\"\(text)\" is not 0x followed by \(hexDigits) hex digits")
            }
            return bits
        }
    }

    private func checkDecimals(_ key: Key, against values: [Double], hexKey: Key) throws {
        let decimals = try decode([Double].self, forKey: key)
        try checkCount(decimals.count, values.count, key)
        for (index, (decimal, value)) in zip(decimals, values).enumerated() where decimal != value {
            throw corrupted(key, index, "\(decimal) disagrees with \(hexKey.stringValue)[\(index)], which is \(value)")
        }
    }

    private func checkCount(_ found: Int, _ expected: Int, _ key: Key) throws {
        guard found == expected else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "has \(found) entries, expected \(expected)")
        }
    }

    private func corrupted(_ key: Key, _ index: Int, _ problem: String) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: codingPath + [key, ArrayIndexKey(index)], debugDescription: problem))
    }
}
