import RLCore

/// A checkpoint opened for loading: its header has been read and checked (see `SafeTensorsFile`), so its
/// metadata can be read before deciding which networks to build, and those networks are then loaded from
/// the same open file.
public struct CheckpointReader {
    private let file: SafeTensorsFile

    /// Opens the safetensors file at `path` and checks its header; no tensor data is read yet.
    public init(path: String) throws(CheckpointError) {
        let input: InputFile
        do {
            input = try InputFile(path: path)
        } catch {
            throw .cannotRead(path: path, reason: error.reason)
        }
        file = try SafeTensorsFile(source: .file(input), path: path)
    }

    /// Checks the header of a checkpoint already in memory; `path` names it in errors.
    public init(bytes: [UInt8], path: String) throws(CheckpointError) {
        file = try SafeTensorsFile(source: .bytes(bytes), path: path)
    }

    /// The file's `__metadata__`.
    public var metadata: [String: String] { file.metadata }

    /// Loads every network in `networks` (keyed by prefix), after checking each tensor's presence and shape
    /// against the network's architecture (before any data is read) and every value for finiteness. Nothing
    /// is changed unless everything checks out. Tensors with other prefixes are ignored.
    public func load(into networks: [String: any CheckpointableNetwork]) throws(CheckpointError) {
        let path = file.path
        var layouts: [(CheckpointLayout.Tensor, SafeTensorsFile.Entry)] = []
        for (prefix, network) in networks.sorted(by: { $0.key < $1.key }) {
            let layout = network.checkpointLayout(prefix: prefix)
            for field in layout.fields {
                if let saved = metadata["\(prefix).\(field.key)"], saved != field.value {
                    throw .architectureMismatch(
                        path: path, network: prefix,
                        reason: "saved with \(field.key) \(saved), but the agent's network \(field.verb) \(field.value)")
                }
            }
            let expected = layout.tensors
            for name in file.entries.keys.sorted()
            where name.hasPrefix(prefix + ".") && !expected.contains(where: { $0.name == name }) {
                throw .unexpectedTensor(path: path, tensor: name)
            }
            for tensor in expected {
                guard let entry = file.entries[tensor.name] else {
                    throw .missingTensor(path: path, tensor: tensor.name)
                }
                guard entry.shape == tensor.shape else {
                    throw .shapeMismatch(path: path, tensor: tensor.name, expected: tensor.shape, found: entry.shape)
                }
                layouts.append((tensor, entry))
            }
        }
        var values: [[Float]] = []
        for (tensor, entry) in layouts {
            let tensorValues = try file.values(of: entry)
            if let index = tensorValues.firstIndex(where: { !$0.isFinite }) {
                throw .nonFiniteValue(path: path, tensor: tensor.name, index: index)
            }
            values.append(tensorValues)
        }
        for ((tensor, _), tensorValues) in zip(layouts, values) {
            for (index, value) in tensorValues.enumerated() {
                tensor.element(index).pointee = value
            }
        }
    }
}
