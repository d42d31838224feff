import TerminalUI

/// Test helpers: render a widget into a fresh in-memory surface and read it back as text.
enum Rendering {
    static let asciiMono = Theme(colorMode: .none, charset: .ascii)
    static let unicodeMono = Theme(colorMode: .none, charset: .unicode)
    static let unicode256 = Theme(colorMode: .indexed256, charset: .unicode)
    static let unicode8 = Theme(colorMode: .eight, charset: .unicode)

    /// The surface after rendering `widget` into the whole of a `width` × `height` surface.
    static func surface(_ widget: some Widget, width: Int, height: Int, theme: Theme) -> MemorySurface {
        var surface = MemorySurface(width: width, height: height)
        widget.render(into: &surface, area: surface.bounds, theme: theme)
        return surface
    }

    static func lines(_ widget: some Widget, width: Int, height: Int, theme: Theme) -> [String] {
        surface(widget, width: width, height: height, theme: theme).lines
    }
}
