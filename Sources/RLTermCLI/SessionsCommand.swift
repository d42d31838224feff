import ArgumentParser
import Foundation
import Glibc
import Sharing

public struct SessionsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List the shared sessions you may attach to.",
        discussion: """
            One line per session: its name, the user who shares it and its socket. A socket whose session is \
            gone (killed without cleaning up) is removed when it is yours and marked stale otherwise.
            """
    )

    public init() {}

    public func run() throws {
        let location = ShareLocation()
        var rows: [[String]] = []
        for path in location.sockets() {
            let owner = ShareLocation.ownerName(of: path)
            switch ShareLocation.probe(path) {
            case .live:
                rows.append([ShareLocation.name(of: path), owner, path])
            case .stale where ShareLocation.ownerID(of: path) == geteuid():
                unlink(path)
                WatchCommand.printError("removed a stale socket: \(path)")
            case .stale:
                rows.append([ShareLocation.name(of: path), owner, path + " (stale)"])
            case .unreachable:
                continue
            }
        }
        guard !rows.isEmpty else {
            print("no shared sessions you can attach to (looked in \(location.searchDirectories().joined(separator: ", ")))")
            return
        }
        let widths = (0..<2).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            print(row[0].padding(toLength: widths[0], withPad: " ", startingAt: 0) + "  "
                  + row[1].padding(toLength: widths[1], withPad: " ", startingAt: 0) + "  " + row[2])
        }
    }
}
