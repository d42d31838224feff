import Foundation
import RLCore
import Testing

@testable import NeuralNet

@Suite("safetensors checkpoints")
struct CheckpointTests {
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "rlterm-checkpoint-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func savedFile(_ networks: [String: MLP], metadata: [String: String] = ["algorithm": "dqn"]) throws -> (
        String, [UInt8]
    ) {
        let path = try Self.temporaryDirectory() + "/model.safetensors"
        try Checkpoint.save(networks, metadata: metadata, to: path)
        return (path, [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// Writes a file with `header` as its JSON and `data` after it.
    private func handMade(header: String, data: [UInt8] = []) throws -> String {
        let path = try Self.temporaryDirectory() + "/bad.safetensors"
        var bytes = withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian, Array.init)
        bytes += Array(header.utf8) + data
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("save then load reproduces parameters, outputs and metadata; names follow nn.Sequential")
    func roundTrip() throws {
        let q = TestData.network([4, 64, 64, 2], seed: 90)
        let pi = TestData.network([3, 8, 5], .tanh, seed: 91)
        let (path, bytes) = try savedFile(
            ["q": q, "pi": pi], metadata: ["algorithm": "dqn", "environment": "cartpole"])
        let headerLength = Int(
            bytes[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
        #expect(headerLength % 8 == 0)
        let header = try #require(
            JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + headerLength)])) as? [String: Any])
        #expect(
            Set(header.keys) == [
                "__metadata__", "q.0.weight", "q.0.bias", "q.2.weight", "q.2.bias", "q.4.weight", "q.4.bias",
                "pi.0.weight", "pi.0.bias", "pi.2.weight", "pi.2.bias",
            ])
        let entry = try #require(header["q.0.weight"] as? [String: Any])
        #expect(entry["dtype"] as? String == "F32")
        #expect(entry["shape"] as? [Int] == [64, 4])
        let q2 = TestData.network([4, 64, 64, 2], seed: 92)
        let pi2 = TestData.network([3, 8, 5], .tanh, seed: 93)
        let metadata = try Checkpoint.load(from: path, into: ["q": q2, "pi": pi2])
        #expect(Array(q2.parameters.buffer) == Array(q.parameters.buffer))
        #expect(Array(pi2.parameters.buffer) == Array(pi.parameters.buffer))
        #expect(metadata["algorithm"] == "dqn" && metadata["environment"] == "cartpole")
        #expect(metadata["q.sizes"] == "4,64,64,2" && metadata["pi.activation"] == "tanh")
        let directory = (path as NSString).deletingLastPathComponent
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory) == ["model.safetensors"],
            "no temporary file left")
    }

    @Test("the header JSONEncoder writes is the JSON JSONSerialization reads back: quotes, backslashes, control characters and non-ASCII metadata survive")
    func headerEscaping() throws {
        let metadata = ["algorithm": "dqn", "hyperparameters": #"{"lr":0.001,"path":"a/b\\c"}"#,
                        "note": "line 1\nline 2\ttab\r\u{1}\u{1F}γ→ 🙂", "": "empty key", "__metadata__": "a key like the header's"]
        let tensors = [Checkpoint.TensorEntry(name: "q.0.weight", dtype: "F32", shape: [2, 3], begin: 0, end: 24),
                       Checkpoint.TensorEntry(name: "Q\"odd\"", dtype: "U8", shape: [], begin: 24, end: 25)]
        let json = try Checkpoint.headerJSON(tensors: tensors, metadata: ["x": "y"], path: "test.safetensors")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        #expect(Set(parsed.keys) == ["q.0.weight", "Q\"odd\"", "__metadata__"])
        let entry = try #require(parsed["q.0.weight"] as? [String: Any])
        #expect(entry["dtype"] as? String == "F32")
        #expect(entry["shape"] as? [Int] == [2, 3])
        #expect(entry["data_offsets"] as? [Int] == [0, 24])
        #expect((parsed["Q\"odd\""] as? [String: Any])?["shape"] as? [Int] == [])
        // Through a whole file: every metadata value comes back as it was.
        let (path, _) = try savedFile(["q": TestData.network([2, 3], seed: 5)], metadata: metadata)
        let loaded = try Checkpoint.load(from: path, into: [:])
        for (key, value) in metadata { #expect(loaded[key] == value, "\(key)") }
    }

    @Test("weights are stored [out, in] row-major, little-endian")
    func tensorLayout() throws {
        let network = TestData.network([2, 3], seed: 94)
        let (_, bytes) = try savedFile(["v": network])
        let headerLength = Int(bytes[0]) | Int(bytes[1]) << 8
        let data = Array(bytes[(8 + headerLength)...])
        let slice = ArraySlice(data)
        // The data section holds each layer's weight, then its bias.
        for output in 0..<3 {
            for input in 0..<2 {
                #expect(
                    SafeTensorsFile.float(in: slice, at: output * 2 + input)
                        == network.weight(layer: 0, output: output, input: input))
            }
        }
    }

    @Test("every truncation of a valid file fails with an error, never a crash, and leaves the network alone")
    func truncations() throws {
        let network = TestData.network([3, 4, 2], seed: 95)
        let (path, bytes) = try savedFile(["q": network])
        let fresh = TestData.network([3, 4, 2], seed: 96)
        let before = Array(fresh.parameters.buffer)
        for length in 0..<bytes.count {
            try Data(bytes[0..<length]).write(to: URL(fileURLWithPath: path))
            #expect(throws: CheckpointError.self) { try Checkpoint.load(from: path, into: ["q": fresh]) }
        }
        #expect(Array(fresh.parameters.buffer) == before)
    }

    @Test("corrupt files give typed errors naming the file and the problem")
    func corruptFiles() throws {
        let network = TestData.network([1, 1], seed: 97)
        let weight = #""q.0.weight":{"dtype":"F32","shape":[1,1],"data_offsets":[0,4]}"#
        let bias = #""q.0.bias":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}"#
        let eight = [UInt8](repeating: 0, count: 8)
        func failure(_ path: String) -> CheckpointError? {
            do {
                try Checkpoint.load(from: path, into: ["q": network])
                return nil
            } catch {
                #expect(error.description.hasPrefix(path))
                return error
            }
        }
        let cases: [(String, (CheckpointError) -> Bool)] = [
            (try handMade(header: "{not json"), { if case .invalidHeader = $0 { true } else { false } }),
            (try handMade(header: "[1,2]"), { if case .invalidHeader = $0 { true } else { false } }),
            (
                try handMade(header: "{\(weight.replacingOccurrences(of: "F32", with: "F16")),\(bias)}", data: eight),
                { if case .unsupportedDtype = $0 { true } else { false } }
            ),
            (
                try handMade(
                    header: "{\(weight),\(bias.replacingOccurrences(of: "[4,8]", with: "[4,12]"))}", data: eight),
                { if case .badOffsets = $0 { true } else { false } }
            ),
            (
                try handMade(
                    header: "{\(weight),\(bias.replacingOccurrences(of: "[4,8]", with: "[2,6]"))}", data: eight),
                { if case .overlappingTensors = $0 { true } else { false } }
            ),
            (
                try handMade(header: "{\(weight)}", data: [0, 0, 0, 0]),
                { if case .missingTensor = $0 { true } else { false } }
            ),
            (
                try handMade(header: "{\(weight.replacingOccurrences(of: "[1,1]", with: "[1]")),\(bias)}", data: eight),
                { if case .shapeMismatch = $0 { true } else { false } }
            ),
            (
                try handMade(
                    header:
                        "{\(weight),\(bias),\"q.2.weight\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[8,8]}}",
                    data: eight),
                { if case .unexpectedTensor = $0 { true } else { false } }
            ),
            (
                try handMade(header: "{\(weight),\(bias)}", data: [0, 0, 0xC0, 0x7F, 0, 0, 0, 0]),
                { if case .nonFiniteValue(_, "q.0.weight", 0) = $0 { true } else { false } }
            ),
            (
                try handMade(header: "{\"__metadata__\":{\"q.activation\":\"tanh\"},\(weight),\(bias)}", data: eight),
                { if case .architectureMismatch = $0 { true } else { false } }
            ),
            (
                try handMade(header: "{\"__metadata__\":{\"steps\":5},\(weight),\(bias)}", data: eight),
                { if case .invalidHeader = $0 { true } else { false } }
            ),
        ]
        for (path, matches) in cases {
            let error = failure(path)
            #expect(error.map(matches) == true, "\(path): \(String(describing: error))")
        }
        let tooLong = try handMade(header: "{}")
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: tooLong)))
        bytes[0] = 200
        try Data(bytes).write(to: URL(fileURLWithPath: tooLong))
        #expect(failure(tooLong) == .headerLength(path: tooLong, declared: 200, available: 2))
        #expect(failure(tooLong + ".absent").map { if case .cannotRead = $0 { true } else { false } } == true)
    }

    @Test("the tensors must tile the data section: a gap, bytes after the last tensor or an overlap is an error")
    func tiling() throws {
        let network = TestData.network([1, 1], seed: 102)
        let weight = #""q.0.weight":{"dtype":"F32","shape":[1,1],"data_offsets":[0,4]}"#
        func failure(_ header: String, data: Int) throws -> CheckpointError? {
            let path = try handMade(header: header, data: [UInt8](repeating: 0, count: data))
            do {
                try Checkpoint.load(from: path, into: ["q": network])
                return nil
            } catch {
                return error
            }
        }
        func bias(_ begin: Int, _ end: Int) -> String {
            #""q.0.bias":{"dtype":"F32","shape":[1],"data_offsets":[\#(begin),\#(end)]}"#
        }
        let gap = try failure("{\(weight),\(bias(8, 12))}", data: 12)
        #expect(gap.map { if case .unusedBytes(_, 4..<8, 12) = $0 { true } else { false } } == true)
        let trailing = try failure("{\(weight),\(bias(4, 8))}", data: 9)
        #expect(trailing.map { if case .unusedBytes(_, 8..<9, 9) = $0 { true } else { false } } == true)
        #expect(trailing?.description.hasSuffix(": bytes 8..<9 of the 9-byte data section belong to no tensor") == true)
        let late = try failure("{\(weight.replacingOccurrences(of: "[0,4]", with: "[4,8]")),\(bias(8, 12))}", data: 12)
        #expect(late.map { if case .unusedBytes(_, 0..<4, 12) = $0 { true } else { false } } == true)
        let empty = #""q.9.bias":{"dtype":"F32","shape":[0],"data_offsets":[2,2]}"#
        let inside = try failure("{\(weight),\(bias(4, 8)),\(empty)}", data: 8)
        #expect(inside.map { if case .overlappingTensors(_, "q.0.weight", "q.9.bias") = $0 { true } else { false } }
            == true)
        #expect(try failure("{\(weight),\(bias(4, 8))}", data: 8) == nil)
    }

    @Test("a file is refused from its header without reading its data: huge sparse files answer at once")
    func headerFirst() throws {
        /// Extends the file at `path` to `size` bytes without writing them (a sparse file).
        func extend(_ path: String, to size: Int) throws {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.truncate(atOffset: UInt64(size))
            try handle.close()
        }
        let header = #"{"q.0.weight":{"dtype":"F32","shape":[1,1],"data_offsets":[0,4]},"#
            + #""q.0.bias":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#
        let huge = try handMade(header: header, data: [UInt8](repeating: 0, count: 8))
        defer { try? FileManager.default.removeItem(atPath: huge) }
        try extend(huge, to: 1 << 36)
        let dataSize = (1 << 36) - 8 - header.utf8.count
        #expect(throws: CheckpointError.unusedBytes(path: huge, range: 8..<dataSize, dataSize: dataSize)) {
            try Checkpoint.load(from: huge, into: ["q": TestData.network([1, 1], seed: 103)])
        }
        let limit = SafeTensorsFile.maxHeaderBytes
        let longHeader = try handMade(header: "")
        defer { try? FileManager.default.removeItem(atPath: longHeader) }
        try Data(withUnsafeBytes(of: UInt64(limit + 1).littleEndian, Array.init))
            .write(to: URL(fileURLWithPath: longHeader))
        try extend(longHeader, to: limit + 64)
        #expect(throws: CheckpointError.headerTooLarge(path: longHeader, declared: limit + 1, limit: limit)) {
            try Checkpoint.load(from: longHeader, into: [:])
        }
    }

    @Test("loading from memory and from the file give the same result for every truncation and byte damage")
    func memoryAndFileAgree() throws {
        let (path, bytes) = try savedFile(["q": TestData.network([2, 3, 2], seed: 104)])
        var generator = Xoshiro256StarStar(seed: 105)
        var variants = (0..<bytes.count).map { Array(bytes[0..<$0]) }
        for _ in 0..<200 {
            var damaged = bytes
            damaged[generator.uniformInt(below: damaged.count)] = UInt8(generator.uniformInt(below: 256))
            variants.append(damaged)
        }
        func outcome(_ open: () throws(CheckpointError) -> CheckpointReader) -> String {
            do {
                let reader = try open()
                try reader.load(into: ["q": TestData.network([2, 3, 2], seed: 106)])
                return "loaded \(reader.metadata.sorted { $0.key < $1.key })"
            } catch {
                return error.description
            }
        }
        for variant in variants {
            try Data(variant).write(to: URL(fileURLWithPath: path))
            let fromFile = outcome { () throws(CheckpointError) in try CheckpointReader(path: path) }
            let fromMemory = outcome { () throws(CheckpointError) in try CheckpointReader(bytes: variant, path: path) }
            #expect(fromFile == fromMemory)
        }
    }

    @Test("random byte corruption never crashes the loader")
    func fuzzedBytes() throws {
        let network = TestData.network([2, 3, 2], seed: 98)
        let (path, bytes) = try savedFile(["q": network])
        var generator = Xoshiro256StarStar(seed: 99)
        var rejected = 0
        for _ in 0..<300 {
            var corrupted = bytes
            for _ in 0..<(1 + generator.uniformInt(below: 3)) {
                corrupted[generator.uniformInt(below: corrupted.count)] = UInt8(generator.uniformInt(below: 256))
            }
            try Data(corrupted).write(to: URL(fileURLWithPath: path))
            if (try? Checkpoint.load(from: path, into: ["q": TestData.network([2, 3, 2], seed: 100)])) == nil {
                rejected += 1
            }
        }
        // Most corruptions hit the header (the file is mostly JSON) and must be caught.
        #expect(rejected > 100)
    }

    @Test("saving into a missing directory is a typed write error")
    func unwritable() {
        let network = TestData.network([1, 1], seed: 101)
        #expect(throws: CheckpointError.self) {
            try Checkpoint.save(["q": network], metadata: [:], to: "/nonexistent-rlterm-dir/model.safetensors")
        }
    }
}
