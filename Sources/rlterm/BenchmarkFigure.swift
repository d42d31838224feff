/// One line of `rlterm bench`: a measured `value` in `unit`, or a fact about the machine or build in `text`
/// (the CPU model, the kernel choice). `--json` prints an array of these, leaving out the absent fields.
struct BenchmarkFigure: Encodable {
    let name: String
    let value: Double?
    let unit: String?
    let text: String?

    init(name: String, value: Double, unit: String) {
        self.name = name
        self.value = value
        self.unit = unit
        text = nil
    }

    init(name: String, text: String) {
        self.name = name
        value = nil
        unit = nil
        self.text = text
    }
}
