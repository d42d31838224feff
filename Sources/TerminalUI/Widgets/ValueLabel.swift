import Foundation

/// Short number labels for axes, legends and heatmap cells: at most five characters for |value| < 10⁵, at
/// most seven (-5.8e10) beyond, so a diverged value cannot push its neighbours off the line.
public enum ValueLabel {
    /// Two decimals below 10, one below 100, none below 10 000, then thousands with a `k` suffix below 10⁵,
    /// then a mantissa and power of ten: 0.95, -3.20, -13.0, 500, 12k, 5.8e7. Negative zero prints as 0.00.
    public static func compact(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        let magnitude = abs(value)
        let value = value == 0 ? 0 : value
        if magnitude >= 99_499.5 { return Self.magnitude(value) }
        if magnitude >= 9_999.5 { return String(format: "%.0fk", value / 1000) }
        if magnitude >= 99.95 { return String(format: "%.0f", value) }
        if magnitude >= 9.995 { return String(format: "%.1f", value) }
        return String(format: "%.2f", value)
    }

    /// A label for values spanning orders of magnitude (log-scale axes): `compact` from 0.01 up to 10⁴,
    /// otherwise one decimal of mantissa and the power of ten, e.g. 1.2e-3, 3.0e5.
    public static func magnitude(_ value: Double) -> String {
        let size = abs(value)
        guard value.isFinite, value != 0, size < 0.01 || size >= 9_999.5 else { return compact(value) }
        var exponent = Int(Foundation.log10(size).rounded(.down))
        var mantissa = value / pow(10, Double(exponent))
        if abs((mantissa * 10).rounded()) >= 100 {
            exponent += 1
            mantissa /= 10
        }
        return String(format: "%.1fe%d", mantissa, exponent)
    }
}
