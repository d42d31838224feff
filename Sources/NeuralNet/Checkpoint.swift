import Foundation

/// Saves and loads networks as safetensors files that PyTorch reads directly.
///
/// Format (safetensors): an 8-byte little-endian header length n, n bytes of JSON, then raw little-endian
/// F32 data. Network `prefix` is stored with the names and shapes of a PyTorch `nn.Sequential` state dict,
/// whose indices count the activation modules too. An `MLP` with layers 0…L−1: layer l becomes
/// `prefix.{2l}.weight` [out, in] and `prefix.{2l}.bias` [out]. A `ConvolutionalNetwork` is
/// `Sequential(Conv2d, ReLU, Flatten, Linear, ReLU, …)`: `prefix.0.weight` [O, C, 3, 3] (OIHW) and
/// `prefix.0.bias` [O], then its dense layer l as `prefix.{3 + 2l}.weight` [out, in] and `.bias`.
/// `__metadata__` holds the caller's run metadata plus each network's architecture: `prefix.sizes` (e.g.
/// "4,64,64,2", a convolutional network's dense sizes from its flattened features), `prefix.activation`,
/// and for a convolutional network `prefix.conv` ("C,H,W,O", e.g. "4,10,10,16") and `prefix.input`, the layout
/// of its inputs ("NCHW", or "NHWC": permute to NCHW before the `Conv2d`).
public enum Checkpoint {
    /// Writes `networks` (keyed by prefix, e.g. "q", "pi", "v") and `metadata` to `path` atomically: a
    /// temporary file in the same directory is written and fsynced, renamed over `path`, and the
    /// directory is fsynced, so a crash leaves either the old file or the new one.
    public static func save(
        _ networks: [String: any CheckpointableNetwork], metadata: [String: String], to path: String
    )
        throws(CheckpointError)
    {
        var tensors: [TensorEntry] = []
        var allMetadata = metadata
        var data = [UInt8]()
        for prefix in networks.keys.sorted() {
            let layout = networks[prefix]!.checkpointLayout(prefix: prefix)
            for field in layout.fields {
                allMetadata["\(prefix).\(field.key)"] = field.value
            }
            for tensor in layout.tensors {
                let begin = data.count
                for index in 0..<tensor.count {
                    withUnsafeBytes(of: tensor.element(index).pointee.bitPattern.littleEndian) {
                        data.append(contentsOf: $0)
                    }
                }
                tensors.append(TensorEntry(name: tensor.name, dtype: "F32", shape: tensor.shape, begin: begin, end: data.count))
            }
        }
        try AtomicFile.write(try encode(tensors: tensors, metadata: allMetadata, dataSize: data.count, path: path) { $0 += data },
                             to: path)
    }

    /// A tensor's entry in a safetensors header: its name, element type, shape and byte range in the data.
    struct TensorEntry: Encodable {
        let name: String
        let dtype: String
        let shape: [Int]
        let begin: Int
        let end: Int

        private enum CodingKeys: String, CodingKey {
            case dtype, shape, dataOffsets = "data_offsets"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(dtype, forKey: .dtype)
            try container.encode(shape, forKey: .shape)
            try container.encode([begin, end], forKey: .dataOffsets)
        }
    }

    /// A value of the header: a tensor's entry or the metadata.
    private enum HeaderValue: Encodable {
        case tensor(TensorEntry)
        case metadata([String: String])

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .tensor(let entry): try entry.encode(to: encoder)
            case .metadata(let metadata): try metadata.encode(to: encoder)
            }
        }
    }

    /// A safetensors file's bytes: the header length, the JSON header (keys sorted) padded with spaces so the data
    /// section starts 8-byte aligned, as the reference writer does, then the data, which `appendData` appends
    /// (`dataSize` bytes, as the entries' ranges describe) straight into the file's buffer.
    static func encode(tensors: [TensorEntry], metadata: [String: String], dataSize: Int, path: String,
                       appendData: (inout [UInt8]) -> Void) throws(CheckpointError) -> [UInt8] {
        var json = try headerJSON(tensors: tensors, metadata: metadata, path: path)
        while json.count % 8 != 0 { json.append(0x20) }
        var file = [UInt8]()
        file.reserveCapacity(8 + json.count + dataSize)
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { file.append(contentsOf: $0) }
        file += json
        appendData(&file)
        precondition(file.count == 8 + json.count + dataSize, "the data appended is the size the header describes")
        return file
    }

    /// The header as compact JSON with its keys sorted, through `JSONEncoder` and typed values. The header is
    /// made only of strings and integers, and JSONSerialization's walk through `[String: Any]` took most of a
    /// periodic run checkpoint's CPU time (dynamic casts for each of its few hundred values), more than copying
    /// a replay memory of 20,000 transitions.
    static func headerJSON(tensors: [TensorEntry], metadata: [String: String], path: String)
        throws(CheckpointError) -> [UInt8]
    {
        var header = Dictionary(uniqueKeysWithValues: tensors.map { ($0.name, HeaderValue.tensor($0)) })
        header["__metadata__"] = .metadata(metadata)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return [UInt8](try encoder.encode(header))
        } catch {
            throw .cannotWrite(path: path, reason: "cannot encode the header: \(error)")
        }
    }

    /// Loads every network in `networks` (keyed by prefix) from `path` and returns the file's `__metadata__`;
    /// see `CheckpointReader` for what is checked. The header is checked before any tensor data is read, and
    /// nothing is changed unless everything checks out.
    @discardableResult
    public static func load(from path: String, into networks: [String: any CheckpointableNetwork])
        throws(CheckpointError) -> [String: String]
    {
        let reader = try CheckpointReader(path: path)
        try reader.load(into: networks)
        return reader.metadata
    }
}

/// A network that `Checkpoint` saves and loads in PyTorch's layouts.
public protocol CheckpointableNetwork: AnyObject {
    /// The network's architecture fields and tensors under `prefix`.
    func checkpointLayout(prefix: String) -> CheckpointLayout
}

/// How a network appears in a checkpoint: the metadata fields that describe its architecture (checked on
/// load) and its tensors, each with where its elements live in the network.
public struct CheckpointLayout {
    /// Written as `prefix.key` in `__metadata__`; a file whose value differs is refused with "saved with
    /// `key` <saved>, but the agent's network `verb` <value>".
    struct Field {
        let key: String
        let value: String
        let verb: String
    }

    struct Tensor {
        let name: String
        let shape: [Int]
        /// The address of element `index` in PyTorch's row-major order.
        let element: (Int) -> UnsafeMutablePointer<Float>

        var count: Int { shape.reduce(1, *) }
    }

    let fields: [Field]
    let tensors: [Tensor]
}

extension MLP: CheckpointableNetwork {
    public func checkpointLayout(prefix: String) -> CheckpointLayout {
        CheckpointLayout(fields: architectureFields, tensors: denseTensors(prefix: prefix, firstModule: 0))
    }

    var architectureFields: [CheckpointLayout.Field] {
        [
            .init(key: "sizes", value: sizes.map(String.init).joined(separator: ","), verb: "has"),
            .init(key: "activation", value: activation.rawValue, verb: "uses"),
        ]
    }

    /// Layer l as the `nn.Linear` at module index `firstModule + 2l` (an activation module between layers).
    func denseTensors(prefix: String, firstModule: Int) -> [CheckpointLayout.Tensor] {
        (0..<layerCount).flatMap { layer -> [CheckpointLayout.Tensor] in
            let module = "\(prefix).\(firstModule + 2 * layer)"
            let fanIn = sizes[layer]
            let fanOut = sizes[layer + 1]
            return [
                .init(name: module + ".weight", shape: [fanOut, fanIn]) { [self] index in
                    parameters.base + weightIndex(layer: layer, output: index / fanIn, input: index % fanIn)
                },
                .init(name: module + ".bias", shape: [fanOut]) { [self] index in
                    parameters.base + biasOffsets[layer] + index
                },
            ]
        }
    }
}

extension ConvolutionalNetwork: CheckpointableNetwork {
    /// `Sequential(Conv2d, ReLU, Flatten, Linear, …)`: the convolution is module 0, the dense layers start at 3.
    public func checkpointLayout(prefix: String) -> CheckpointLayout {
        let shape = [
            convolution.inputChannels, convolution.inputHeight, convolution.inputWidth, convolution.outputChannels,
        ]
        let convolutionField = CheckpointLayout.Field(
            key: "conv", value: shape.map(String.init).joined(separator: ","), verb: "has")
        // "NHWC": a reader permutes its (N, H, W, C) inputs to NCHW before the Conv2d.
        let layoutField = CheckpointLayout.Field(key: "input", value: inputLayout.rawValue, verb: "takes")
        // Stored as OIHW already, so PyTorch's element order is the buffer's.
        let weights = convolution.parameters.base
        let biases = weights + convolution.weightCount
        let kernel = Conv2D.kernelSize
        let convolutionTensors: [CheckpointLayout.Tensor] = [
            .init(name: "\(prefix).0.weight",
                  shape: [convolution.outputChannels, convolution.inputChannels, kernel, kernel]) { weights + $0 },
            .init(name: "\(prefix).0.bias", shape: [convolution.outputChannels]) { biases + $0 },
        ]
        return CheckpointLayout(
            fields: [convolutionField, layoutField] + dense.architectureFields,
            tensors: convolutionTensors + dense.denseTensors(prefix: prefix, firstModule: 3))
    }
}
