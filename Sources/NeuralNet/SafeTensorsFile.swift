import Foundation

/// A parsed and checked safetensors file: its metadata and, per tensor, dtype, shape and byte range.
/// Construction validates everything that does not depend on the networks being loaded.
struct SafeTensorsFile {
    struct Entry {
        let name: String
        let shape: [Int]
        /// Byte range inside the data section.
        let range: Range<Int>
    }

    let metadata: [String: String]
    let entries: [String: Entry]
    private let bytes: [UInt8]
    private let dataStart: Int

    init(bytes: [UInt8], path: String) throws(CheckpointError) {
        guard bytes.count >= 8 else { throw .truncated(path: path, size: bytes.count) }
        var declared: UInt64 = 0
        for index in 0..<8 { declared |= UInt64(bytes[index]) << (8 * UInt64(index)) }
        guard declared <= UInt64(bytes.count - 8) else {
            throw .headerLength(path: path, declared: declared, available: bytes.count - 8)
        }
        let headerEnd = 8 + Int(declared)
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(bytes[8..<headerEnd]))
        } catch {
            throw .invalidHeader(path: path, reason: "not valid JSON")
        }
        guard let header = json as? [String: Any] else { throw .invalidHeader(path: path, reason: "not a JSON object") }
        var metadata: [String: String] = [:]
        if let raw = header["__metadata__"] {
            guard let map = raw as? [String: String] else {
                throw .invalidHeader(path: path, reason: "__metadata__ is not a map of strings to strings")
            }
            metadata = map
        }
        let dataSize = bytes.count - headerEnd
        var entries: [String: Entry] = [:]
        for (name, raw) in header where name != "__metadata__" {
            entries[name] = try Self.entry(name: name, raw: raw, dataSize: dataSize, path: path)
        }
        let ordered = entries.values.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        for (first, second) in zip(ordered, ordered.dropFirst()) where first.range.overlaps(second.range) {
            throw .overlappingTensors(path: path, first: first.name, second: second.name)
        }
        self.metadata = metadata
        self.entries = entries
        self.bytes = bytes
        dataStart = headerEnd
    }

    private static func entry(name: String, raw: Any, dataSize: Int, path: String) throws(CheckpointError) -> Entry {
        guard let fields = raw as? [String: Any] else {
            throw .invalidHeader(path: path, reason: "entry '\(name)' is not an object")
        }
        guard let dtype = fields["dtype"] as? String else {
            throw .invalidHeader(path: path, reason: "entry '\(name)' has no dtype string")
        }
        guard dtype == "F32" else { throw .unsupportedDtype(path: path, tensor: name, dtype: dtype) }
        guard let shape = integers(fields["shape"]), shape.allSatisfy({ $0 >= 0 }) else {
            throw .invalidHeader(path: path, reason: "entry '\(name)' has no valid shape")
        }
        guard let offsets = integers(fields["data_offsets"]), offsets.count == 2 else {
            throw .invalidHeader(path: path, reason: "entry '\(name)' has no [begin, end] data_offsets")
        }
        let (begin, end) = (offsets[0], offsets[1])
        guard begin >= 0, begin <= end, end <= dataSize else {
            throw .badOffsets(path: path, tensor: name, reason: "bytes \(begin)..<\(end) lie outside the \(dataSize)-byte data section")
        }
        var count = 1
        for dimension in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            guard !overflow, product <= dataSize else {
                throw .badOffsets(path: path, tensor: name, reason: "shape \(shape) is larger than the data section")
            }
            count = product
        }
        guard end - begin == 4 * count else {
            throw .badOffsets(path: path, tensor: name, reason: "\(end - begin) bytes do not hold \(count) F32 values of shape \(shape)")
        }
        return Entry(name: name, shape: shape, range: begin..<end)
    }

    /// Whole numbers from a JSON array (rejects fractions and non-numbers).
    private static func integers(_ raw: Any?) -> [Int]? {
        guard let array = raw as? [Any] else { return nil }
        var result: [Int] = []
        for element in array {
            if let value = element as? Int {
                result.append(value)
            } else if let number = element as? Double, let value = Int(exactly: number) {
                result.append(value)
            } else {
                return nil
            }
        }
        return result
    }

    func data(of entry: Entry) -> ArraySlice<UInt8> {
        bytes[(dataStart + entry.range.lowerBound)..<(dataStart + entry.range.upperBound)]
    }

    /// The little-endian F32 at element `index` of a tensor's bytes.
    static func float(in slice: ArraySlice<UInt8>, at index: Int) -> Float {
        let start = slice.startIndex + 4 * index
        var bits: UInt32 = 0
        for byte in 0..<4 { bits |= UInt32(slice[start + byte]) << (8 * UInt32(byte)) }
        return Float(bitPattern: bits)
    }
}
