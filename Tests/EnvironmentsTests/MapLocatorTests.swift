import Foundation
import Testing
@testable import Environments

@Suite("Finding the map an --env argument names")
struct MapLocatorTests {
    /// A fresh empty directory for one test.
    static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rlterm-maps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    @Test("a name with no local file gives the built-in map")
    func builtin() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let map = try MapLocator(directory: directory).load("maze")
        #expect(map.name == "Maze" && map.source == "envs/maze.txt")
    }

    @Test("envs/NAME.txt in the working directory overrides the built-in map of that name")
    func localOverride() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/envs", withIntermediateDirectories: true)
        try "SG\n".write(toFile: directory + "/envs/maze.txt", atomically: true, encoding: .utf8)
        try "S.\n.G\n".write(toFile: directory + "/envs/mine.txt", atomically: true, encoding: .utf8)
        let locator = MapLocator(directory: directory)
        #expect(try locator.load("maze").cells == [.start, .goal])
        #expect(try locator.load("mine").rows == 2)
        #expect(locator.availableNames() == ["cliffwalking", "fourrooms", "frozenlake4x4", "frozenlake8x8", "maze", "mine"])
    }

    @Test("paths are read from disk: an existing file, anything with '/', anything ending in .txt")
    func paths() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "SFG\n".write(toFile: directory + "/corridor", atomically: true, encoding: .utf8)
        let locator = MapLocator(directory: directory)
        #expect(try locator.load("corridor").cols == 3)
        #expect(try locator.load(directory + "/corridor").cols == 3)
        #expect(throws: MapLoadError.self) { try locator.load("maze.txt") }
        do {
            _ = try locator.load("maps/maze")
            Issue.record("a missing path loaded")
        } catch {
            guard case .missingFile(let path) = error else { Issue.record("wrong error \(error)"); return }
            #expect(path == "maps/maze")
        }
    }

    @Test("an unknown name lists what is available; a directory and a bad map are reported as such")
    func failures() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/envs", withIntermediateDirectories: true)
        try "SFX\n".write(toFile: directory + "/envs/bad.txt", atomically: true, encoding: .utf8)
        let locator = MapLocator(directory: directory)
        do {
            _ = try locator.load("nowhere")
            Issue.record("an unknown name loaded")
        } catch {
            #expect(error.description.contains("cliffwalking, fourrooms") && error.description.contains("bad"))
        }
        do {
            _ = try locator.load("bad")
            Issue.record("a bad map loaded")
        } catch {
            guard case .invalidMap(let mapError) = error else { Issue.record("wrong error \(error)"); return }
            #expect(mapError.description.hasPrefix("envs/bad.txt:1:3: unknown cell character 'X'"))
        }
        do {
            _ = try locator.load(directory + "/envs/")
            Issue.record("a directory loaded")
        } catch {
            #expect(error.description
                == directory + "/envs/: cannot read map file: it is a directory, not a regular file")
        }
    }

    @Test("a device is refused unread (it was read without end), a missing file names itself first")
    func devices() {
        func message(_ argument: String) -> String? {
            do {
                _ = try MapLocator().load(argument)
                return nil
            } catch {
                return error.description
            }
        }
        #expect(message("/dev/zero")
            == "/dev/zero: cannot read map file: it is a device, pipe or socket, not a regular file")
        #expect(message("maps/gone.txt") == "maps/gone.txt: no such map file")
    }
}
