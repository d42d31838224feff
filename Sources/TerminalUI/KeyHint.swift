/// One entry of the key-hint line: the key as the user types it and what it does, e.g. ("space", "pause").
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var action: String

    public init(_ key: String, _ action: String) {
        self.key = key
        self.action = action
    }
}
