/// Places the rows the token reader left unsettled by solving the whole table
/// (``CellPlacementSolver``): rows with fewer printed values than columns (their blank cells
/// vanished: `22 22` for seven columns, `row_short`) and runs of digits with several valid splits
/// or too many to list (`row_ambiguous`). Rows already read are the solver's known rows. Only rows
/// the solver settles are returned; the others keep the token reader's diagnostics and stay null.
/// Not run at all when no row is unsettled, or when the table has no identities to judge by.
struct TablePlacer {
    var template: TableTemplate

    struct Placed {
        var values: [PlacedReading]
        var diagnostic: Diagnostic
    }

    typealias Solver = CellPlacementSolver

    /// How one candidate of an open row reads its printed text.
    private enum Reading {
        /// Each printed value one cell: the column of each.
        case positions([Int])
        /// The printed digits split into cells (``DigitSplitter``'s vector).
        case split([Int64?])
    }

    /// An open row: its printed values and the candidates the solver chooses among, with the
    /// solver's vector of each.
    private struct Open {
        var tokens: [TableToken]
        var readings: [Reading]
        var vectors: [[Solver.Cell]]
        /// For a row whose blank cells the text marked one by one: the cells every split of its
        /// printed runs reads alike (the print alone fixes them); nil otherwise.
        var fixed: [Bool]? = nil
    }

    /// `settled`: the rows whose digits the ``DigitTableSolver`` split (by index into `assigned`).
    func place(
        _ assigned: [(row: Int, tokens: [TableToken])], _ resolved: [TokenTableReader.RowValues], settled: [Int: [Int64?]]
    ) -> [Int: Placed] {
        guard !template.rowIdentities.isEmpty || !template.columnIdentities.isEmpty else { return [:] }
        let columns = template.rows.map(\.slots).max() ?? 0
        let uniform = template.rows.allSatisfy { $0.slots == columns }
        var byRow: [Int: Int] = [:]
        for (k, a) in assigned.enumerated() { byRow[a.row] = k }
        var rows: [Solver.Row] = []
        var open: [Int: Open] = [:]  // by template row
        for r in template.rows.indices {
            let n = template.rows[r].slots
            let unknown = Solver.Row.known([Solver.Cell](repeating: .unknown, count: n))
            guard let k = byRow[r] else { rows.append(unknown); continue }
            switch resolved[k] {
            case .printed(let tokens):
                rows.append(.known(tokens.map(Self.cell)))
            case .other(let tokens):
                // Values on one line, apart only by whitespace (values on lines of their own, in
                // reading order, may be other rows' and are not placed).
                // A mark among few values may be a label's character (`无` of 无法提供): not placed.
                guard tokens.count < n, tokens.dropFirst().allSatisfy({ $0.gap != nil }), !tokens.contains(where: { $0.kind == .mark }),
                    // Digits are cut only where whitespace is no wider than one space per blank
                    // cell (a crawler's padding); wider gaps keep a layout, where a number is one cell.
                    let o = candidates(tokens, slots: n, placements: true, splits: tokens.allSatisfy { ($0.gap ?? 0) < n })
                else { rows.append(unknown); continue }
                open[r] = o
                rows.append(.open(o.vectors))
            case .split(_, _, let outcome, _):
                if let v = settled[k] {
                    rows.append(.known(v.map(Self.cell)))
                    continue
                }
                if case .candidates(let c) = outcome, c.isEmpty { rows.append(unknown); continue }
                guard let o = candidates(assigned[k].tokens, slots: n, placements: false, splits: true) else { rows.append(unknown); continue }
                open[r] = o
                rows.append(.open(o.vectors))
            }
        }
        guard !open.isEmpty else { return [:] }
        let results = Solver.solve(
            rows, columns: columns, identities: uniform ? template.columnIdentities : [], rowIdentities: uniform ? template.rowIdentities : [])
        // The table as solved: known rows, and open rows the solver settled.
        let solved: [[Solver.Cell]?] = rows.indices.map { r in
            switch rows[r] {
            case .known(let v): return v
            case .open(let vectors):
                if case .settled(let choice) = results[r] { return vectors[choice] }
                return nil
            }
        }
        var out: [Int: Placed] = [:]
        for (r, o) in open {
            // A reading is taken only when identities with printed totals check it: the row's own
            // (its total printed and equal to the sum), or, for a row whose total was left blank,
            // a column identity for each number it reads. A reading no identity checks is never settled.
            guard case .settled(let choice) = results[r], let k = byRow[r],
                Solver.rowConfirms(o.vectors[choice], identities: template.rowIdentities)
                    || (uniform && columnsConfirm(row: r, solved, cells: { _ in true }))
                    || decidedConfirm(o, choice: choice, row: r, solved, uniform: uniform)
            else { continue }
            out[k] = placed(o, o.readings[choice], row: r)
        }
        return out
    }

    /// For a row whose blank cells were marked: whether each cell its split decides (one the
    /// splits of its runs read differently) is checked by an identity with a printed total: a row
    /// identity holding it, or a column identity (``columnsConfirm(row:_:cells:)``). The cells the
    /// print fixes need no check.
    private func decidedConfirm(_ o: Open, choice: Int, row r: Int, _ solved: [[Solver.Cell]?], uniform: Bool) -> Bool {
        guard let fixed = o.fixed else { return false }
        let v = o.vectors[choice]
        let byRow = Set(
            template.rowIdentities.filter { id in
                guard id.total < v.count, case .number = v[id.total] else { return false }
                return id.parts.allSatisfy { $0 < v.count && v[$0] != .unknown } && Solver.rowHolds(v, identities: [id])
            }.flatMap { $0.parts + [$0.total] })
        let open = v.indices.filter { $0 < fixed.count && !fixed[$0] && !byRow.contains($0) }
        if open.isEmpty { return true }
        return uniform && columnsConfirm(row: r, solved, cells: { open.contains($0) })
            && open.allSatisfy { if case .number = v[$0] { return true } else { return false } }
    }

    /// Whether every number row `r` reads in the columns `cells` selects is checked by a column
    /// identity at the solved table: one that holds the row, whose cells in that column are all
    /// read and add up, and whose other side prints a number there.
    private func columnsConfirm(row r: Int, _ solved: [[Solver.Cell]?], cells: (Int) -> Bool) -> Bool {
        guard let mine = solved[r] else { return false }
        return mine.indices.allSatisfy { c in
            guard case .number = mine[c], cells(c) else { return true }
            return
                template.columnIdentities.contains { id in
                    guard id.lhs.contains(r) || id.rhs.contains(r) else { return false }
                    let other = id.lhs.contains(r) ? id.rhs : id.lhs
                    func cell(_ row: Int) -> Solver.Cell? {
                        guard row < solved.count, let v = solved[row], c < v.count else { return nil }
                        return v[c]
                    }
                    func sum(_ rows: [Int]) -> Int64? {
                        var total: Int64 = 0
                        for row in rows {
                            switch cell(row) {
                            case .number(let x): total += x
                            case .blank: break
                            case .unknown, nil: return nil
                            }
                        }
                        return total
                    }
                    guard let left = sum(id.lhs), let right = sum(id.rhs), left == right else { return false }
                    return other.contains { if case .number = cell($0) { return true } else { return false } }
                }
        }
    }

    /// The candidates of a row's printed values: each value one cell (`placements`), and the splits of its digits
    /// where whitespace may stand for blank cells (`splits`; trailing blanks lost too). Only
    /// candidates under which the row identities hold, confirmed ones preferred
    /// (``CellPlacementSolver/preferConfirmed(_:identities:vector:)``). Nil when there is none, or
    /// when the splits are too many to list (the true reading might be missing).
    private func candidates(_ tokens: [TableToken], slots n: Int, placements: Bool, splits: Bool) -> Open? {
        // Blank marks the row has no room for were spaces (as ``TokenTableReader/values(_:slots:runTogether:)`` reads them).
        let marked = TokenTableReader.markedPieces(tokens, slots: n)
        let tokens = marked == nil && tokens.contains(where: \.marked) ? TokenTableReader.unmarked(tokens) : tokens
        guard !tokens.isEmpty else { return nil }
        // Every split of the marked runs, identities aside: the cells they all read alike.
        var fixed: [Bool]? = nil
        if splits, let marked, case .candidates(let every) = DigitSplitter.split(pieces: marked.pieces, blanks: marked.blanks, slots: n, identities: [], exactBlanks: true),
            let first = every.first
        {
            fixed = first.indices.map { c in every.allSatisfy { $0[c] == first[c] } }
        }
        let rowIdentities = template.rowIdentities
        let placeable = placements && tokens.allSatisfy { ($0.kind == .number || $0.kind == .blank) && TokenTableReader.clean($0) }
        let splittable = splits && tokens.allSatisfy { $0.splitPiece != nil }
        var blanks = [0]
        for t in tokens.dropFirst() { blanks.append(t.gap ?? 0) }
        blanks.append(n - 1)
        let printed = tokens.map(Self.cell)
        func vector(_ reading: Reading) -> [Solver.Cell] {
            switch reading {
            case .positions(let p): return Solver.vector(printed, at: p, slots: n)
            case .split(let v): return v.map(Self.cell)
            }
        }
        // Readings that confirm the row identities first; only when there is none, the others.
        for confirmed in [true, false] where !rowIdentities.isEmpty || !confirmed {
            var readings: [Reading] = []
            var seen = Set<[Solver.Cell]>()
            if placeable {
                guard let positions = Solver.placements(printed, slots: n, identities: []) else { return nil }
                for p in positions where seen.insert(vector(.positions(p))).inserted { readings.append(.positions(p)) }
            }
            if splits, let marked {
                let outcome = DigitSplitter.split(
                    pieces: marked.pieces, blanks: marked.blanks, slots: n, identities: rowIdentities, blanksCountNothing: true,
                    requireTotals: confirmed, exactBlanks: true)
                guard case .candidates(let all) = outcome else { return nil }
                for v in all where seen.insert(vector(.split(v))).inserted { readings.append(.split(v)) }
            } else if splittable {
                let outcome = DigitSplitter.split(
                    pieces: tokens.map { $0.splitPiece! }, blanks: blanks, slots: n, identities: rowIdentities, blanksCountNothing: true,
                    requireTotals: confirmed)
                guard case .candidates(let all) = outcome else { return nil }
                for v in all where seen.insert(vector(.split(v))).inserted { readings.append(.split(v)) }
            }
            let vectors = readings.map(vector)
            let kept = vectors.indices.filter {
                confirmed ? Solver.rowConfirms(vectors[$0], identities: rowIdentities) : Solver.rowHolds(vectors[$0], identities: rowIdentities)
            }
            if !kept.isEmpty { return Open(tokens: tokens, readings: kept.map { readings[$0] }, vectors: kept.map { vectors[$0] }, fixed: fixed) }
        }
        return nil
    }

    private func placed(_ o: Open, _ reading: Reading, row r: Int) -> Placed {
        let name = "\(template.name) \(template.rows[r].spec.label)"
        let n = template.rows[r].slots
        let at = o.tokens.first?.at ?? .none
        let run = o.tokens.filter { !$0.marked }.map(\.text).joined(separator: " ")
        switch reading {
        case .positions(let positions):
            var readings = [PlacedReading](repeating: PlacedReading(reading: CellReading(value: nil, kind: .empty, raw: ""), at: at, column: nil), count: n)
            for (t, p) in zip(o.tokens, positions) { readings[p] = PlacedReading(reading: CellReading.read(t.text), at: t.at, column: nil) }
            let printed = o.tokens.map { $0.text.isEmpty ? "□" : $0.text }.joined(separator: " ")
            let show = readings.map { $0.reading.raw.isEmpty ? "□" : $0.reading.raw }.joined(separator: " | ")
            return Placed(
                values: readings,
                diagnostic: Diagnostic(
                    .note, .cellsPlaced,
                    "\(name): \(o.tokens.count) values for \(n) columns (\(printed)), blank cells lost; the only placement that satisfies the identities with the rest of the table is \(show) (□ blank)",
                    at: at))
        case .split(let v):
            let marks = o.tokens.filter { $0.kind == .mark }.map(\.text)
            var nextMark = 0
            let readings = v.map { x -> CellReading in
                if x == DigitSplitter.markValue {
                    defer { nextMark += 1 }
                    return CellReading(value: nil, kind: .notApplicable, raw: nextMark < marks.count ? marks[nextMark] : "/")
                }
                guard let x else { return CellReading(value: nil, kind: .empty, raw: "") }
                return CellReading(value: DecimalNumber(units: x), kind: .number, raw: run)
            }
            let show = v.map { $0 == DigitSplitter.markValue ? "/" : ($0.map(String.init) ?? "□") }.joined(separator: " | ")
            return Placed(
                values: readings.map { PlacedReading(reading: $0, at: at, column: nil) },
                diagnostic: Diagnostic(
                    .note, .digitsSplit,
                    "\(name): the run \"\(run)\" has lost its cell separators; the only split that satisfies the identities with the rest of the table is \(show)",
                    at: at))
        }
    }

    static func cell(_ t: TableToken) -> Solver.Cell {
        switch t.kind {
        // A mark (`/`, not applicable) counts nothing, as a blank does.
        case .blank, .mark: return .blank
        case .text: return .unknown
        case .number:
            let v = CellReading.read(t.text).value
            guard let v, v.isInteger else { return .unknown }
            return Solver.cell(v.units)
        }
    }

    static func cell(_ x: Int64?) -> Solver.Cell {
        x == DigitSplitter.markValue ? .blank : Solver.cell(x)
    }
}
