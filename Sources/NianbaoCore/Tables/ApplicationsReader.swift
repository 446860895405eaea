/// Reads Table 三 from the rows of its region into cells keyed `applications.<row>.<column>`.
struct ApplicationsReader: Sendable {
    struct Result: Sendable {
        var cells: [Cell]
        /// Whether the table was found at all.
        var found: Bool
        /// The （六） rows are split into 1./2./3. (2021 format).
        var splitOther: Bool?
    }

    var blankAsZero: Bool

    func read(_ rows: ArraySlice<GridRow>, diagnostics: inout [Diagnostic]) -> Result {
        read(logical: RowCollector.collect(rows), diagnostics: &diagnostics)
    }

    /// Reads the table from logical rows (the grid's, or the token reader's).
    func read(logical: [LogicalRow], diagnostics: inout [Diagnostic]) -> Result {
        var matched: [(spec: RowSpec, row: LogicalRow)] = []
        var seen = Set<String>()
        let recognized = logical.map { ApplicationsLayout.matcher.match($0) }
        let byOrder = Self.placedByOrder(logical, recognized: recognized)
        for (i, row) in logical.enumerated() {
            guard let spec = recognized[i] ?? byOrder[i] else {
                if row.values.contains(where: { $0.reading.kind == .number }) {
                    diagnostics.append(
                        Diagnostic(
                            .warning, .rowUnrecognized,
                            "Table 三: row \"\(row.label)\" with values is not a row of the standard table; ignored", at: row.at))
                }
                continue
            }
            if seen.contains(spec.key) {
                diagnostics.append(
                    Diagnostic(
                        .warning, .rowDuplicate,
                        "Table 三: second row for \(spec.label) (\"\(row.label)\"); the first one is kept", at: row.at))
                continue
            }
            seen.insert(spec.key)
            matched.append((spec, row))
        }
        guard !matched.isEmpty else { return Result(cells: [], found: false, splitOther: nil) }
        // A lone 总计 row (its keyword is a common word: a budget's 收入总计) is no Table 三.
        if matched.count == 1 && matched[0].spec.key == ApplicationsLayout.totalProcessed.key {
            return Result(cells: [], found: false, splitOther: nil)
        }

        let hasSub = ApplicationsLayout.otherSubRows.contains { seen.contains($0.key) }
        let hasSingle = seen.contains("other.total")
        let splitOther: Bool? = hasSub ? true : (hasSingle ? false : nil)
        var layoutRows = hasSub || !hasSingle ? ApplicationsLayout.rows2021 : ApplicationsLayout.rowsSingleOther
        if hasSub && hasSingle { layoutRows.insert(ApplicationsLayout.otherTotal, at: layoutRows.firstIndex { $0.key == "total_processed" }!) }

        let n = ApplicationsLayout.columns.count
        let canonical = RowPlacement.canonicalColumns(matched.map(\.row.values), slots: n)
        let centers = RowPlacement.columnCenters(matched.map(\.row.values), slots: n)
        let filler = RowFiller(
            slots: n, identities: [RowIdentity(parts: Array(0..<(n - 1)), total: n - 1)],
            canonicalColumns: canonical, centers: centers)
        var state: [String: [SlotValue?]] = [:]
        // Complete rows first, so that the column identities can judge the placements of short rows.
        let ordered = matched.filter { $0.row.values.count == n } + matched.filter { $0.row.values.count != n }
        let resultRows = ApplicationsLayout.resultRows(singleOther: !hasSub)
        for (spec, row) in ordered {
            state[spec.key] = filler.fill(
                row, name: "Table 三 \(spec.label)",
                accept: { vector in
                    Self.columnsConsistent(rowKey: spec.key, vector: vector, state: state, resultRows: resultRows)
                }, diagnostics: &diagnostics)
        }
        var cells: [Cell] = []
        for spec in layoutRows {
            guard let slots = state[spec.key] else {
                diagnostics.append(Diagnostic(.warning, .rowMissing, "Table 三: row \(spec.label) not found"))
                continue
            }
            guard let keys = ApplicationsLayout.flatKeysByColumn[spec.key] else { continue }
            for (c, slot) in slots.enumerated() {
                if let slot { cells.append(slot.cell(key: keys[c], blankAsZero: blankAsZero)) }
            }
        }
        return Result(cells: cells, found: true, splitOther: splitOther)
    }

    /// Rows of a scan whose misread label names no row, placed by the table's row order
    /// (``TemplateAligner``), by index into `logical`; `recognized`: the rows their labels name.
    static func placedByOrder(_ logical: [LogicalRow], recognized: [RowSpec?]) -> [Int: RowSpec] {
        let candidate = logical.map { $0.isScanned && $0.values.contains { $0.reading.kind == .number } }
        guard candidate.contains(true) else { return [:] }
        let placed = ApplicationsLayout.aligner.align(labels: logical.map(\.label), matched: recognized.map { $0?.key }, candidate: candidate)
        return placed.compactMapValues { ApplicationsLayout.specs[$0] }
    }

    /// I1 and I2 for each column where every other input is already known.
    static func columnsConsistent(rowKey: String, vector: [DecimalNumber], state: [String: [SlotValue?]], resultRows: [String]) -> Bool {
        let i1 = ["new_received", "carried_over", "total_processed", "carried_forward"]
        let inResults = resultRows.contains(rowKey) || rowKey == "total_processed"
        let inI1 = i1.contains(rowKey)
        guard inResults || inI1 else { return true }
        // Each row's slots looked up once, not once per column and identity (the solver calls
        // this for every candidate placement).
        struct Source {
            var isRow: Bool
            var slots: [SlotValue?]?
        }
        func source(_ key: String) -> Source { key == rowKey ? Source(isRow: true, slots: nil) : Source(isRow: false, slots: state[key]) }
        func value(_ s: Source, _ c: Int) -> DecimalNumber? {
            if s.isRow { return vector[c] }
            guard let slots = s.slots, let slot = slots[c] else { return nil }
            return slot.number
        }
        let results = inResults ? resultRows.map(source) : []
        let total = source("total_processed")
        let balance = inI1 ? i1.map(source) : []
        for c in 0..<vector.count {
            if inResults {
                let parts = results.map { value($0, c) }
                if let total = value(total, c), !parts.contains(where: { $0 == nil }) {
                    if DecimalNumber.sum(parts.map { $0! }) != total { return false }
                }
            }
            if inI1 {
                let v = balance.map { value($0, c) }
                if !v.contains(where: { $0 == nil }),
                    DecimalNumber.sum([v[0]!, v[1]!]).map({ $0 != DecimalNumber.sum([v[2]!, v[3]!]) }) ?? true
                {
                    return false
                }
            }
        }
        return true
    }
}
