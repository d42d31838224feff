import Agents
import Foundation
import RLCore

/// Finds the preset of an algorithm on an environment: `envs/presets/ALGORITHM.txt` under `directory` when that
/// file exists (so a class edits presets in place), else the copy compiled into rlterm (`BuiltinPresets`,
/// generated from the repository's envs/presets/ and checked against it by a test).
public struct PresetLibrary: Sendable, Equatable {
    /// The directory whose `envs/presets/` folder overrides the built-in presets.
    public var directory: String

    public init(directory: String = FileManager.default.currentDirectoryPath) {
        self.directory = directory
    }

    /// Where the presets of `algorithm` are read from on disk, relative to `directory`.
    public static func path(of algorithm: Algorithm) -> String { "envs/presets/\(algorithm.name).txt" }

    /// Every preset of `algorithm`, in file order; none when it has no file.
    public func presets(of algorithm: Algorithm) throws(PresetError) -> [Preset] {
        let source = Self.path(of: algorithm)
        let local = directory + "/" + source
        if FileManager.default.fileExists(atPath: local) {
            let text: String
            do {
                let bytes = try InputFile(path: local).readAll()
                guard let decoded = String(validating: bytes, as: UTF8.self) else {
                    throw PresetError(source: source, line: 1, column: 1, problem: .unreadable("not UTF-8 text"))
                }
                text = decoded
            } catch let error as PresetError {
                throw error
            } catch {
                throw PresetError(source: source, line: 1, column: 1, problem: .unreadable("\(error)"))
            }
            return try PresetFile.parse(text, source: source, algorithm: algorithm)
        }
        guard let builtin = BuiltinPresets.all.first(where: { $0.name == algorithm.name }) else { return [] }
        return try PresetFile.parse(builtin.text, source: source, algorithm: algorithm)
    }

    /// The preset of `algorithm` on the environment named `environment`, nil when there is none.
    public func preset(of algorithm: Algorithm, on environment: String) throws(PresetError) -> Preset? {
        try presets(of: algorithm).first { $0.environment == environment }
    }
}
