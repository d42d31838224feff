/// Why `--q-values "x1,x2,…"` is not an observation of the checkpoint's environment (exit status 64).
public enum ObservationQueryError: Error, CustomStringConvertible, Equatable {
    /// Item `position` (1-based) of the list is not a finite number.
    case notANumber(position: Int, text: String)
    case wrongLength(expected: Int, got: Int, environment: String)

    public var description: String {
        switch self {
        case .notANumber(let position, let text):
            return "--q-values: item \(position), '\(text)', is not a finite number"
        case .wrongLength(let expected, let got, let environment):
            return "--q-values: \(environment) observations have \(expected) values, got \(got)"
        }
    }
}
