import Foundation

/// Whole-file replacement that never leaves a half-written file under the final name.
enum AtomicFile {
    /// Writes `bytes` to a temporary file beside `path`, fsyncs it, renames it onto `path` and fsyncs the
    /// directory so the rename itself is durable.
    static func write(_ bytes: [UInt8], to path: String) throws(CheckpointError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: systemError("cannot create \(temporary)")) }
        var written = 0
        let failure: String? = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return systemError("write failed")
                }
                written += result
            }
            return fsync(descriptor) == 0 ? nil : systemError("fsync failed")
        }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw .cannotWrite(path: path, reason: failure)
        }
        guard rename(temporary, path) == 0 else {
            let reason = systemError("cannot rename \(temporary)")
            unlink(temporary)
            throw .cannotWrite(path: path, reason: reason)
        }
        let directoryDescriptor = open(directory, O_RDONLY)
        if directoryDescriptor >= 0 {
            defer { close(directoryDescriptor) }
            guard fsync(directoryDescriptor) == 0 else { throw .cannotWrite(path: path, reason: systemError("directory fsync failed")) }
        }
    }

    private static func systemError(_ what: String) -> String {
        "\(what): \(String(cString: strerror(errno)))"
    }
}
