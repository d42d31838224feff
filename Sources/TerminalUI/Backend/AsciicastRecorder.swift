import Foundation

/// Writes the frames a screen shows into an asciicast v2 file (asciinema's format: a JSON header line, then
/// one JSON array per event, `[seconds, "o", text]` for output and `[seconds, "r", "WxH"]` for a resize).
/// Each event holds whole frames' text, so no UTF-8 character is ever split between two events.
public final class AsciicastRecorder {
    private let file: FileHandle
    private let frames: AnsiFrame
    private let start: ContinuousClock.Instant
    private var previous: MemorySurface?

    /// Creates (or empties) `path` and writes the header for a `width` × `height` terminal, with the time
    /// the recording starts and the terminal's TERM and SHELL as `env`.
    public init(path: String, width: Int, height: Int, colorMode: ColorMode, start: ContinuousClock.Instant,
                environment: [String: String]) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let file = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        self.file = file
        frames = AnsiFrame(colorMode: colorMode)
        self.start = start
        let header = Self.header(width: width, height: height, timestamp: Int(Date().timeIntervalSince1970),
                                 environment: environment.filter { ["TERM", "SHELL"].contains($0.key) })
        try file.write(contentsOf: Data((header + "\n").utf8))
    }

    /// The header line: `{"version": 2, "width": W, "height": H, "timestamp": T, "env": {…}}`.
    public static func header(width: Int, height: Int, timestamp: Int, environment: [String: String]) -> String {
        let env = environment.sorted { $0.key < $1.key }.map { "\(jsonString($0.key)): \(jsonString($0.value))" }
        return "{\"version\": 2, \"width\": \(width), \"height\": \(height), \"timestamp\": \(timestamp), "
            + "\"env\": {\(env.joined(separator: ", "))}}"
    }

    /// One event line: the time in seconds with microseconds, the code and the data as a JSON string.
    public static func event(at seconds: Double, code: String, data: String) -> String {
        "[\(String(format: "%.6f", seconds)), \(jsonString(code)), \(jsonString(data))]"
    }

    /// `text` as a JSON string literal (RFC 8259: quotes, backslashes and control characters escaped).
    static func jsonString(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                escaped += String(format: "\\u%04x", scalar.value)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }

    /// Records `frame` as shown at `now`: a resize event first when its size changed, then the output
    /// that draws it over the previous frame. A failed write stops nothing: the recording just ends there.
    public func record(_ frame: MemorySurface, at now: ContinuousClock.Instant) {
        let seconds = Double((now - start) / .microseconds(1)) / 1_000_000
        var lines = ""
        if let previous, previous.width != frame.width || previous.height != frame.height {
            lines += Self.event(at: seconds, code: "r", data: "\(frame.width)x\(frame.height)") + "\n"
        }
        let output = frames.update(from: previous, to: frame)
        previous = frame
        guard !output.isEmpty || !lines.isEmpty else { return }
        if !output.isEmpty { lines += Self.event(at: seconds, code: "o", data: output) + "\n" }
        try? file.write(contentsOf: Data(lines.utf8))
    }

    /// Flushes and closes the file.
    public func close() {
        try? file.synchronize()
        try? file.close()
    }
}
