/// A one-line message for whoever watches the session: a command's result (a checkpoint written) or why a
/// command was refused (a value out of range). `id` grows with every message, so a viewer can tell a new
/// message from one it has already shown.
public struct SessionMessage: Sendable, Equatable {
    public var id: Int
    public var text: String
    public var isError: Bool

    public init(id: Int, text: String, isError: Bool) {
        self.id = id
        self.text = text
        self.isError = isError
    }
}
