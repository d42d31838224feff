/// One number `rlterm bench` reports; `--json` prints an array of these.
struct BenchmarkFigure: Encodable {
    let name: String
    let value: Double
    let unit: String
}
