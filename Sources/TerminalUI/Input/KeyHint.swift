/// One entry of a hint line: the key as the user types it and what it does, e.g. ("space", "pause"); or,
/// in a legend, a glyph and what it stands for, drawn in that glyph's own `keyStyle`.
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var action: String
    /// The style of `key`; nil uses the theme's key style.
    public var keyStyle: Style?

    public init(_ key: String, _ action: String, keyStyle: Style? = nil) {
        self.key = key
        self.action = action
        self.keyStyle = keyStyle
    }
}
