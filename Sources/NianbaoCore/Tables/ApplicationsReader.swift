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
    ///
    /// Rows are handled by their index in ``ApplicationsLayout/matcher``'s priority (a slot of
    /// arrays, not a String key hashed into dictionaries) and by their index into `logical`.
    /// A complete row's readings are moved into its slots (``RowFiller/fill(taking:at:name:judge:diagnostics:)``):
    /// the rows are the reader's own, read no more once filled.
    func read(logical: consuming [LogicalRow], diagnostics: inout [Diagnostic]) -> Result {
        let specs = ApplicationsLayout.matcher.priority
        // Per spec: the index of its row in `logical` (-1: not matched); `order`: the specs matched, in row order.
        var rowOf = [Int](repeating: -1, count: specs.count)
        var order: [Int] = []
        // Room for every spec (each is matched once at most): grown one row at a time, it was
        // made anew five or six times.
        order.reserveCapacity(specs.count)
        // By index through a buffer (`map` copied every row whole).
        var recognized: [Int?] = []
        recognized.reserveCapacity(logical.count)
        logical.withUnsafeBufferPointer { rows in
            for i in rows.indices { recognized.append(ApplicationsLayout.matcher.matchIndex(rows, i)) }
        }
        let byOrder = Self.placedByOrder(logical, recognized: recognized)
        for i in logical.indices {
            guard let s = recognized[i] ?? byOrder[i] else {
                // The row read in place (bound to a name, it was copied: a retain and a release of
                // each of its arrays and strings, for every row of the region no spec names).
                if RowCollector.holds(logical[i].values, { $0 == .number }) {
                    diagnostics.append(
                        Diagnostic(
                            .warning, .rowUnrecognized,
                            "Table 三: row \"\(logical[i].label)\" with values is not a row of the standard table; ignored", at: logical[i].at))
                }
                continue
            }
            if rowOf[s] >= 0 {
                diagnostics.append(
                    Diagnostic(
                        .warning, .rowDuplicate,
                        "Table 三: second row for \(specs[s].label) (\"\(logical[i].label)\"); the first one is kept", at: logical[i].at))
                continue
            }
            rowOf[s] = i
            order.append(s)
        }
        guard !order.isEmpty else { return Result(cells: [], found: false, splitOther: nil) }
        // A lone 总计 row (its keyword is a common word: a budget's 收入总计) is no Table 三.
        if order.count == 1 && order[0] == ApplicationsLayout.totalProcessedIndex {
            return Result(cells: [], found: false, splitOther: nil)
        }

        let hasSub = ApplicationsLayout.otherSubRowIndices.contains { rowOf[$0] >= 0 }
        let hasSingle = rowOf[ApplicationsLayout.otherTotalIndex] >= 0
        let splitOther: Bool? = hasSub ? true : (hasSingle ? false : nil)
        var layoutRows = hasSub || !hasSingle ? ApplicationsLayout.rows2021Indices : ApplicationsLayout.rowsSingleOtherIndices
        if hasSub && hasSingle {
            layoutRows.insert(ApplicationsLayout.otherTotalIndex, at: layoutRows.firstIndex(of: ApplicationsLayout.totalProcessedIndex)!)
        }

        let n = ApplicationsLayout.columns.count
        var state = [[SlotValue?]?](repeating: nil, count: specs.count)
        let resultRows = hasSub ? ApplicationsLayout.resultRowsSplitIndices : ApplicationsLayout.resultRowsSingleIndices
        // The rows borrowed through a buffer: `logical[i]` as an argument copied the row.
        logical.withUnsafeMutableBufferPointer { logical in
            // Complete rows first, so that the column identities can judge the placements of short rows.
            var ordered: [Int] = []
            ordered.reserveCapacity(order.count)
            var short: [Int] = []
            for s in order {
                if logical[rowOf[s]].values.count == n { ordered.append(s) } else { short.append(s) }
            }
            ordered += short
            // The column positions only place short rows: a table of complete rows needs none.
            var canonical: [Int]? = nil
            var centers: [Double]? = nil
            if !short.isEmpty {
                let matchedValues = order.map { logical[rowOf[$0]].values }
                canonical = RowPlacement.canonicalColumns(matchedValues, slots: n)
                centers = RowPlacement.columnCenters(matchedValues, slots: n)
            }
            let filler = RowFiller(
                slots: n, identities: [RowIdentity(parts: Array(0..<(n - 1)), total: n - 1)],
                canonicalColumns: canonical, centers: centers)
            for s in ordered {
                state[s] = filler.fill(
                    taking: &logical[rowOf[s]].values, at: logical[rowOf[s]].at, name: "Table 三 \(specs[s].label)",
                    judge: { vector in
                        Self.columnVerdicts(row: s, vector: vector, state: state, resultRows: resultRows)
                    }, diagnostics: &diagnostics)
            }
        }
        let cells = SlotValue.cells(
            &state, rows: layoutRows, keys: ApplicationsLayout.flatKeysByPriority, table: "Table 三", label: { specs[$0].label }, blankAsZero: blankAsZero,
            diagnostics: &diagnostics)
        return Result(cells: cells, found: true, splitOther: splitOther)
    }

    /// Rows of a scan whose misread label names no row, placed by the table's row order
    /// (``TemplateAligner``): spec index (in ``ApplicationsLayout/matcher``'s priority) by index
    /// into `logical`; `recognized`: the specs their labels name.
    static func placedByOrder(_ logical: [LogicalRow], recognized: [Int?]) -> [Int: Int] {
        var candidate: [Bool] = []
        candidate.reserveCapacity(logical.count)
        logical.withUnsafeBufferPointer { rows in
            for i in rows.indices { candidate.append(rows[i].isScanned && RowCollector.holds(rows[i].values) { $0 == .number }) }
        }
        guard candidate.contains(true) else { return [:] }
        let specs = ApplicationsLayout.matcher.priority
        let placed = ApplicationsLayout.aligner.align(labels: logical.map(\.label), matched: recognized.map { $0.map { specs[$0].key } }, candidate: candidate)
        return placed.compactMapValues { ApplicationsLayout.priorityIndex[$0] }
    }

    /// I1 and I2 for each column where every other input is already known: the columns where one
    /// fails with `vector` as the values of row `row`, and those where one holds and none fails.
    /// Rows are indices into ``ApplicationsLayout/matcher``'s priority (`state`: their slots so
    /// far; `resultRows`: the rows summed by （七）总计), looked up by index, not hashed by key.
    static func columnVerdicts(row: Int, vector: [DecimalNumber], state: [[SlotValue?]?], resultRows: [Int]) -> ColumnVerdicts {
        let total = ApplicationsLayout.totalProcessedIndex
        let balance = ApplicationsLayout.balanceIndices
        let inResults = resultRows.contains(row) || row == total
        let inI1 = balance.contains(row)
        guard inResults || inI1 else { return .none }
        func value(_ r: Int, _ c: Int) -> DecimalNumber? {
            if r == row { return vector[c] }
            guard let slots = state[r], let slot = slots[c] else { return nil }
            return slot.number
        }
        // `DecimalNumber.sum([x, y])`, the same fold, without the array (two made per column).
        func sum(_ x: DecimalNumber, _ y: DecimalNumber) -> DecimalNumber? { DecimalNumber(0).adding(x)?.adding(y) }
        var verdicts = ColumnVerdicts()
        var parts: [DecimalNumber] = []
        parts.reserveCapacity(resultRows.count)
        for c in 0..<vector.count {
            var fails = false
            var holds = false
            if inResults, let total = value(total, c) {
                parts.removeAll(keepingCapacity: true)
                for r in resultRows {
                    guard let v = value(r, c) else { break }
                    parts.append(v)
                }
                if parts.count == resultRows.count {
                    if DecimalNumber.sum(parts) != total { fails = true } else { holds = true }
                }
            }
            if inI1, let a = value(balance[0], c), let b = value(balance[1], c), let t = value(balance[2], c), let f = value(balance[3], c) {
                if sum(a, b).map({ $0 != sum(t, f) }) ?? true { fails = true } else { holds = true }
            }
            if fails { verdicts.failing.append(c) } else if holds { verdicts.holding.append(c) }
        }
        return verdicts
    }
}
