/// Reads Table 四: the 15 values of 行政复议 and the two 行政诉讼 blocks, usually printed on one row
/// below a vertical-text header.
struct ReviewLitigationReader: Sendable {
    var blankAsZero: Bool

    func read(_ rows: ArraySlice<GridRow>, diagnostics: inout [Diagnostic]) -> (cells: [Cell], found: Bool) {
        read(logical: RowCollector.collect(rows), diagnostics: &diagnostics)
    }

    /// Reads the table from logical rows (the grid's, or the token reader's). A complete row's
    /// readings are moved into its slots (``RowFiller/fill(taking:at:name:judge:diagnostics:)``):
    /// the rows are the reader's own, read no more once filled.
    func read(logical rows: consuming [LogicalRow], diagnostics: inout [Diagnostic]) -> (cells: [Cell], found: Bool) {
        // The rows kept, by index: filtering the rows copied each (its keys and values retained).
        let kept = rows.indices.filter { i in
            RowCollector.holds(rows[i].values) { $0.isNumberOrMark }
                || rows[i].values.count >= 5
        }
        guard !kept.isEmpty else { return ([], false) }
        let n = ReviewLitigationLayout.keys.count
        let canonical = RowPlacement.canonicalColumns(kept.map { rows[$0].values }, slots: n)
        let filler = RowFiller(slots: n, identities: Self.identities, canonicalColumns: canonical)
        // One row of 15, or the values of consecutive rows taken together (a wrapped row).
        var slots: [SlotValue?]
        if let full = kept.first(where: { rows[$0].values.count == n }) {
            let at = rows[full].at
            slots = filler.fill(taking: &rows[full].values, at: at, name: "Table 四", judge: { _ in .none }, diagnostics: &diagnostics)
        } else {
            var row = rows[kept[0]]
            row.values = kept.flatMap { rows[$0].values }
            if kept.count > 1 {
                diagnostics.append(
                    Diagnostic(
                        .note, .rowJoined,
                        "Table 四: values found on \(kept.count) rows; read together in printed order", at: row.at))
            }
            slots = filler.fill(row, name: "Table 四", judge: { _ in .none }, diagnostics: &diagnostics)
        }
        let keys = ReviewLitigationLayout.keys
        // In place: binding each slot copied it (its reading's strings retained and released).
        let cells = [Cell](unsafeUninitializedCapacity: slots.count) { out, count in
            SlotValue.writeCells(&slots, keys: keys, blankAsZero: blankAsZero, to: out, count: &count)
        }
        return (cells, true)
    }

    /// Each block's 总计 is the sum of its four results (I4), made once.
    static let identities = (0..<3).map { b in RowIdentity(parts: Array((b * 5)..<(b * 5 + 4)), total: b * 5 + 4) }
}
