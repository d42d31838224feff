/// What a traces file of an environment is declared as: its top-level `format`, which a reader checks first.
public protocol TraceSchema {
    /// The traces file's top-level `format`, e.g. `cartpole-traces/1`.
    static var traceFormat: String { get }
}
