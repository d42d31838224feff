/// Plain-text tables for the experiment reports: rows of cells laid out as right-aligned columns.
enum TextColumns {
    /// Rows of cells as lines of right-aligned columns two spaces apart, two spaces in; every row has as many
    /// cells as the first.
    static func rightAligned(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            "  " + zip(row, widths).map { String(repeating: " ", count: $1 - $0.count) + $0 }.joined(separator: "  ")
        }
    }
}
