import Foundation
import Testing
import RLCore

@Suite("Input files")
struct InputFileTests {
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "rlterm-input-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("a regular file is read whole or in parts, and its size is known before reading")
    func regularFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data([1, 2, 3, 4, 5]).write(to: URL(fileURLWithPath: directory + "/five"))
        let file = try InputFile(path: directory + "/five")
        #expect(file.size == 5)
        #expect(try file.readAll() == [1, 2, 3, 4, 5])
        #expect(try file.read(offset: 3, count: 2) == [4, 5])
        #expect(try file.read(offset: 5, count: 0) == [])
        #expect(throws: InputFileError.unreadable(path: directory + "/five",
                                                  reason: "the file ended at byte 5 while being read")) {
            try file.read(offset: 4, count: 2)
        }
    }

    @Test("a missing file, a directory, a device and a FIFO are refused at once, with a reason")
    func notRegularFiles() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: InputFileError.missing(path: directory + "/absent")) {
            try InputFile(path: directory + "/absent")
        }
        #expect(throws: InputFileError.missing(path: directory + "/absent/x")) {
            try InputFile(path: directory + "/absent/x")
        }
        #expect(throws: InputFileError.notRegularFile(path: directory, kind: "a directory")) {
            try InputFile(path: directory)
        }
        #expect(throws: InputFileError.notRegularFile(path: "/dev/zero", kind: "a device, pipe or socket")) {
            try InputFile(path: "/dev/zero")
        }
        // Opening a FIFO with no writer would block a plain open(2) for ever.
        let fifo = directory + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: InputFileError.notRegularFile(path: fifo, kind: "a device, pipe or socket")) {
            try InputFile(path: fifo)
        }
        #expect(InputFileError.missing(path: "m.txt").description == "m.txt: no such file")
        #expect(InputFileError.notRegularFile(path: "d", kind: "a directory").description
            == "d: it is a directory, not a regular file")
    }

    @Test("a file without read permission is unreadable, with the system's reason", .enabled(if: getuid() != 0))
    func noPermission() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/secret"
        try Data([1]).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, 0) == 0)
        #expect(throws: InputFileError.unreadable(path: path, reason: "permission denied")) {
            try InputFile(path: path)
        }
    }
}
