import Foundation
import RLCore

/// Turns an `--env` argument into a parsed map, looking in this order:
///
/// 1. a file path: the argument names an existing file, contains `/`, or ends in `.txt`
///    (read from disk; a missing file is `MapLoadError.missingFile`);
/// 2. `envs/NAME.txt` under the working directory, so a class can edit or add maps in place
///    (a file there overrides the built-in map of the same name);
/// 3. the built-in map NAME (`BuiltinMaps`, a copy of the repository's envs/ compiled in);
/// 4. otherwise `MapLoadError.unknownName`, listing what is available.
public struct MapLocator: Sendable {
    /// The directory whose `envs/` folder holds local maps, and against which relative paths resolve.
    public var directory: String

    public init(directory: String = FileManager.default.currentDirectoryPath) {
        self.directory = directory
    }

    /// The map `argument` names, parsed with its own settings.
    public func load(_ argument: String) throws(MapLoadError) -> GridMap {
        if isPath(argument) {
            return try read(path: argument)
        }
        let localPath = "envs/\(argument).txt"
        if isFile(absolute(localPath)) {
            return try read(path: localPath)
        }
        if let builtin = BuiltinMaps.all.first(where: { $0.name == argument }) {
            do {
                return try GridMap.parse(builtin.text, source: localPath)
            } catch {
                throw .invalidMap(error)
            }
        }
        throw .unknownName(argument, available: availableNames())
    }

    /// Every name `load` accepts without a path: the built-in maps and the files in ./envs/, sorted.
    public func availableNames() -> [String] {
        let local = (try? FileManager.default.contentsOfDirectory(atPath: absolute("envs"))) ?? []
        let localNames = local.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }
        return Set(BuiltinMaps.all.map(\.name) + localNames).sorted()
    }

    /// Whether `argument` is taken as a file path rather than a map name.
    public func isPath(_ argument: String) -> Bool {
        argument.contains("/") || argument.hasSuffix(".txt") || isFile(absolute(argument))
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : directory + "/" + path
    }

    private func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// Reads and parses the map file at `path`; a file over `GridMap.maxBytes` is refused unread.
    private func read(path: String) throws(MapLoadError) -> GridMap {
        let file: InputFile
        let bytes: [UInt8]
        do {
            file = try InputFile(path: absolute(path))
        } catch {
            throw Self.loadError(error, path: path)
        }
        guard file.size <= GridMap.maxBytes else {
            throw .invalidMap(MapError(
                source: path, line: 1, column: 1, problem: .fileTooLarge(bytes: file.size, limit: GridMap.maxBytes)))
        }
        do {
            bytes = try file.readAll()
        } catch {
            throw Self.loadError(error, path: path)
        }
        do {
            return try GridMap.parse(bytes, source: path)
        } catch {
            throw .invalidMap(error)
        }
    }

    /// The error of a file that could not be opened or read, naming it as the user wrote it.
    private static func loadError(_ error: InputFileError, path: String) -> MapLoadError {
        if case .missing = error { return .missingFile(path: path) }
        return .unreadable(path: path, reason: error.reason)
    }
}
