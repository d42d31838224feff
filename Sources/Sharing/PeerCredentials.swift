import Glibc

/// Who is at the other end of a Unix socket, as the kernel vouches for it (SO_PEERCRED): the process, its
/// user and its group when it connected, and that process's supplementary groups.
public struct PeerCredentials: Sendable, Equatable {
    public var pid: Int32
    public var uid: uid_t
    public var gid: gid_t
    public var groups: [gid_t]

    public init(pid: Int32, uid: uid_t, gid: gid_t, groups: [gid_t] = []) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
        self.groups = groups
    }

    /// Linux's `struct ucred` (pid_t, uid_t, gid_t), which Swift's Glibc module does not import.
    private struct KernelCredentials {
        var pid: Int32 = 0
        var uid: UInt32 = 0
        var gid: UInt32 = 0
    }

    /// The credentials of the peer connected on `socket`, nil if the kernel gives none.
    public static func of(socket: Int32) -> PeerCredentials? {
        var credentials = KernelCredentials()
        var length = socklen_t(MemoryLayout<KernelCredentials>.size)
        guard getsockopt(socket, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0,
              length == socklen_t(MemoryLayout<KernelCredentials>.size) else { return nil }
        return PeerCredentials(pid: credentials.pid, uid: credentials.uid, gid: credentials.gid,
                               groups: supplementaryGroups(of: credentials.pid))
    }

    /// The `Groups:` line of /proc/PID/status: the kernel's list for that process (empty when it has gone).
    static func supplementaryGroups(of pid: Int32) -> [gid_t] {
        guard let file = fopen("/proc/\(pid)/status", "r") else { return [] }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0, let line {
            let text = String(cString: line)
            guard text.hasPrefix("Groups:") else { continue }
            return text.dropFirst("Groups:".count).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
                .compactMap { gid_t($0) }
        }
        return []
    }
}
