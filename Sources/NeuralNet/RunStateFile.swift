import Foundation
import RLCore

/// A run checkpoint: every component's `StatePart` in one safetensors file (`docs/CHECKPOINTS.md`). Array `KEY`
/// of part `PART` is the one-dimensional tensor `PART/KEY` (F32, F64, I64 or U8); `__metadata__` holds
/// `format` (`rlterm-run-state`), `format_version`, `parts` (a JSON object of each part's name and version)
/// and the caller's metadata. Written atomically, like every checkpoint.
public enum RunStateFile {
    public static let format = "rlterm-run-state"
    public static let formatVersion = 1

    /// A checkpoint read back: its metadata and its parts, each with its version.
    public struct Contents: Sendable {
        public let path: String
        public let metadata: [String: String]
        public let parts: [String: StatePart]
        public let versions: [String: Int]

        public init(path: String, metadata: [String: String], parts: [String: StatePart], versions: [String: Int]) {
            self.path = path
            self.metadata = metadata
            self.parts = parts
            self.versions = versions
        }
    }

    /// Writes `parts` (each at `versions[name]`, else 1) and `metadata` to `path` atomically.
    public static func save(_ parts: [String: StatePart], versions: [String: Int] = [:], metadata: [String: String],
                            to path: String) throws(CheckpointError) {
        // The offsets follow from the element counts alone, so the header is encoded first and each array's bytes
        // go straight into the file's one buffer: a periodic checkpoint of a full replay memory copies it once
        // here rather than through three intermediate arrays, which is most of its cost besides the fsyncs.
        var tensors: [Checkpoint.TensorEntry] = []
        var arrays: [StatePart.Values] = []
        var size = 0
        for name in parts.keys.sorted() {
            let part = parts[name]!
            for key in part.arrays.keys.sorted() {
                let values = part.arrays[key]!
                let bytes = values.count * SafeTensorsFile.elementSizes[values.dtype]!
                tensors.append(Checkpoint.TensorEntry(name: name + "/" + key, dtype: values.dtype, shape: [values.count],
                                                      begin: size, end: size + bytes))
                arrays.append(values)
                size += bytes
            }
        }
        var allMetadata = metadata
        allMetadata["format"] = format
        allMetadata["format_version"] = String(formatVersion)
        allMetadata["parts"] = partsJSON(Dictionary(uniqueKeysWithValues: parts.keys.map { ($0, versions[$0] ?? 1) }))
        let file = try Checkpoint.encode(tensors: tensors, metadata: allMetadata, dataSize: size, path: path) { file in
            for values in arrays { append(values, to: &file) }
        }
        try AtomicFile.write(file, to: path)
    }

    /// Reads and checks the checkpoint at `path`: the safetensors layout (as `CheckpointReader` checks it), the
    /// format and its version, every tensor one-dimensional and inside a listed part, every listed part present.
    public static func read(path: String) throws(CheckpointError) -> Contents {
        let input: InputFile
        do {
            input = try InputFile(path: path)
        } catch {
            throw .cannotRead(path: path, reason: error.reason)
        }
        return try read(SafeTensorsFile(source: .file(input), path: path, dtypes: Set(SafeTensorsFile.elementSizes.keys)))
    }

    /// Checks a checkpoint already in memory; `path` names it in errors.
    public static func read(bytes: [UInt8], path: String) throws(CheckpointError) -> Contents {
        try read(SafeTensorsFile(source: .bytes(bytes), path: path, dtypes: Set(SafeTensorsFile.elementSizes.keys)))
    }

    private static func read(_ file: SafeTensorsFile) throws(CheckpointError) -> Contents {
        let path = file.path
        let metadata = file.metadata
        guard metadata["format"] == format else {
            throw .invalidHeader(path: path, reason: "format '\(metadata["format"] ?? "")' is not '\(format)'")
        }
        guard let version = metadata["format_version"].flatMap({ Int($0) }), (1...formatVersion).contains(version) else {
            throw .invalidHeader(
                path: path,
                reason: "format_version '\(metadata["format_version"] ?? "")': this rlterm reads 1 to \(formatVersion)")
        }
        guard let text = metadata["parts"],
              let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw .invalidHeader(path: path, reason: "'parts' is not a JSON object of part names and versions")
        }
        var versions: [String: Int] = [:]
        for (name, value) in object {
            guard let number = value as? NSNumber, let version = Int(exactly: number.doubleValue), version >= 1 else {
                throw .invalidHeader(path: path, reason: "part '\(name)' has no version number")
            }
            versions[name] = version
        }
        var arrays: [String: [String: StatePart.Values]] = [:]
        for name in file.entries.keys.sorted() {
            let entry = file.entries[name]!
            guard let slash = name.firstIndex(of: "/"), versions[String(name[..<slash])] != nil else {
                throw .unexpectedTensor(path: path, tensor: name)
            }
            guard entry.shape.count == 1 else {
                throw .shapeMismatch(path: path, tensor: name, expected: [entry.shape.reduce(1, *)], found: entry.shape)
            }
            arrays[String(name[..<slash]), default: [:]][String(name[name.index(after: slash)...])] = try file.array(of: entry)
        }
        let parts = Dictionary(uniqueKeysWithValues: versions.keys.map { ($0, StatePart(arrays: arrays[$0] ?? [:])) })
        return Contents(path: path, metadata: metadata, parts: parts, versions: versions)
    }

    private static func append(_ values: StatePart.Values, to data: inout [UInt8]) {
        switch values {
        case .float(let array): appendLittleEndian(array, to: &data)
        case .double(let array): appendLittleEndian(array, to: &data)
        case .integer(let array): appendLittleEndian(array, to: &data)
        case .byte(let array): data += array
        }
    }

    /// Appends `values`' bytes in little-endian order: on a little-endian machine they are already in that order
    /// in memory and are copied as they are.
    private static func appendLittleEndian<T: BitwiseCopyable>(_ values: [T], to data: inout [UInt8]) {
        #if _endian(little)
        values.withUnsafeBytes { data.append(contentsOf: $0) }
        #else
        for value in values {
            withUnsafeBytes(of: value) { data.append(contentsOf: $0.reversed()) }
        }
        #endif
    }

    private static func partsJSON(_ versions: [String: Int]) -> String {
        "{" + versions.keys.sorted().map { "\"\($0)\":\(versions[$0]!)" }.joined(separator: ",") + "}"
    }
}
