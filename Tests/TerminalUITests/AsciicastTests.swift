import Foundation
import Testing
@testable import TerminalUI

/// Frames written out as terminal bytes and as asciicast v2 events, the format `--record` writes.
@Suite("Recording: ANSI frames and asciicast v2")
struct AsciicastTests {
    static func surface(_ text: String, width: Int = 6, height: Int = 2, style: Style = .plain) -> MemorySurface {
        var surface = MemorySurface(width: width, height: height)
        surface.put(text, x: 1, y: 1, style: style, clip: Rect(x: 0, y: 0, width: width, height: height))
        return surface
    }

    @Test("a first frame clears the screen and draws every cell; the next sends only what changed")
    func frames() {
        let ansi = AnsiFrame(colorMode: .indexed256)
        let first = Self.surface("ab", style: Style(foreground: .red, attributes: .bold))
        let full = ansi.update(from: nil, to: first)
        #expect(full.hasPrefix("\u{1B}[0m\u{1B}[H\u{1B}[2J\u{1B}[1;1H\u{1B}[0m      "))
        #expect(full.contains("\u{1B}[2;2H\u{1B}[0;1;31mab"))
        #expect(full.hasSuffix("\u{1B}[2;4H\u{1B}[0m   "))
        let second = Self.surface("ac", style: Style(foreground: .red, attributes: .bold))
        #expect(ansi.update(from: first, to: second) == "\u{1B}[2;3H\u{1B}[0;1;31mc\u{1B}[0m")
        #expect(ansi.update(from: second, to: second).isEmpty)
    }

    @Test("colours follow the mode: 256-colour codes, the nearest basic colour, or none")
    func colours() {
        let style = Style(foreground: .indexed(196), background: .indexed(4))
        #expect(AnsiFrame(colorMode: .indexed256).sgr(style) == "\u{1B}[0;38;5;196;44m")
        #expect(AnsiFrame(colorMode: .eight).sgr(style) == "\u{1B}[0;31;44m")
        #expect(AnsiFrame(colorMode: .none).sgr(style.with(.reverse)) == "\u{1B}[0;7m")
    }

    @Test("header and events are JSON that a reader of the format takes back unchanged")
    func lines() throws {
        let header = AsciicastRecorder.header(width: 80, height: 24, timestamp: 1_700_000_000,
                                              environment: ["TERM": "xterm-256color", "SHELL": "/bin/bash"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(header.utf8)) as? [String: Any])
        #expect(parsed["version"] as? Int == 2 && parsed["width"] as? Int == 80 && parsed["height"] as? Int == 24)
        #expect(parsed["timestamp"] as? Int == 1_700_000_000)
        #expect((parsed["env"] as? [String: String]) == ["TERM": "xterm-256color", "SHELL": "/bin/bash"])
        let data = "\u{1B}[1;1H\"θ̇\" ⣿ \\ \u{7}\n\t"
        let event = AsciicastRecorder.event(at: 1.25, code: "o", data: data)
        #expect(event.hasPrefix("[1.250000, \"o\", "))
        let array = try #require(try JSONSerialization.jsonObject(with: Data(event.utf8)) as? [Any])
        #expect(array.count == 3 && array[0] as? Double == 1.25 && array[1] as? String == "o" && array[2] as? String == data)
    }

    @Test("a recording holds the header, each frame's output, and a resize event when the size changes")
    func recording() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rlterm-\(UUID()).cast").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let start = ContinuousClock.now
        let recorder = try AsciicastRecorder(path: path, width: 6, height: 2, colorMode: .none, start: start,
                                             environment: ["TERM": "screen", "HOME": "/root"])
        recorder.record(Self.surface("hi"), at: start + .milliseconds(10))
        recorder.record(Self.surface("hi"), at: start + .milliseconds(20))
        recorder.record(Self.surface("wide", width: 9, height: 3), at: start + .milliseconds(30))
        recorder.close()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "an unchanged frame writes nothing")
        #expect(!lines[0].contains("HOME"), "only TERM and SHELL are kept")
        #expect(lines[1].hasPrefix("[0.010000, \"o\", "))
        #expect(lines[2] == "[0.030000, \"r\", \"9x3\"]")
        #expect(lines[3].hasPrefix("[0.030000, \"o\", \"\\u001b[0m\\u001b[H\\u001b[2J"))
    }
}
