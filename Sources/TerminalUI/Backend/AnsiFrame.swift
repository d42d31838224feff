/// A frame as the bytes a terminal would be sent to show it: what `CursesSurface` asks ncurses to do, written
/// out as ECMA-48 control sequences (cursor position CUP, SGR attributes and xterm's 256-colour SGR 38;5 /
/// 48;5) so that a recording can replay it anywhere.
public struct AnsiFrame {
    public let colorMode: ColorMode

    public init(colorMode: ColorMode) {
        self.colorMode = colorMode
    }

    /// The sequences that turn a terminal showing `previous` into one showing `frame`: only the changed runs,
    /// or a cleared screen and every cell when there was no previous frame of the same size.
    public func update(from previous: MemorySurface?, to frame: MemorySurface) -> String {
        let sameSize = previous.map { $0.width == frame.width && $0.height == frame.height } ?? false
        var output = sameSize ? "" : "\u{1B}[0m\u{1B}[H\u{1B}[2J"
        var current: Style?
        for run in frame.changedRuns(since: sameSize ? previous : nil) {
            output += "\u{1B}[\(run.y + 1);\(run.x + 1)H"
            if run.style != current {
                output += sgr(run.style)
                current = run.style
            }
            output += run.text
        }
        if current != nil, current != .plain { output += "\u{1B}[0m" }
        return output
    }

    /// One SGR sequence that resets, then sets the style's attributes and colours (as the mode shows them).
    func sgr(_ style: Style) -> String {
        var codes = ["0"]
        if style.attributes.contains(.bold) { codes.append("1") }
        if style.attributes.contains(.dim) { codes.append("2") }
        if style.attributes.contains(.reverse) { codes.append("7") }
        if case .indexed(let index) = style.foreground.degraded(to: colorMode) {
            codes.append(index < 8 ? "3\(index)" : "38;5;\(index)")
        }
        if case .indexed(let index) = style.background.degraded(to: colorMode) {
            codes.append(index < 8 ? "4\(index)" : "48;5;\(index)")
        }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
