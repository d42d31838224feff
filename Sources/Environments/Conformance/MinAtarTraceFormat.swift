/// The schema of every MinAtar traces file, whatever the game; the file's `game` says which.
public enum MinAtarTraceFormat: TraceSchema {
    public static var traceFormat: String { "minatar-traces/1" }
}
