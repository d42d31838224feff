import Foundation
import Glibc

/// Where shared sessions live: a socket `NAME.sock` in a directory only its owner (or one group) can enter.
/// Private shares go to `$XDG_RUNTIME_DIR/rlterm/` when there is one (the user's own tmpfs, 0700 itself),
/// else to `/tmp/rlterm-UID/`; a share with a group goes to `/tmp/rlterm-UID-GROUP/` (0750, that group),
/// since a runtime directory is closed to everyone else. `rlterm sessions` and `attach NAME` look in all of them.
public struct ShareLocation: Sendable {
    public static let socketSuffix = ".sock"
    public let environment: [String: String]
    public let uid: uid_t

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, uid: uid_t = geteuid()) {
        self.environment = environment
        self.uid = uid
    }

    /// The directory a share with `groupName` (or none) goes in.
    public func directory(groupName: String?) -> String {
        if let groupName { return "/tmp/rlterm-\(uid)-\(groupName)" }
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") { return runtime + "/rlterm" }
        return "/tmp/rlterm-\(uid)"
    }

    /// Every directory where sessions the caller may see could be: its own runtime directory, then every
    /// `/tmp/rlterm-*` directory.
    public func searchDirectories() -> [String] {
        var directories: [String] = []
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") { directories.append(runtime + "/rlterm") }
        let shared = (try? FileManager.default.contentsOfDirectory(atPath: "/tmp")) ?? []
        directories += shared.filter(Self.isShareDirectoryName).sorted().map { "/tmp/" + $0 }
            .filter { path in Self.owner(of: path).map { "/tmp/rlterm-\($0)" == path || path.hasPrefix("/tmp/rlterm-\($0)-") } ?? false }
        return directories
    }

    /// `rlterm-UID` or `rlterm-UID-GROUP`: the names `directory(groupName:)` gives, and no other file of
    /// /tmp that happens to start with rlterm-. Its owner must be that UID, or it is someone's trap.
    static func isShareDirectoryName(_ name: String) -> Bool {
        guard name.hasPrefix("rlterm-") else { return false }
        let parts = name.dropFirst("rlterm-".count).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard let uid = parts.first, !uid.isEmpty, uid.allSatisfy(\.isASCII), uid.allSatisfy(\.isNumber) else { return false }
        return parts.count == 1 || !parts[1].isEmpty
    }

    /// Checks a session name: it becomes a file name, so no slashes, no leading dot, nothing odd.
    public static func check(name: String) throws(ShareError) {
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
        }
        guard (1...64).contains(name.count), allowed, !name.hasPrefix(".") else { throw .badName(name) }
    }

    /// Makes `path` a directory of ours with exactly `mode` and, with `group`, that group; refuses one that
    /// is a symbolic link, not a directory, or someone else's (a trap laid in /tmp).
    public func prepare(directory path: String, group: gid_t?) throws(ShareError) {
        let mode: mode_t = group == nil ? 0o700 : 0o750
        if mkdir(path, mode) != 0, errno != EEXIST { throw .system(path, call: "mkdir", errno: errno) }
        var status = stat()
        guard lstat(path, &status) == 0 else { throw .system(path, call: "lstat", errno: errno) }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw .unsafeDirectory(path, reason: "not a directory") }
        guard status.st_uid == uid else { throw .unsafeDirectory(path, reason: "owned by uid \(status.st_uid), not \(uid)") }
        if let group, chown(path, uid_t.max, group) != 0 { throw .system(path, call: "chown", errno: errno) }
        guard chmod(path, mode) == 0 else { throw .system(path, call: "chmod", errno: errno) }
    }

    /// The socket of the session named `nameOrPath`, or the path itself when it contains a slash. A name
    /// found in several directories is ambiguous; found nowhere, not found.
    public func resolve(_ nameOrPath: String) throws(ShareError) -> String {
        if nameOrPath.contains("/") { return nameOrPath }
        try Self.check(name: nameOrPath)
        let directories = searchDirectories()
        let found = directories.map { (directory: String) -> String in "\(directory)/\(nameOrPath)\(Self.socketSuffix)" }
            .filter { access($0, F_OK) == 0 }
        switch found.count {
        case 0: throw .notFound(nameOrPath, searched: directories)
        case 1: return found[0]
        default:
            // Prefer the caller's own session over other users' of the same name.
            let own = found.filter { Self.owner(of: $0) == uid }
            if own.count == 1 { return own[0] }
            throw .ambiguous(nameOrPath, paths: found)
        }
    }

    /// The sockets in the search directories that the caller may connect to.
    public func sockets() -> [String] {
        searchDirectories().flatMap { directory -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            return names.filter { $0.hasSuffix(Self.socketSuffix) }.sorted().map { "\(directory)/\($0)" }
        }.filter { access($0, R_OK | W_OK) == 0 }
    }

    static func owner(of path: String) -> uid_t? {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_uid : nil
    }

    /// The session name of a socket path: its file name without `.sock`.
    public static func name(of path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(socketSuffix) ? String(file.dropLast(socketSuffix.count)) : file
    }
}

extension ShareLocation {
    /// Whether a session answers at a socket.
    public enum Probe: Sendable, Equatable {
        case live
        /// Nobody listens: the session that made it is gone.
        case stale
        /// The caller may not connect (or the path is no socket).
        case unreachable
    }

    /// Connects to `path` and hangs up at once (the session logs a viewer that came and went).
    public static func probe(_ path: String) -> Probe {
        do {
            close(try UnixSocket.connect(path))
            return .live
        } catch .stale {
            return .stale
        } catch {
            return .unreachable
        }
    }

    public static func ownerID(of path: String) -> uid_t? { owner(of: path) }

    /// The owner's user name, or the uid when it has none.
    public static func ownerName(of path: String) -> String {
        guard let uid = owner(of: path) else { return "?" }
        guard let entry = getpwuid(uid) else { return "uid \(uid)" }
        return String(cString: entry.pointee.pw_name)
    }
}
