import ArgumentParser
import Foundation
import Glibc
import Sharing
import Training

/// `rlterm watch`'s options for classroom mode: publish the session for `rlterm attach` viewers.
public struct ShareOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Share the session under this name for 'rlterm attach NAME' (only you, unless --share-group); "
                               + "a bare --share names it '\(Self.defaultName)'.",
                               valueName: "name"))
    var share: String?

    @Option(help: ArgumentHelp("Let the members of this group attach too (socket 0660, directory 0750).", valueName: "group"))
    var shareGroup: String?

    @Option(help: ArgumentHelp("Let this user's viewers steer the training like the teacher's keys (repeatable).",
                               valueName: "user"))
    var allowControl: [String] = []

    public init() {}

    /// The name of a share whose `--share` names none.
    public static let defaultName = "rlterm"

    /// ArgumentParser has no option whose value may be left out, so a bare `--share` (the last argument, or one
    /// followed by another option) is given `defaultName` before the arguments are parsed.
    public static func namingBareShare(_ arguments: [String]) -> [String] {
        var named: [String] = []
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { return named + arguments[index...] }
            let next = arguments.indices.contains(index + 1) ? arguments[index + 1] : nil
            if argument == "--share", next.map({ $0.hasPrefix("-") }) ?? true {
                named.append("--share=\(defaultName)")
            } else {
                named.append(argument)
            }
        }
        return named
    }

    public func validate() throws {
        if share == nil, shareGroup != nil || !allowControl.isEmpty {
            throw ValidationError("--share-group and --allow-control need --share [NAME]")
        }
        if let share {
            do {
                try ShareLocation.check(name: share)
            } catch {
                throw ValidationError("--share: \(error)")
            }
        }
    }

    /// Starts sharing `session` when --share was given: the directory and socket made with their modes, the
    /// users and group looked up, every connection logged to NAME.log beside the socket.
    func start(_ session: TrainingSession) throws -> ShareServer? {
        guard let share else { return nil }
        do {
            let group = try shareGroup.map { name throws(ShareError) -> gid_t in
                guard let entry = getgrnam(name) else { throw .unknownGroup(name) }
                return entry.pointee.gr_gid
            }
            let controllers = try allowControl.map { name throws(ShareError) -> uid_t in
                guard let entry = getpwnam(name) else { throw .unknownUser(name) }
                return entry.pointee.pw_uid
            }
            let location = ShareLocation()
            let directory = location.directory(groupName: shareGroup)
            try location.prepare(directory: directory, group: group)
            let logPath = "\(directory)/\(share).log"
            return try ShareServer(
                name: share, socketPath: "\(directory)/\(share)\(ShareLocation.socketSuffix)",
                policy: PeerPolicy(owner: geteuid(), group: group, controllers: Set(controllers)), group: group,
                snapshot: { session.snapshot() }, send: { session.send($0) },
                log: { Self.append("\(Date()) \($0)\n", to: logPath) })
        } catch {
            throw CommandFailure(error)
        }
    }

    /// The status line's note: the viewers attached now and the connections refused so far.
    static func note(_ server: ShareServer) -> String {
        let status = server.status
        let viewers = status.viewers == 1 ? "1 viewer" : "\(status.viewers) viewers"
        return "shared \(server.name): \(viewers)" + (status.refused > 0 ? ", \(status.refused) refused" : "")
    }

    /// Appends a line to the share's log, which only its owner may read.
    static func append(_ line: String, to path: String) {
        let file = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard file >= 0 else { return }
        _ = Array(line.utf8).withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
        close(file)
    }
}
