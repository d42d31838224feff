import Foundation

/// Saves and loads networks as safetensors files that PyTorch reads directly.
///
/// Format (safetensors): an 8-byte little-endian header length n, n bytes of JSON, then raw little-endian
/// F32 data. Network `prefix` with layers 0…L−1 is stored with the names and shapes of a PyTorch
/// `nn.Sequential` state dict, whose indices count the activation modules too: layer l becomes
/// `prefix.{2l}.weight` [out, in] and `prefix.{2l}.bias` [out]. `__metadata__` holds the caller's run
/// metadata plus `prefix.sizes` (e.g. "4,64,64,2") and `prefix.activation` for each network.
public enum Checkpoint {
    /// Writes `networks` (keyed by prefix, e.g. "q", "pi", "v") and `metadata` to `path` atomically: a
    /// temporary file in the same directory is written and fsynced, renamed over `path`, and the
    /// directory is fsynced, so a crash leaves either the old file or the new one.
    public static func save(_ networks: [String: MLP], metadata: [String: String], to path: String)
        throws(CheckpointError)
    {
        var header: [String: Any] = [:]
        var allMetadata = metadata
        var data = [UInt8]()
        for prefix in networks.keys.sorted() {
            let network = networks[prefix]!
            allMetadata["\(prefix).sizes"] = network.sizes.map(String.init).joined(separator: ",")
            allMetadata["\(prefix).activation"] = network.activation.rawValue
            for tensor in tensors(of: network, prefix: prefix) {
                let begin = data.count
                for index in 0..<tensor.count {
                    withUnsafeBytes(of: tensor.value(network, index).bitPattern.littleEndian) {
                        data.append(contentsOf: $0)
                    }
                }
                header[tensor.name] = ["dtype": "F32", "shape": tensor.shape, "data_offsets": [begin, data.count]]
            }
        }
        header["__metadata__"] = allMetadata
        try AtomicFile.write(try encode(header: header, data: data, path: path), to: path)
    }

    /// A safetensors file's bytes: the header length, the JSON header (keys sorted) padded with spaces so the data
    /// section starts 8-byte aligned, as the reference writer does, then the data.
    static func encode(header: [String: Any], data: [UInt8], path: String) throws(CheckpointError) -> [UInt8] {
        var json: [UInt8]
        do {
            json = [UInt8](
                try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys, .withoutEscapingSlashes]))
        } catch {
            throw .cannotWrite(path: path, reason: "cannot encode the header: \(error)")
        }
        while json.count % 8 != 0 { json.append(0x20) }
        var file = [UInt8]()
        file.reserveCapacity(8 + json.count + data.count)
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { file.append(contentsOf: $0) }
        file += json
        file += data
        return file
    }

    /// Loads every network in `networks` (keyed by prefix) from `path` and returns the file's `__metadata__`;
    /// see `CheckpointReader` for what is checked. The header is checked before any tensor data is read, and
    /// nothing is changed unless everything checks out.
    @discardableResult
    public static func load(from path: String, into networks: [String: MLP]) throws(CheckpointError) -> [String: String]
    {
        let reader = try CheckpointReader(path: path)
        try reader.load(into: networks)
        return reader.metadata
    }

    /// One tensor of a network's state dict and how its elements map to the network's parameters.
    struct TensorLayout {
        let name: String
        let shape: [Int]
        let layer: Int
        let isWeight: Bool

        var count: Int { shape.reduce(1, *) }

        /// Element `index` in PyTorch's row-major order.
        func value(_ network: MLP, _ index: Int) -> Float {
            if isWeight {
                return network.weight(layer: layer, output: index / shape[1], input: index % shape[1])
            }
            return network.bias(layer: layer, output: index)
        }

        func setValue(_ network: MLP, _ index: Int, _ value: Float) {
            if isWeight {
                network.setWeight(value, layer: layer, output: index / shape[1], input: index % shape[1])
            } else {
                network.setBias(value, layer: layer, output: index)
            }
        }
    }

    static func tensors(of network: MLP, prefix: String) -> [TensorLayout] {
        (0..<network.layerCount).flatMap { layer -> [TensorLayout] in
            let module = "\(prefix).\(2 * layer)"
            let fanIn = network.sizes[layer]
            let fanOut = network.sizes[layer + 1]
            return [
                TensorLayout(name: module + ".weight", shape: [fanOut, fanIn], layer: layer, isWeight: true),
                TensorLayout(name: module + ".bias", shape: [fanOut], layer: layer, isWeight: false),
            ]
        }
    }
}
