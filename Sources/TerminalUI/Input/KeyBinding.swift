/// One entry of the key table: an input event and the action it triggers.
public struct KeyBinding: Hashable, Sendable {
    public var event: InputEvent
    public var action: UIAction

    public init(_ event: InputEvent, _ action: UIAction) {
        self.event = event
        self.action = action
    }

    /// The key as a person types it: `space`, a printable character, an arrow glyph (`↑`, or `^` in
    /// ASCII), `^C` for a control character; nil for events that are not keys.
    public func label(glyphs: Glyphs) -> String? {
        switch event {
        case .character(32): return "space"
        case .character(27): return "Esc"
        case .character(let code) where code < 32: return "^" + String(UnicodeScalar(UInt8(code + 64)))
        case .character(let code): return Unicode.Scalar(code).map { String(Character($0)) }
        case .functionKey: return Arrow.allCases.first { InputEvent.arrowKey($0) == event }.map { String(glyphs.arrow($0)) }
        case .resize: return nil
        }
    }
}
