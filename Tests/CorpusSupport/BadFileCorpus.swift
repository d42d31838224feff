import Foundation

/// One directory of the bad-file corpus (`Tests/Corpus/maps`, `Tests/Corpus/checkpoints`) with what its
/// `expected.tsv` says each file must give. The end-to-end script `Tests/e2e/bad_files.sh` reads the same
/// table, so the unit tests and the built binary are held to the same messages.
public struct BadFileCorpus: Sendable {
    /// One row of `expected.tsv`.
    public struct Case: Sendable, CustomStringConvertible {
        public let file: String
        /// The exit status rlterm gives (0 for the valid control files).
        public let status: Int32
        /// The error message after the file's path: ":line:col: reason" for a map, ": reason" for a checkpoint.
        public let message: String
        /// The file's absolute path.
        public let path: String

        public var description: String { file }
    }

    public let directory: String
    public let cases: [Case]

    /// The corpus directory `name` ("maps" or "checkpoints"), found from this source file's location.
    public init(_ name: String, filePath: String = #filePath) throws {
        let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus").appendingPathComponent(name).path
        self.directory = directory
        let table = try String(contentsOfFile: directory + "/expected.tsv", encoding: .utf8)
        cases = try table.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { row in
            let fields = row.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, let status = Int32(fields[1]) else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: "expected.tsv: \(row)"])
            }
            return Case(file: fields[0], status: status, message: fields[2], path: directory + "/" + fields[0])
        }
    }

    /// What keeps the directory, its expected.tsv and its README from agreeing: a file without a row or not
    /// named in the README, a row without a file. Empty when the corpus is complete.
    public func disagreements() throws -> [String] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { !["README.md", "expected.tsv", "generate.py"].contains($0) }.sorted()
        let readme = try String(contentsOfFile: directory + "/README.md", encoding: .utf8)
        let listed = Set(cases.map(\.file))
        return files.filter { !listed.contains($0) }.map { "\($0) has no row in expected.tsv" }
            + files.filter { !readme.contains("`\($0)`") }.map { "\($0) is not described in README.md" }
            + listed.subtracting(files).sorted().map { "\($0) is in expected.tsv but not in the directory" }
    }
}
