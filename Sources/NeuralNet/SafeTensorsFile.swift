import Foundation
import RLCore

/// A safetensors file whose header has been read and checked: its metadata and, per tensor, shape and byte
/// range. The header is read first and checked against the file's size, so a damaged file is refused before
/// any of its data section is read; tensor data is read only when asked for.
struct SafeTensorsFile {
    struct Entry {
        let name: String
        let dtype: String
        let shape: [Int]
        /// Byte range inside the data section.
        let range: Range<Int>
    }

    /// Where the bytes come from: an open file, or bytes already in memory.
    enum Source {
        case file(InputFile)
        case bytes([UInt8])

        var size: Int {
            switch self {
            case .file(let file): file.size
            case .bytes(let bytes): bytes.count
            }
        }

        func read(offset: Int, count: Int, path: String) throws(CheckpointError) -> [UInt8] {
            switch self {
            case .file(let file):
                do {
                    return try file.read(offset: offset, count: count)
                } catch {
                    throw .cannotRead(path: path, reason: error.reason)
                }
            case .bytes(let bytes):
                return Array(bytes[offset..<(offset + count)])
            }
        }
    }

    /// Headers longer than this are refused unread. rlterm writes a few kilobytes; the limit stops a damaged
    /// length field in a large file from making the loader read and parse gigabytes as JSON.
    static let maxHeaderBytes = 16 << 20

    let path: String
    let metadata: [String: String]
    let entries: [String: Entry]
    private let source: Source
    private let dataStart: Int

    /// The bytes of one element of each element type a file may hold.
    static let elementSizes = ["F32": 4, "F64": 8, "I64": 8, "U8": 1]

    /// Reads and checks the header; a tensor whose dtype is not in `dtypes` is refused.
    init(source: Source, path: String, dtypes: Set<String> = ["F32"]) throws(CheckpointError) {
        let size = source.size
        guard size >= 8 else { throw .truncated(path: path, size: size) }
        var declared: UInt64 = 0
        for (index, byte) in try source.read(offset: 0, count: 8, path: path).enumerated() {
            declared |= UInt64(byte) << (8 * UInt64(index))
        }
        guard declared <= UInt64(size - 8) else {
            throw .headerLength(path: path, declared: declared, available: size - 8)
        }
        guard declared <= UInt64(Self.maxHeaderBytes) else {
            throw .headerTooLarge(path: path, declared: Int(declared), limit: Self.maxHeaderBytes)
        }
        let headerEnd = 8 + Int(declared)
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(
                with: Data(try source.read(offset: 8, count: Int(declared), path: path)))
        } catch let error as CheckpointError {
            throw error
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
        let dataSize = size - headerEnd
        var entries: [String: Entry] = [:]
        // In name order, so a file with several defects always reports the same one.
        for (name, raw) in header.sorted(by: { $0.key < $1.key }) where name != "__metadata__" {
            entries[name] = try Self.entry(name: name, raw: raw, dataSize: dataSize, dtypes: dtypes, path: path)
        }
        try Self.checkTiling(entries.values, dataSize: dataSize, path: path)
        self.path = path
        self.metadata = metadata
        self.entries = entries
        self.source = source
        dataStart = headerEnd
    }

    /// The tensors must tile the data section: in offset order each starts where the previous one ended, the
    /// first at 0 and the last at the end. Bytes no tensor owns mean a damaged or spliced file.
    private static func checkTiling(
        _ entries: Dictionary<String, Entry>.Values, dataSize: Int, path: String
    ) throws(CheckpointError) {
        let ordered = entries.sorted {
            ($0.range.lowerBound, $0.range.upperBound, $0.name) < ($1.range.lowerBound, $1.range.upperBound, $1.name)
        }
        var covered = 0
        var previous: Entry?
        for entry in ordered {
            if entry.range.lowerBound < covered, let previous {
                throw .overlappingTensors(path: path, first: previous.name, second: entry.name)
            }
            if entry.range.lowerBound > covered {
                throw .unusedBytes(path: path, range: covered..<entry.range.lowerBound, dataSize: dataSize)
            }
            covered = entry.range.upperBound
            previous = entry
        }
        if covered < dataSize { throw .unusedBytes(path: path, range: covered..<dataSize, dataSize: dataSize) }
    }

    private static func entry(name: String, raw: Any, dataSize: Int, dtypes: Set<String>,
                              path: String) throws(CheckpointError) -> Entry {
        guard let fields = raw as? [String: Any] else {
            throw .invalidHeader(path: path, reason: "entry '\(name)' is not an object")
        }
        guard let dtype = fields["dtype"] as? String else {
            throw .invalidHeader(path: path, reason: "entry '\(name)' has no dtype string")
        }
        guard dtypes.contains(dtype), let elementSize = elementSizes[dtype] else {
            throw .unsupportedDtype(path: path, tensor: name, dtype: dtype, supported: dtypes.sorted())
        }
        guard let shape = integers(fields["shape"]), shape.allSatisfy({ $0 >= 0 }) else {
            throw .invalidHeader(path: path, reason: "entry '\(name)' has no valid shape")
        }
        guard let offsets = integers(fields["data_offsets"]), offsets.count == 2 else {
            throw .invalidHeader(
                path: path, reason: "entry '\(name)': data_offsets is not a pair of whole numbers [begin, end]")
        }
        let (begin, end) = (offsets[0], offsets[1])
        guard begin >= 0, begin <= end, end <= dataSize else {
            throw .badOffsets(
                path: path, tensor: name,
                reason: "bytes \(begin)..<\(end) lie outside the \(dataSize)-byte data section")
        }
        var count = 1
        for dimension in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            guard !overflow, product <= dataSize else {
                throw .badOffsets(path: path, tensor: name, reason: "shape \(shape) is larger than the data section")
            }
            count = product
        }
        guard end - begin == elementSize * count else {
            throw .badOffsets(
                path: path, tensor: name,
                reason: "\(end - begin) bytes do not hold \(count) \(dtype) values of shape \(shape)")
        }
        return Entry(name: name, dtype: dtype, shape: shape, range: begin..<end)
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

    /// The tensor's elements whatever their type, read from the file now.
    func array(of entry: Entry) throws(CheckpointError) -> StatePart.Values {
        let bytes = try source.read(offset: dataStart + entry.range.lowerBound, count: entry.range.count, path: path)
        switch entry.dtype {
        case "F64": return .double(Self.littleEndian(bytes, as: UInt64.self).map(Double.init(bitPattern:)))
        case "I64": return .integer(Self.littleEndian(bytes, as: Int64.self))
        case "U8": return .byte(bytes)
        default: return .float(Self.littleEndian(bytes, as: UInt32.self).map(Float.init(bitPattern:)))
        }
    }

    /// Whole little-endian integers of type `T` from `bytes`.
    static func littleEndian<T: FixedWidthInteger>(_ bytes: [UInt8], as type: T.Type) -> [T] {
        let size = MemoryLayout<T>.size
        return [T](unsafeUninitializedCapacity: bytes.count / size) { buffer, count in
            bytes.withUnsafeBytes { raw in
                for index in 0..<(bytes.count / size) {
                    buffer[index] = T(littleEndian: raw.loadUnaligned(fromByteOffset: index * size, as: T.self))
                }
            }
            count = bytes.count / size
        }
    }

    /// The tensor's little-endian F32 values, read from the file now.
    func values(of entry: Entry) throws(CheckpointError) -> [Float] {
        let bytes = try source.read(offset: dataStart + entry.range.lowerBound, count: entry.range.count, path: path)
        return (0..<(bytes.count / 4)).map { Self.float(in: bytes[...], at: $0) }
    }

    /// The little-endian F32 at element `index` of a tensor's bytes.
    static func float(in slice: ArraySlice<UInt8>, at index: Int) -> Float {
        let start = slice.startIndex + 4 * index
        var bits: UInt32 = 0
        for byte in 0..<4 { bits |= UInt32(slice[start + byte]) << (8 * UInt32(byte)) }
        return Float(bitPattern: bits)
    }
}
