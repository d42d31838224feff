/// Why a checkpoint could not be written or read. Every case names the file; `description` is one line
/// fit for the terminal.
public enum CheckpointError: Error, CustomStringConvertible, Equatable {
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    /// The file is shorter than the 8-byte header length.
    case truncated(path: String, size: Int)
    /// The declared header length does not fit in the file.
    case headerLength(path: String, declared: UInt64, available: Int)
    /// The declared header length fits in the file but is over `limit`, far beyond any header rlterm writes.
    case headerTooLarge(path: String, declared: Int, limit: Int)
    /// The JSON header is not valid JSON or not shaped as safetensors prescribes.
    case invalidHeader(path: String, reason: String)
    case unsupportedDtype(path: String, tensor: String, dtype: String, supported: [String])
    /// A tensor's byte range is inverted, outside the data section or not its shape's size.
    case badOffsets(path: String, tensor: String, reason: String)
    case overlappingTensors(path: String, first: String, second: String)
    /// Bytes `range` of the data section belong to no tensor (a gap between tensors, or bytes after the last).
    case unusedBytes(path: String, range: Range<Int>, dataSize: Int)
    case missingTensor(path: String, tensor: String)
    case unexpectedTensor(path: String, tensor: String)
    case shapeMismatch(path: String, tensor: String, expected: [Int], found: [Int])
    /// The metadata describes a different network than the one being loaded (e.g. another activation).
    case architectureMismatch(path: String, network: String, reason: String)
    case nonFiniteValue(path: String, tensor: String, index: Int)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): return "\(path): cannot write checkpoint: \(reason)"
        case .cannotRead(let path, let reason): return "\(path): cannot read checkpoint: \(reason)"
        case .truncated(let path, let size):
            return "\(path): truncated checkpoint: \(size) bytes, fewer than the 8-byte header length"
        case .headerLength(let path, let declared, let available):
            return "\(path): byte 0: header length \(declared) exceeds the \(available) bytes after it"
        case .headerTooLarge(let path, let declared, let limit):
            return "\(path): byte 0: header length \(declared) is over the \(limit)-byte limit; "
                + "not an rlterm checkpoint"
        case .invalidHeader(let path, let reason): return "\(path): byte 8: invalid safetensors header: \(reason)"
        case .unsupportedDtype(let path, let tensor, let dtype, let supported):
            let allowed = supported.count == 1 ? "only \(supported[0]) is" : supported.joined(separator: ", ") + " are"
            return "\(path): tensor '\(tensor)' has dtype \(dtype); \(allowed) supported"
        case .badOffsets(let path, let tensor, let reason): return "\(path): tensor '\(tensor)': \(reason)"
        case .overlappingTensors(let path, let first, let second):
            return "\(path): tensors '\(first)' and '\(second)' overlap in the data section"
        case .unusedBytes(let path, let range, let dataSize):
            return "\(path): bytes \(range.lowerBound)..<\(range.upperBound) of the \(dataSize)-byte data section "
                + "belong to no tensor"
        case .missingTensor(let path, let tensor): return "\(path): tensor '\(tensor)' is missing"
        case .unexpectedTensor(let path, let tensor):
            return "\(path): tensor '\(tensor)' does not belong to the declared architecture"
        case .shapeMismatch(let path, let tensor, let expected, let found):
            return "\(path): tensor '\(tensor)' has shape \(found), the network needs \(expected)"
        case .architectureMismatch(let path, let network, let reason):
            return "\(path): network '\(network)': \(reason)"
        case .nonFiniteValue(let path, let tensor, let index):
            return "\(path): tensor '\(tensor)' holds a non-finite value at element \(index)"
        }
    }
}
