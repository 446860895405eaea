/// A table row as the interpreter sees it: its label (from this row and any label-only rows before it)
/// and its trailing value cells.
///
/// The keys and the label joined from several parts are joined when read (most rows' never
/// are): the row keeps the parts. (No initializer of its own here: the memberwise one, which the
/// row collector uses, builds the row in place; an explicit one made it copy each row it built.)
struct LogicalRow: Sendable {
    /// Label cells of the row itself, left to right, in match form.
    var labelKeys: [String]
    /// The label-only rows just above, one key each (``pendingKey`` is them joined).
    var pendingPieces: [String] = []
    /// What ``followingKey`` is joined from: the keys of the label-only rows below, or the one
    /// key set.
    var followingKeyParts: [String] = []
    /// What the label as printed is joined from (see ``label``).
    var printedLabel: PrintedLabel
    /// The value cells, left to right.
    var values: [PlacedReading]
    var at: Location
}

extension LogicalRow {
    /// A row whose keys and printed label are already joined.
    init(
        labelKeys: [String], pendingPieces: [String] = [], followingKey: String = "", label: String, values: [PlacedReading],
        at: Location
    ) {
        self.init(
            labelKeys: labelKeys, pendingPieces: pendingPieces,
            followingKeyParts: followingKey.isEmpty ? [] : [followingKey], printedLabel: PrintedLabel(label), values: values, at: at)
    }

    /// Label text of label-only rows just above (wrapped labels), in match form, joined. Joined
    /// when read: the matchers read it only for a row whose own label names no row.
    var pendingKey: String { RowCollector.joined(pendingPieces) }

    /// Label text of label-only rows just below, before the next row with values, joined, when
    /// that next row has a label of its own (so the rows below are not its label). Joined when
    /// read, as ``pendingKey``.
    var followingKey: String {
        get { RowCollector.joined(followingKeyParts) }
        set { followingKeyParts = newValue.isEmpty ? [] : [newValue] }
    }

    /// The label as printed (display form), for diagnostics and the scanned-row aligner. Joined
    /// when read: most rows' labels are never read, and joining every row's cost a string made
    /// per row of several label cells.
    var label: String { printedLabel.text }

    /// Whether the row was read by OCR (its cells carry `.scan` locations). The places read by
    /// index through the buffer (`contains(where:)` copied each reading it looked at: a retain
    /// and a release of its strings).
    var isScanned: Bool {
        at.isScan || values.withUnsafeBufferPointer { b in b.indices.contains { b[$0].at.isScan } }
    }
}
