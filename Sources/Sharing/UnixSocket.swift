import Glibc

/// The few Unix-domain socket calls sharing needs, with errors that name the path.
enum UnixSocket {
    /// `sockaddr_un.sun_path` holds 108 bytes including the terminating zero.
    static let maxPathBytes = 107

    static func address(_ path: String) throws(ShareError) -> sockaddr_un {
        let bytes = Array(path.utf8)
        guard bytes.count <= maxPathBytes else { throw .pathTooLong(path) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return address
    }

    static func stream(_ path: String) throws(ShareError) -> Int32 {
        let socket = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard socket >= 0 else { throw .system(path, call: "socket", errno: errno) }
        return socket
    }

    /// `call` (connect or bind) on `socket` with `address` as the generic socket address it takes.
    static func with(_ address: sockaddr_un, _ socket: Int32,
                     _ call: (Int32, UnsafePointer<sockaddr>, socklen_t) -> Int32) -> Int32 {
        withUnsafePointer(to: address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { call(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }

    /// A connected socket to `path`; a socket nobody listens on any more is `.stale`.
    static func connect(_ path: String) throws(ShareError) -> Int32 {
        let address = try address(path)
        let socket = try stream(path)
        guard with(address, socket, Glibc.connect) == 0 else {
            let code = errno
            close(socket)
            switch code {
            case ECONNREFUSED: throw .stale(path: path)
            case EACCES, EPERM: throw .permissionDenied(path: path)
            case ENOENT: throw .notFound(path, searched: [path])
            default: throw .system(path, call: "connect", errno: code)
            }
        }
        return socket
    }

    /// A listening socket bound at `path`, which must not exist.
    static func listen(_ path: String) throws(ShareError) -> Int32 {
        let address = try address(path)
        let socket = try stream(path)
        guard with(address, socket, bind) == 0 else {
            let code = errno
            close(socket)
            throw .system(path, call: "bind", errno: code)
        }
        guard Glibc.listen(socket, 64) == 0 else {
            let code = errno
            close(socket)
            unlink(path)
            throw .system(path, call: "listen", errno: code)
        }
        return socket
    }

    static func setNonBlocking(_ socket: Int32) {
        _ = fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK)
    }

    /// Writes all of `bytes`, waiting at most `patience` milliseconds each time a non-blocking socket is full
    /// (-1: as long as it takes); false when the peer is gone or too slow. Never raises SIGPIPE.
    static func writeAll(_ socket: Int32, _ bytes: [UInt8], patience: Int32 = -1) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                send(socket, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written > 0 {
                offset += written
                continue
            }
            guard written < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else { return false }
            var entry = pollfd(fd: socket, events: Int16(POLLOUT), revents: 0)
            guard errno == EINTR || poll(&entry, 1, patience) > 0 else { return false }
        }
        return true
    }
}
