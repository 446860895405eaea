/// Reads Table 四: the 15 values of 行政复议 and the two 行政诉讼 blocks, usually printed on one row
/// below a vertical-text header.
struct ReviewLitigationReader: Sendable {
    var blankAsZero: Bool

    func read(_ rows: ArraySlice<GridRow>, diagnostics: inout [Diagnostic]) -> (cells: [Cell], found: Bool) {
        read(logical: RowCollector.collect(rows), diagnostics: &diagnostics)
    }

    /// Reads the table from logical rows (the grid's, or the token reader's).
    func read(logical rows: [LogicalRow], diagnostics: inout [Diagnostic]) -> (cells: [Cell], found: Bool) {
        let logical = rows.filter { row in
            row.values.contains { $0.reading.kind == .number || $0.reading.kind == .notApplicable }
                || row.values.count >= 5
        }
        guard !logical.isEmpty else { return ([], false) }
        let n = ReviewLitigationLayout.keys.count
        // One row of 15, or the values of consecutive rows taken together (a wrapped row).
        var row: LogicalRow
        if let full = logical.first(where: { $0.values.count == n }) {
            row = full
        } else {
            row = logical[0]
            row.values = logical.flatMap(\.values)
            if logical.count > 1 {
                diagnostics.append(
                    Diagnostic(
                        .note, .rowJoined,
                        "Table 四: values found on \(logical.count) rows; read together in printed order", at: row.at))
            }
        }
        let canonical = RowPlacement.canonicalColumns(logical.map(\.values), slots: n)
        let filler = RowFiller(slots: n, identities: Self.identities, canonicalColumns: canonical)
        let slots = filler.fill(row, name: "Table 四", judge: { _ in .none }, diagnostics: &diagnostics)
        let keys = ReviewLitigationLayout.keys
        var cells: [Cell] = []
        cells.reserveCapacity(n)
        for i in slots.indices {
            if let slot = slots[i] { cells.append(slot.cell(key: keys[i], blankAsZero: blankAsZero)) }
        }
        return (cells, true)
    }

    /// Each block's 总计 is the sum of its four results (I4), made once.
    static let identities = (0..<3).map { b in RowIdentity(parts: Array((b * 5)..<(b * 5 + 4)), total: b * 5 + 4) }
}
