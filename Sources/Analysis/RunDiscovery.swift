import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds the runs named on a command line: each argument a directory or a glob pattern (expanded here too,
/// for shells that pass it on quoted). A directory holding a Monitor file is a run; any other directory is
/// searched below for runs, in name order.
public enum RunDiscovery {
    /// The run directories under `arguments` with their Monitor files' names, and the arguments that name
    /// nothing (no such path, not a directory, or no Monitor file below).
    public static func find(_ arguments: [String]) -> (runs: [(directory: String, monitorFiles: [String])], problems: [String]) {
        var runs: [(directory: String, monitorFiles: [String])] = []
        var problems: [String] = []
        for argument in arguments {
            let paths = expand(argument)
            guard !paths.isEmpty else {
                problems.append("\(argument): no such directory")
                continue
            }
            for path in paths {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                    problems.append("\(path): not a directory (give the run's directory, which holds monitor.csv)")
                    continue
                }
                let found = runDirectories(under: path)
                if found.isEmpty { problems.append("\(path): no monitor.csv in it or below it") }
                runs += found
            }
        }
        return (runs, problems)
    }

    /// `pattern`'s matches when it has glob characters, else `pattern` itself if it exists.
    static func expand(_ pattern: String) -> [String] {
        guard pattern.contains(where: { "*?[".contains($0) }) else {
            return FileManager.default.fileExists(atPath: pattern) ? [pattern] : []
        }
        var matches = glob_t()
        defer { globfree(&matches) }
        guard glob(pattern, 0, nil, &matches) == 0 else { return [] }
        return (0..<Int(matches.gl_pathc)).compactMap { index in matches.gl_pathv[index].map { String(cString: $0) } }
    }

    /// Directory levels searched below an argument; a bound, since a symbolic link can make a loop.
    static let depthLimit = 16

    private static func runDirectories(under directory: String, depth: Int = 0) -> [(directory: String, monitorFiles: [String])] {
        guard depth <= depthLimit, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        let monitors = names.filter(RunRecord.isMonitorFile)
        if !monitors.isEmpty { return [(directory, monitors)] }
        return names.sorted().flatMap { name -> [(directory: String, monitorFiles: [String])] in
            let path = RunRecord.join(directory, name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
            return runDirectories(under: path, depth: depth + 1)
        }
    }
}
