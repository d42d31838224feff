/// One character cell of a surface: a single-width character and its style.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: Style

    public init(_ character: Character, style: Style = .plain) {
        self.character = character
        self.style = style
    }

    /// A space in the default style: what an untouched surface holds.
    public static let blank = Cell(" ")
}
