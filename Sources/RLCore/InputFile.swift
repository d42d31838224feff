#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A data file named on the command line (a map, a checkpoint), open for reading.
///
/// Only regular files are accepted: a directory, a device such as /dev/zero or a pipe is refused when it is
/// opened, with a reason a person can act on, instead of being read without end. The size is taken once, at
/// opening, so callers can refuse a file that is too large before reading any of it, and read only the parts
/// they need.
public final class InputFile {
    public let path: String
    /// The size in bytes when the file was opened.
    public let size: Int
    private let descriptor: Int32

    /// Opens `path`. The open does not block on a FIFO (it is refused as not a regular file afterwards).
    public init(path: String) throws(InputFileError) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw code == ENOENT || code == ENOTDIR
                ? .missing(path: path) : .unreadable(path: path, reason: Self.message(code))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw .unreadable(path: path, reason: Self.message(code))
        }
        let kind = status.st_mode & S_IFMT
        guard kind == S_IFREG else {
            close(descriptor)
            throw .notRegularFile(path: path, kind: kind == S_IFDIR ? "a directory" : "a device, pipe or socket")
        }
        self.descriptor = descriptor
        size = Int(status.st_size)
    }

    deinit {
        close(descriptor)
    }

    /// The `count` bytes at `offset`; fails if the file ends before them (it shrank after opening).
    public func read(offset: Int, count: Int) throws(InputFileError) -> [UInt8] {
        precondition(offset >= 0 && count >= 0, "a byte range starts and extends at or after 0")
        var done = 0
        var failure: InputFileError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            while done < count {
                let got = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if got > 0 {
                    done += got
                } else if got < 0 && errno == EINTR {
                    continue
                } else {
                    failure = got == 0
                        ? .unreadable(path: path, reason: "the file ended at byte \(offset + done) while being read")
                        : .unreadable(path: path, reason: Self.message(errno))
                    break
                }
            }
            initialized = done
        }
        if let failure { throw failure }
        return bytes
    }

    /// The whole file.
    public func readAll() throws(InputFileError) -> [UInt8] {
        try read(offset: 0, count: size)
    }

    private static func message(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
