/// The groups the help overlay lists keys in: driving the run, changing what learns, changing what is shown.
public enum KeyGroup: Hashable, Sendable, CaseIterable {
    case run
    case learn
    case view

    /// The group's heading in the help overlay.
    public var title: String {
        switch self {
        case .run: "Run"
        case .learn: "Learn"
        case .view: "View"
        }
    }
}
