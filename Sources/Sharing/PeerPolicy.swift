import Glibc

/// Who may watch a shared session and who may also steer it: the owner always; with `--share-group`, the
/// members of that group (as primary or supplementary group); control only for the users `--allow-control`
/// names — the owner's own viewers too are read-only unless named, so a second terminal cannot steer by accident. The socket's file modes already keep others out; this is the check that holds
/// even for a peer that got past them.
public struct PeerPolicy: Sendable, Equatable {
    public var owner: uid_t
    public var group: gid_t?
    public var controllers: Set<uid_t>

    public init(owner: uid_t, group: gid_t? = nil, controllers: Set<uid_t> = []) {
        self.owner = owner
        self.group = group
        self.controllers = controllers
    }

    /// Whether `peer` may watch.
    public func admits(_ peer: PeerCredentials) -> Bool {
        if peer.uid == owner { return true }
        guard let group else { return false }
        return peer.gid == group || peer.groups.contains(group)
    }

    /// Whether an admitted `peer`'s commands go to the session.
    public func grantsControl(to peer: PeerCredentials) -> Bool {
        controllers.contains(peer.uid)
    }
}
