/// Binary observations kept one bit per value in 64-bit words, row after row (`wordsPerRow` words each): a
/// MinAtar frame of 10 × 10 × C floats that are each 0 or 1 takes ⌈100·C / 64⌉ words instead of 400·C bytes
/// (Seaquest's 1,000 values: 128 bytes rather than 4,000), so the paper's 100,000-transition memory fits in
/// tens of megabytes. Bit k of a row is value k, bit k % 64 of word k / 64; the bits past the last value stay 0.
struct PackedObservations: Sendable, Equatable {
    let valuesPerRow: Int
    let wordsPerRow: Int
    private(set) var words: [UInt64]

    init(rows: Int, valuesPerRow: Int) {
        precondition(rows >= 1 && valuesPerRow >= 1, "at least one row of one value")
        self.valuesPerRow = valuesPerRow
        wordsPerRow = Self.wordsPerRow(valuesPerRow)
        words = [UInt64](repeating: 0, count: rows * wordsPerRow)
    }

    static func wordsPerRow(_ values: Int) -> Int { (values + 63) / 64 }

    /// The bytes `rows` rows of `valuesPerRow` values take.
    static func bytes(rows: Int, valuesPerRow: Int) -> Int {
        rows * wordsPerRow(valuesPerRow) * MemoryLayout<UInt64>.stride
    }

    var rowCount: Int { words.count / wordsPerRow }

    /// Packs `values` (each 0 or 1: anything else would be lost, so it is refused) into row `row`.
    mutating func write(row: Int, from values: UnsafePointer<Float>) {
        let (valuesPerRow, wordsPerRow) = (valuesPerRow, wordsPerRow)
        words.withUnsafeMutableBufferPointer { storage in
            let target = storage.baseAddress! + row * wordsPerRow
            Self.forEachWord(of: valuesPerRow) { word, start, count in
                var bits: UInt64 = 0
                for bit in 0..<count {
                    let value = values[start + bit]
                    precondition(value == 0 || value == 1, "a packed observation holds 0s and 1s, got \(value)")
                    if value == 1 { bits |= 1 << UInt64(bit) }
                }
                target[word] = bits
            }
        }
    }

    /// Unpacks row `row` into `valuesPerRow` floats at `target` (0 or 1 each); allocates nothing.
    func read(row: Int, into target: UnsafeMutablePointer<Float>) {
        let (valuesPerRow, wordsPerRow) = (valuesPerRow, wordsPerRow)
        words.withUnsafeBufferPointer { storage in
            let source = storage.baseAddress! + row * wordsPerRow
            Self.forEachWord(of: valuesPerRow) { word, start, count in
                let bits = source[word]
                for bit in 0..<count { target[start + bit] = Float((bits >> UInt64(bit)) & 1) }
            }
        }
    }

    /// Calls `body` with each word of a row of `values` values, the index of its first value and how many it holds.
    private static func forEachWord(of values: Int, _ body: (_ word: Int, _ start: Int, _ count: Int) -> Void) {
        for word in 0..<wordsPerRow(values) {
            let start = word * 64
            body(word, start, min(64, values - start))
        }
    }

    /// Row `row` unpacked (allocates; for inspection and tests).
    func values(row: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: valuesPerRow) { buffer, initialized in
            read(row: row, into: buffer.baseAddress!)
            initialized = valuesPerRow
        }
    }

    /// Overwrites row `row` with row `source` of `other` (of the same width).
    mutating func copyRow(_ source: Int, of other: PackedObservations, to row: Int) {
        precondition(other.wordsPerRow == wordsPerRow, "the tables pack rows of different widths")
        for word in 0..<wordsPerRow { words[row * wordsPerRow + word] = other.words[source * wordsPerRow + word] }
    }

    /// The words of rows 0..<rows, for a checkpoint.
    func prefix(rows: Int) -> [UInt64] { Array(words[..<(rows * wordsPerRow)]) }

    /// Overwrites rows 0..<(saved.count / wordsPerRow) with a checkpoint's words.
    mutating func restorePrefix(_ saved: [UInt64]) {
        precondition(saved.count % wordsPerRow == 0 && saved.count <= words.count, "whole rows that fit")
        words.replaceSubrange(0..<saved.count, with: saved)
    }

    /// The first index of a row in `saved` with a bit set past its last value (a damaged checkpoint), or nil.
    func firstStrayBit(in saved: [UInt64]) -> Int? {
        let used = valuesPerRow - (wordsPerRow - 1) * 64
        guard used < 64 else { return nil }
        let mask = ~((UInt64(1) << UInt64(used)) - 1)
        return stride(from: wordsPerRow - 1, to: saved.count, by: wordsPerRow).first { saved[$0] & mask != 0 }
    }
}
