/// Table 三 value rows that a converter printed apart from their labels, each row a line of bare
/// numbers, and with only some of the table's columns (tesseract's text of a borderless table: the
/// labels come as one block, then the first columns' values line by line, the other columns lost
/// or garbled elsewhere).
///
/// The labels cannot place these lines; the template order and the identities can, and only when
/// nothing else is open: every row of the table is read complete except one run of consecutive
/// template rows, and the region holds exactly one block of consecutive lines, each of the same
/// number `k` of bare counts, with exactly as many lines as the run has rows, printed after the
/// rows read before the run and before the rows read after it. Line `i` is then row `i` of the run.
///
/// Which `k` of the seven columns the lines hold is not printed; every choice of `k` columns in
/// their printed order is tried under the column identities (I1, I2) against the complete rows,
/// the row identity (I3) and non-negative counts. A cell is taken only when every choice that
/// holds gives it the same value: printed (`number`) when every such choice puts the same printed
/// value there, `inferred` when some choice determines it from the identities instead (a zero
/// forced by a zero total). Every other cell of those rows stays null.
enum DetachedValueRows {
    /// Lines with more counts than this are no row of Table 三.
    static let maxCount = 10

    /// A line of bare counts (non-negative integers without leading zeros, a lone `0` fine).
    static func counts(_ row: GridRow) -> [Int64]? {
        var out: [Int64] = []
        for piece in row.text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }) {
            guard piece.count <= DigitSplitter.maxCellDigits, piece.allSatisfy({ $0.isASCII && $0.isNumber }),
                !(piece.count > 1 && piece.hasPrefix("0")), let v = Int64(piece)
            else { return nil }
            out.append(v)
            if out.count > maxCount { return nil }
        }
        return out.isEmpty ? nil : out
    }

    /// The Table 三 cells of `reading` with the run of rows it left open filled from a detached
    /// block of value lines, the rows filled and the lines used; nil when nothing can be placed
    /// with certainty.
    static func applications(
        _ rows: ArraySlice<GridRow>, reading cells: [Cell], template: TableTemplate, diagnostics: inout [Diagnostic]
    ) -> (cells: [Cell], rows: [RowSpec], lines: Set<Location>)? {
        let n = ApplicationsLayout.columns.count
        guard template.rows.allSatisfy({ $0.slots == n }), !template.columnIdentities.isEmpty else { return nil }
        var byKey: [String: Cell] = [:]
        for c in cells where byKey[c.key] == nil { byKey[c.key] = c }
        // The rows read complete (their identity holding); the others must be one run.
        var known: [[Int64]?] = []
        for row in template.rows {
            let v = ApplicationsLayout.columns.map { c -> Int64? in
                guard let x = byKey[ApplicationsLayout.key(row.spec.key, c)]?.value, x.isInteger, x.scale == 0, x.units >= 0 else { return nil }
                return x.units
            }
            let complete =
                v.allSatisfy { $0 != nil }
                && template.rowIdentities.allSatisfy { id in
                    id.parts.reduce(Int64(0)) { $0 + v[$1]! } == v[id.total]!
                }
            known.append(complete ? v.map { $0! } : nil)
        }
        let open = known.indices.filter { known[$0] == nil }
        guard let a = open.first, let last = open.last, open.count == last - a + 1, open.count >= 2 else { return nil }
        let b = last + 1

        // Where the rows read before and after the run were printed, by row of the region.
        var lineOf: [Location: Int] = [:]
        for (i, row) in zip(rows.indices, rows) {
            for c in row.cells where lineOf[c.at] == nil { lineOf[c.at] = i }
            if lineOf[row.at] == nil { lineOf[row.at] = i }
        }
        func lines(_ range: Range<Int>) -> [Int] {
            range.flatMap { r in
                ApplicationsLayout.columns.compactMap { c in byKey[ApplicationsLayout.key(template.rows[r].spec.key, c)].flatMap { lineOf[$0.at] } }
            }
        }
        let after = lines(0..<a).max() ?? (rows.startIndex - 1)
        let before = lines(b..<template.rows.count).min() ?? rows.endIndex

        // Blocks of consecutive lines of the same number of counts.
        var blocks: [(start: Int, values: [[Int64]])] = []
        var current: (start: Int, values: [[Int64]])? = nil
        for i in rows.indices {
            let v = counts(rows[i])
            if let v, let c = current, c.values[0].count == v.count {
                current!.values.append(v)
                continue
            }
            if let c = current { blocks.append(c) }
            current = v.map { (i, [$0]) }
        }
        if let c = current { blocks.append(c) }
        let fitting = blocks.filter { $0.values.count == open.count && $0.values[0].count >= 2 && $0.values[0].count <= n }
        guard fitting.count == 1, let block = fitting.first, block.start > after, block.start + block.values.count <= before else { return nil }
        // No other block of that many lines or more anywhere: which one holds the rows would be a guess.
        guard blocks.filter({ $0.values.count >= open.count }).count == 1 else { return nil }
        let k = block.values[0].count

        // Every choice of k columns that the identities allow, with the cells it determines.
        var outcomes: [[[Determined?]]] = []
        for columns in ColumnChoice.all(k, of: n) {
            if let m = determine(known: known, run: a..<b, block: block.values, columns: columns, template: template) {
                outcomes.append(m)
            }
        }
        guard let first = outcomes.first else { return nil }
        var filled: [String: [Cell]] = [:]
        var inferred = 0
        var taken = 0
        for (i, r) in (a..<b).enumerated() {
            let spec = template.rows[r].spec
            let at = rows[block.start + i].at
            var rowCells: [Cell] = []
            for (c, column) in ApplicationsLayout.columns.enumerated() {
                guard let d = first[i][c], outcomes.allSatisfy({ $0[i][c]?.value == d.value }) else { continue }
                let printed = outcomes.allSatisfy { $0[i][c]?.index != nil && $0[i][c]?.index == d.index }
                let key = ApplicationsLayout.key(spec.key, column)
                if printed, let index = d.index {
                    rowCells.append(Cell(key: key, value: DecimalNumber(units: d.value), raw: String(block.values[i][index]), kind: .number, at: at))
                } else {
                    rowCells.append(Cell(key: key, value: DecimalNumber(units: d.value), raw: nil, kind: .inferred, at: at))
                    inferred += 1
                }
                taken += 1
            }
            if !rowCells.isEmpty { filled[spec.key] = rowCells }
        }
        guard taken > 0 else { return nil }
        let names = "\(template.rows[a].spec.label) … \(template.rows[b - 1].spec.label)"
        diagnostics.append(
            Diagnostic(
                .note, .valuesDetached,
                "Table 三: \(open.count) lines of \(k) values printed apart from their labels are the rows \(names), the only rows the table leaves open, in template order; \(outcomes.count) choice(s) of their columns satisfy the identities, and the \(taken) cells they agree on are taken (\(inferred) of them inferred), the others left null",
                at: rows[block.start].at))
        var merged: [Cell] = []
        var placed = Set<String>()
        for row in template.rows {
            if let new = filled[row.spec.key] {
                merged += new
            } else if (a..<b).contains(template.index(of: row.spec.key)!) {
                // A row of the run: what the reading had of it is replaced by the block's line.
            } else {
                merged += ApplicationsLayout.columns.compactMap { byKey[ApplicationsLayout.key(row.spec.key, $0)] }
            }
            for c in ApplicationsLayout.columns { placed.insert(ApplicationsLayout.key(row.spec.key, c)) }
        }
        merged += cells.filter { !placed.contains($0.key) }
        let lines = Set((block.start..<(block.start + block.values.count)).map { rows[$0].at })
        return (merged, (a..<b).map { template.rows[$0].spec }, lines)
    }

    /// A cell's value under one choice of columns: `index` the printed value of the line it is,
    /// nil when the identities determine it.
    struct Determined: Equatable {
        var value: Int64
        var index: Int?
    }

    /// The run's cells under one choice of columns: printed, forced by the identities, or nil
    /// (open). Nil when the choice breaks an identity or a count would be negative.
    static func determine(
        known: [[Int64]?], run: Range<Int>, block: [[Int64]], columns: [Int], template: TableTemplate
    ) -> [[Determined?]]? {
        let n = ApplicationsLayout.columns.count
        var m: [[Determined?]] = known.map { $0.map { $0.map { Determined(value: $0, index: nil) } } ?? [Determined?](repeating: nil, count: n) }
        for (i, r) in run.enumerated() {
            for (j, c) in columns.enumerated() { m[r][c] = Determined(value: block[i][j], index: j) }
        }
        // Sums with their open cells: every open cell is a count (≥ 0). Repeated until nothing changes.
        var equations: [(lhs: [(Int, Int)], rhs: [(Int, Int)])] = []
        for id in template.columnIdentities {
            for c in 0..<n { equations.append((id.lhs.map { ($0, c) }, id.rhs.map { ($0, c) })) }
        }
        for r in run {
            for id in template.rowIdentities { equations.append((id.parts.map { (r, $0) }, [(r, id.total)])) }
        }
        var changed = true
        while changed {
            changed = false
            for e in equations {
                let lhsKnown = e.lhs.compactMap { m[$0.0][$0.1]?.value }.reduce(0, +)
                let rhsKnown = e.rhs.compactMap { m[$0.0][$0.1]?.value }.reduce(0, +)
                let lhsOpen = e.lhs.filter { m[$0.0][$0.1] == nil }
                let rhsOpen = e.rhs.filter { m[$0.0][$0.1] == nil }
                switch (lhsOpen.isEmpty, rhsOpen.isEmpty) {
                case (true, true):
                    if lhsKnown != rhsKnown { return nil }
                case (false, true), (true, false):
                    let open = lhsOpen.isEmpty ? rhsOpen : lhsOpen
                    let rest = lhsOpen.isEmpty ? lhsKnown - rhsKnown : rhsKnown - lhsKnown
                    if rest < 0 { return nil }
                    if rest == 0 || open.count == 1 {
                        // All open cells zero, or the one open cell the difference.
                        for (r, c) in open { m[r][c] = Determined(value: rest, index: nil) }
                        changed = true
                    }
                case (false, false):
                    break
                }
            }
        }
        return Array(m[run])
    }
}
