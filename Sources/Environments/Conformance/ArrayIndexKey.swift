/// A coding key naming an array element, so that errors found while validating a decoded array can point at
/// the element (e.g. `steps[16].state_hex[2]`) the way the decoder's own errors do.
struct ArrayIndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(_ index: Int) {
        intValue = index
    }

    init?(intValue: Int) {
        self.intValue = intValue
    }

    init?(stringValue: String) {
        return nil
    }
}
