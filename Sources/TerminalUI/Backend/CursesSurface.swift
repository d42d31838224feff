import CNCurses

/// Puts rendered frames on the real terminal. Each frame is compared with the one before and only the
/// cells that changed are written, in runs of equal style, so a steady screen costs almost no output and
/// the terminal is never cleared per frame (only curses' buffer is erased when the window size changes).
///
/// Colours are degraded to `colorMode` and mapped to curses colour pairs, each pair defined the first time
/// a foreground/background combination is used; when the terminal runs out of pairs the default pair is
/// used. Call from the thread that owns the `CursesScreen`.
public final class CursesSurface {
    public let colorMode: ColorMode
    private let screen: CursesScreen
    private var previous: MemorySurface?
    private var pairs: [PairKey: Int16] = [:]

    private struct PairKey: Hashable {
        let foreground: Int16
        let background: Int16
    }

    public init(screen: CursesScreen, colorMode: ColorMode) {
        self.screen = screen
        self.colorMode = colorMode
    }

    /// Makes the terminal show `frame` and refreshes it.
    public func present(_ frame: MemorySurface) {
        if previous?.width != frame.width || previous?.height != frame.height {
            screen.erase()
        }
        for run in frame.changedRuns(since: previous) {
            screen.put(run.text, row: run.y, column: run.x, attributes: attributes(of: run.style),
                       colorPair: pair(for: run.style))
        }
        screen.refresh()
        previous = frame
    }

    private func attributes(of style: Style) -> Int32 {
        var bits: Int32 = 0
        if style.attributes.contains(.bold) { bits |= rlterm_attr_bold() }
        if style.attributes.contains(.dim) { bits |= rlterm_attr_dim() }
        if style.attributes.contains(.reverse) { bits |= rlterm_attr_reverse() }
        return bits
    }

    private func pair(for style: Style) -> Int16 {
        func number(_ color: Color) -> Int16 {
            if case .indexed(let index) = color.degraded(to: colorMode) { return Int16(index) }
            return -1
        }
        let key = PairKey(foreground: number(style.foreground), background: number(style.background))
        if key == PairKey(foreground: -1, background: -1) { return 0 }
        if let known = pairs[key] { return known }
        let next = pairs.count + 1
        guard next < screen.colorPairCount, next <= Int(Int16.max) else { return 0 }
        screen.definePair(Int16(next), foreground: key.foreground, background: key.background)
        pairs[key] = Int16(next)
        return Int16(next)
    }
}
