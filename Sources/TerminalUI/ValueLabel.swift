import Foundation

/// Short number labels for axes, legends and heatmap cells: at most five characters for |value| < 10⁵.
public enum ValueLabel {
    /// Two decimals below 10, one below 100, none below 10 000, then thousands with a `k` suffix:
    /// 0.95, -3.20, -13.0, 500, 12k. Negative zero prints as 0.00.
    public static func compact(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        let magnitude = abs(value)
        let value = value == 0 ? 0 : value
        if magnitude >= 9_999.5 { return String(format: "%.0fk", value / 1000) }
        if magnitude >= 99.95 { return String(format: "%.0f", value) }
        if magnitude >= 9.995 { return String(format: "%.1f", value) }
        return String(format: "%.2f", value)
    }
}
