/// A table row as the interpreter sees it: its label (from this row and any label-only rows before it)
/// and its trailing value cells.
struct LogicalRow: Sendable {
    /// Label cells of the row itself, left to right, in match form.
    var labelKeys: [String]
    /// Label text of label-only rows just above (wrapped labels), in match form, joined.
    var pendingKey: String
    /// The label-only rows just above, one key each (``pendingKey`` is them joined).
    var pendingPieces: [String] = []
    /// Label text of label-only rows just below, before the next row with values, joined, when
    /// that next row has a label of its own (so the rows below are not its label).
    var followingKey: String = ""
    /// The label as printed (display form), for diagnostics.
    var label: String
    /// The value cells, left to right.
    var values: [PlacedReading]
    var at: Location
}

extension LogicalRow {
    /// Whether the row was read by OCR (its cells carry `.scan` locations).
    var isScanned: Bool {
        at.isScan || values.contains { $0.at.isScan }
    }
}
