/// Table 三 rows of text that OCR made of a ruled table (tesseract's text of page images), read
/// again where the grid and token readers left them incomplete or failing their row identity.
///
/// OCR reads the rulings between cells as `|`, `l`, `I` or `[` (separators), but also as a digit
/// glued to the cell's digits (`01|101010410` for `0 | 0 | 0 | 0 | 0`, `175` for `|75`), mostly
/// `1`, sometimes `4`, and reads a `0` as `o`. A row's value text is therefore read in every way
/// that takes some of those `1`, `4` and `o` characters for rulings: each reading must be exactly
/// the row's seven non-negative counts (no leading zeros, a lone 0 fine) and satisfy the row
/// identity (I3). The readings of all rows are then settled together under the column identities
/// (I1, I2) by ``DigitTableSolver``: a row is taken only when every assignment of the table that
/// satisfies them gives it the same values. Two or more readings left: the row stays null with a
/// `row_ambiguous` diagnostic listing them.
///
/// What is taken is not what OCR printed: the cells are `inferred` with an `ocr_inferred`
/// diagnostic quoting the OCR text, and each is kept only when a passing identity confirms it: a
/// column identity (I1, I2), or for a zero its row's identity (a row that holds as `x = x` vouches
/// for its zeros only, as on scans). Rows whose printed values already hold are not read again.
///
/// Rows the first look leaves open get a second (``looseRulingDigits``, `p`, and `工` for 1),
/// the rows it settled kept; readings that a column identity rules out by non-negative counts
/// alone are dropped before each solve (``bounded(_:identities:)``). Of a row still read several
/// ways, the cells every remaining reading agrees on are taken, the others left null; a zero
/// among them is also confirmed by printed zeros on the other side of a column identity.
enum OCRTextRows {
    static let maxSteps = 200_000
    static let maxReadings = 64
    /// A longer run is no row of seven counts (and the search recurses once per character).
    static let maxSymbols = 256

    enum Symbol: Equatable {
        /// A digit; `ruling`: it may be a table ruling OCR read as a character (`1`, `4`, `o`).
        case digit(Int64, ruling: Bool)
        case separator
    }

    /// The symbols of an OCR'd value run; nil when it holds anything else (a label, a mark).
    /// `loose`: the second look at rows the first left open (``looseRulingDigits``, `工` for 1).
    static func symbols(_ text: String, loose: Bool = false) -> [Symbol]? {
        var out: [Symbol] = []
        var digits = 0
        for c in text.unicodeScalars {
            switch c {
            case "0"..."9":
                let d = Int64(c.value - 0x30)
                out.append(.digit(d, ruling: d == 1 || d == 4 || (loose && looseRulingDigits.contains(d))))
                digits += 1
            case "工" where loose:
                // A serifed 1 (`I`) read as the character it looks like.
                out.append(.digit(1, ruling: false))
                digits += 1
            case "o", "O": out.append(.digit(0, ruling: true))
            case " ", "|", "l", "I", "[", "]": out.append(.separator)
            case "p" where loose:
                // `po` for `|o`: a ruling read as a letter.
                out.append(.separator)
            default: return nil
            }
        }
        return digits > 0 ? out : nil
    }

    enum Outcome: Equatable {
        case readings([[Int64]])
        /// The search was cut off: nothing can be chosen.
        case tooMany
    }

    /// Every reading of `text` as `slots` counts satisfying `identities`, where characters a ruling
    /// may have made are tried both as the ruling and as what OCR printed. Distinct readings, in
    /// the order found.
    /// With `lostCell`, readings of `slots - 1` counts are taken too, the lost cell put at each
    /// position in turn and solved from the row identity (OCR drops a cell now and then: `18 |0 0 0
    /// 0 118` for seven cells).
    static func readings(_ text: String, slots: Int, identities: [RowIdentity], lostCell: Bool = false, loose: Bool = false) -> Outcome? {
        guard let symbols = symbols(text, loose: loose) else { return nil }
        if symbols.count > maxSymbols { return .tooMany }
        var out: [[Int64]] = []
        var seen = Set<[Int64]>()
        var cells: [Int64] = []
        var steps = 0
        var cut = false
        func holds(_ v: [Int64]) -> Bool {
            identities.allSatisfy { id in id.parts.reduce(Int64(0)) { $0 + v[$1] } == v[id.total] }
        }
        func go(_ i: Int, _ current: Int64?, _ length: Int) {
            if cut { return }
            steps += 1
            if steps > maxSteps { cut = true; return }
            if cells.count + (current == nil ? 0 : 1) > slots { return }
            if i == symbols.count {
                var done = cells
                if let current { done.append(current) }
                if done.count == slots, holds(done), seen.insert(done).inserted {
                    out.append(done)
                    if out.count > maxReadings { cut = true }
                } else if lostCell, done.count == slots - 1 {
                    for full in withLostCell(done, slots: slots, identities: identities) where seen.insert(full).inserted {
                        out.append(full)
                        if out.count > maxReadings { cut = true }
                    }
                }
                return
            }
            func separate() {
                if let current {
                    cells.append(current)
                    go(i + 1, nil, 0)
                    cells.removeLast()
                } else {
                    go(i + 1, nil, 0)
                }
            }
            switch symbols[i] {
            case .separator:
                separate()
            case .digit(let d, let ruling):
                // No leading zero (a lone 0 is fine); counts stay far below 10¹⁰.
                if current != 0 && length < DigitSplitter.maxCellDigits { go(i + 1, (current ?? 0) * 10 + d, length + 1) }
                if ruling { separate() }
            }
        }
        go(0, nil, 0)
        return cut ? .tooMany : .readings(out)
    }

    /// `values` with one cell inserted at each position, solved from the identity that holds that
    /// position (a non-negative count), where every identity then holds.
    static func withLostCell(_ values: [Int64], slots: Int, identities: [RowIdentity]) -> [[Int64]] {
        var out: [[Int64]] = []
        for gap in 0..<slots {
            guard let id = identities.first(where: { $0.involves(gap) }) else { continue }
            var v = values
            v.insert(0, at: gap)
            let parts = id.parts.filter { $0 != gap }.reduce(Int64(0)) { $0 + v[$1] }
            let x = gap == id.total ? parts : v[id.total] - parts
            guard x >= 0 else { continue }
            v[gap] = x
            if identities.allSatisfy({ i in i.parts.reduce(Int64(0)) { $0 + v[$1] } == v[i.total] }) { out.append(v) }
        }
        return out
    }

    /// Whether a cell's text can be (part of) an OCR'd value run.
    static func valueCell(_ text: String, loose: Bool = false) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy { c in ("0"..."9").contains(c) || "oOlI|[] ".unicodeScalars.contains(c) || (loose && (c == "工" || c == "p")) }
    }

    /// Digits OCR also made of rulings, tried as rulings only on the second look, for rows the
    /// first left open (`1310` for `|10`, `190` for `|0`).
    static let looseRulingDigits: Set<Int64> = [3, 7, 9]

    /// The rows of the region with a value run at their end, each with the template row its label
    /// (or the label-only rows just above) names, or the row the table's order places it at
    /// (``TemplateAligner``: OCR garbles labels but keeps the ruled order of the rows).
    static func runs(_ rows: ArraySlice<GridRow>, template: TableTemplate, loose: Bool = false) -> [(key: String, text: String, at: Location)] {
        var logical: [LogicalRow] = []
        var texts: [String] = []
        var pending: [String] = []
        for row in rows {
            var k = row.cells.count
            while k > 0, valueCell(row.cells[k - 1].text, loose: loose) { k -= 1 }
            let run = row.cells[k...].map(\.text).joined(separator: " ")
            guard k < row.cells.count, symbols(run, loose: loose) != nil else {
                pending.append(row.text)
                if pending.count > 3 { pending.removeFirst() }
                continue
            }
            let label = row.cells[..<k].map(\.text).joined(separator: " ")
            let pendingKeys = pending.map { TextNormalizer.matchKey($0) }
            logical.append(
                LogicalRow(
                    labelKeys: row.cells[..<k].map { TextNormalizer.matchKey($0.text) }, pendingPieces: pendingKeys, label: (pending + [label]).joined(separator: " "),
                    values: [PlacedReading(reading: CellReading(value: DecimalNumber(0), kind: .number, raw: run), at: row.at)],
                    at: row.at))
            texts.append(run)
            pending = []
        }
        let recognized = logical.map { ApplicationsLayout.matcher.match($0) }
        // The rows of this table's template only: with （六） split, （六）其他处理 is no free row.
        let placed = TemplateAligner(template: template.rows.map(\.spec)).align(
            labels: logical.map(\.label), matched: recognized.map { $0?.key }, candidate: logical.map { !$0.label.isEmpty })
        var out: [(key: String, text: String, at: Location)] = []
        var seen = Set<String>()
        var twice = Set<String>()
        for i in logical.indices {
            guard let key = recognized[i]?.key ?? placed[i] else { continue }
            if !seen.insert(key).inserted { twice.insert(key) }
            out.append((key, texts[i], logical[i].at))
        }
        // A row named twice: which run is its own is not known.
        return out.filter { !twice.contains($0.key) }
    }

    /// The Table 三 cells of `reading` with the rows OCR left incomplete or failing read again, and
    /// the rows read again; nil when no row could be.
    static func applications(
        _ rows: ArraySlice<GridRow>, reading cells: [Cell], template: TableTemplate, diagnostics: inout [Diagnostic]
    ) -> (cells: [Cell], rows: [RowSpec])? {
        let n = ApplicationsLayout.columns.count
        guard template.rows.allSatisfy({ $0.slots == n }) else { return nil }
        var byKey: [String: Cell] = [:]
        for c in cells where byKey[c.key] == nil { byKey[c.key] = c }
        let tightRuns = Dictionary(runs(rows, template: template).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var solverRows: [DigitTableSolver.Row] = []
        var open: [Int: (text: String, at: Location, readings: [[Int64]])] = [:]
        var lostCell = Set<Int>()  // rows read with one cell OCR dropped
        var looseRows = Set<Int>()  // rows read on the second look
        var tooMany: [Int: (text: String, at: Location)] = [:]
        var incomplete: [Int] = []
        for (r, row) in template.rows.enumerated() {
            let key = row.spec.key
            let printed = ApplicationsLayout.columns.map { c -> Int64? in
                guard let v = byKey[ApplicationsLayout.key(key, c)]?.value, v.isInteger, v.scale == 0 else { return nil }
                return v.units
            }
            let complete =
                printed.allSatisfy { $0 != nil }
                && template.rowIdentities.allSatisfy { id in
                    id.parts.reduce(Int64(0)) { $0 + printed[$1]! } == printed[id.total]!
                }
            if complete {
                solverRows.append(.known(printed))
                continue
            }
            incomplete.append(r)
            solverRows.append(.known([Int64?](repeating: nil, count: n)))
        }
        /// The readings of a run: seven counts, or six with the cell OCR dropped when none fits.
        func outcome(_ text: String, loose: Bool) -> (Outcome, lost: Bool)? {
            guard let outcome = readings(text, slots: n, identities: template.rowIdentities, loose: loose) else { return nil }
            if outcome == .readings([]), let lost = readings(text, slots: n, identities: template.rowIdentities, lostCell: true, loose: loose) {
                if case .readings(let list) = lost, !list.isEmpty { return (lost, true) }
            }
            return (outcome, false)
        }
        for r in incomplete {
            guard let run = tightRuns[template.rows[r].spec.key], let (result, lost) = outcome(run.text, loose: false) else { continue }
            if lost { lostCell.insert(r) }
            switch result {
            case .tooMany:
                tooMany[r] = (run.text, run.at)
            case .readings(let list):
                open[r] = (run.text, run.at, list)
                solverRows[r] = .choices(list.map { $0.map { Optional($0) } })
            }
        }
        var solved = DigitTableSolver.solve(bounded(solverRows, identities: template.columnIdentities), columns: n, identities: template.columnIdentities)
        // Second look at the rows left open (or with no run): more digits tried as rulings, `工`
        // as 1. The rows the first look settled stay as settled; the whole table is solved again.
        let unsettled = incomplete.filter { r in
            if case .settled = solved[r] { return false }
            return true
        }
        if !unsettled.isEmpty {
            let looseRuns = Dictionary(runs(rows, template: template, loose: true).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            var second = solverRows
            for r in incomplete {
                if case .settled(let v) = solved[r] { second[r] = .choices([v]) }
            }
            var changed = false
            for r in unsettled {
                guard let run = looseRuns[template.rows[r].spec.key], let (result, lost) = outcome(run.text, loose: true),
                    case .readings(let list) = result, !list.isEmpty
                else { continue }
                // The first look's readings are among the second's when the run is the same.
                if let first = open[r], first.text == run.text, Set(first.readings) == Set(list) { continue }
                open[r] = (run.text, run.at, list)
                tooMany[r] = nil
                looseRows.insert(r)
                if lost { lostCell.insert(r) } else { lostCell.remove(r) }
                second[r] = .choices(list.map { $0.map { Optional($0) } })
                changed = true
            }
            if changed {
                solved = DigitTableSolver.solve(bounded(second, identities: template.columnIdentities), columns: n, identities: template.columnIdentities)
            }
        }
        var notes: [Diagnostic] = []
        for (r, run) in tooMany.sorted(by: { $0.key < $1.key }) {
            notes.append(
                Diagnostic(
                    .warning, .rowAmbiguous,
                    "Table 三 \(template.rows[r].spec.label): the OCR text \"\(run.text)\" reads as \(n) counts in too many ways; values left null", at: run.at))
        }
        guard !open.isEmpty else { return nil }
        var reread: [String: [Cell]] = [:]
        var partial: [String: [Cell]] = [:]  // rows of which only the cells every reading agrees on are taken
        for (r, run) in open.sorted(by: { $0.key < $1.key }) {
            let spec = template.rows[r].spec
            switch solved[r] {
            case .settled(let v):
                let values = v.map { $0 ?? 0 }
                reread[spec.key] = zip(ApplicationsLayout.columns, values).map { c, x in
                    Cell(key: ApplicationsLayout.key(spec.key, c), value: DecimalNumber(units: x), raw: nil, kind: .inferred, at: run.at)
                }
                notes.append(
                    Diagnostic(
                        .warning, .ocrInferred,
                        "Table 三 \(spec.label): OCR read \"\(run.text)\"; taking table rulings read as \(looseRows.contains(r) ? "1, 3, 4, 7, 9, o or p" : "1, 4 or o") out\(looseRows.contains(r) && run.text.contains("工") ? ", 工 as 1" : "")\(lostCell.contains(r) ? " and one cell OCR dropped solved from the row identity" : ""), the only reading that satisfies the identities is \(values.map(String.init).joined(separator: " | "))",
                        at: run.at))
            case .ambiguous(let c):
                let list = c.prefix(4).map { $0.map { $0.map(String.init) ?? "□" }.joined(separator: " ") }.joined(separator: "; ")
                // The cells every reading left gives the same count: which reading it is does not matter for them.
                let agreed = (0..<n).filter { i in c.allSatisfy { $0[i] != nil && $0[i] == c[0][i] } }
                if !agreed.isEmpty {
                    partial[spec.key] = agreed.map { i in
                        let column = ApplicationsLayout.columns[i]
                        return Cell(key: ApplicationsLayout.key(spec.key, column), value: DecimalNumber(units: c[0][i]!), raw: nil, kind: .inferred, at: run.at)
                    }
                }
                let taken = agreed.isEmpty ? "values left null" : "\(agreed.map { ApplicationsLayout.columns[$0] }.joined(separator: ", ")), the same in every reading, taken, the others left null"
                notes.append(
                    Diagnostic(
                        .warning, .rowAmbiguous,
                        "Table 三 \(spec.label): the OCR text \"\(run.text)\" reads in \(c.count) ways that satisfy the identities (\(list)\(c.count > 4 ? "; …" : "")); \(taken)",
                        at: run.at))
            case .impossible where !run.readings.isEmpty:
                notes.append(
                    Diagnostic(
                        .warning, .ocrDoubtful,
                        "Table 三 \(spec.label): the OCR text \"\(run.text)\" reads in \(run.readings.count) way(s) that satisfy the row identity, none of them within the column totals; values left null",
                        at: run.at))
            default:
                break
            }
        }
        guard !reread.isEmpty || !partial.isEmpty else { return nil }
        var merged: [Cell] = []
        var placed = Set<String>()
        for row in template.rows {
            if let new = reread[row.spec.key] {
                merged += new
            } else if let some = partial[row.spec.key] {
                // The row's other cells as first read are one of the readings at best: left null.
                merged += some
            } else {
                merged += ApplicationsLayout.columns.compactMap { byKey[ApplicationsLayout.key(row.spec.key, $0)] }
            }
            for c in ApplicationsLayout.columns { placed.insert(ApplicationsLayout.key(row.spec.key, c)) }
        }
        merged += cells.filter { !placed.contains($0.key) }
        let confirmed = confirm(
            merged, reread: Set(reread.values.flatMap { $0.map(\.key) } + partial.values.flatMap { $0.map(\.key) }), template: template,
            diagnostics: &notes)
        diagnostics += notes
        return (confirmed, template.rows.map(\.spec).filter { reread[$0.key] != nil || partial[$0.key] != nil })
    }

    /// The rows with every choice dropped that some column identity rules out by non-negative
    /// counts alone: a count on one side of `Σ lhs = Σ rhs` can be no larger than the most the
    /// other side can hold (its known values and the largest of each row's choices; a row not
    /// read bounds nothing). Repeated until nothing changes. Sound whatever the open rows turn
    /// out to be, so it settles nothing by itself; it only takes readings that cannot be out of
    /// the search (`4 1010 0 90 0 4 1108` for a row whose column totals are 0).
    static func bounded(_ rows: [DigitTableSolver.Row], identities: [ColumnIdentity]) -> [DigitTableSolver.Row] {
        var rows = rows
        let columns = rows.reduce(0) { n, row in
            switch row {
            case .known(let v): return max(n, v.count)
            case .choices(let c): return max(n, c.map(\.count).max() ?? 0)
            }
        }
        /// The largest value row `r` can hold in column `c`; nil when unbounded (not read, a blank).
        func most(_ r: Int, _ c: Int) -> Int64? {
            switch rows[r] {
            case .known(let v): return c < v.count ? v[c] : nil
            case .choices(let ch):
                guard !ch.isEmpty else { return nil }
                var m: Int64 = 0
                for choice in ch {
                    guard c < choice.count, let x = choice[c] else { return nil }
                    m = max(m, x)
                }
                return m
            }
        }
        var changed = true
        while changed {
            changed = false
            for id in identities {
                for (side, other) in [(id.lhs, id.rhs), (id.rhs, id.lhs)] {
                    for c in 0..<columns {
                        var limit: Int64 = 0
                        var bounded = true
                        for m in other {
                            guard let x = most(m, c) else { bounded = false; break }
                            limit += x
                        }
                        guard bounded else { continue }
                        for m in side {
                            guard case .choices(let ch) = rows[m], !ch.isEmpty else { continue }
                            let kept = ch.filter { c >= $0.count || ($0[c] ?? 0) <= limit }
                            if kept.count < ch.count {
                                rows[m] = .choices(kept)
                                changed = true
                            }
                        }
                    }
                }
            }
        }
        return rows
    }

    /// Whether a diagnostic of the reading that was read again says that one of these rows was
    /// missing or left null: it no longer holds.
    static func superseded(_ d: Diagnostic, rows: [RowSpec]) -> Bool {
        guard [Diagnostic.Code.rowShort, .rowLong, .cellMissing, .rowMissing].contains(d.code) else { return false }
        return rows.contains { d.message.hasPrefix("Table 三 \($0.label):") || d.message == "Table 三: row \($0.label) not found" }
    }

    /// Keeps a re-read cell only when a passing identity confirms it: a column identity (I1, I2),
    /// or its row's identity for a zero. Repeated until nothing changes (a dropped cell confirms
    /// nothing).
    static func confirm(_ cells: [Cell], reread: Set<String>, template: TableTemplate? = nil, diagnostics: inout [Diagnostic]) -> [Cell] {
        var cells = cells
        var dropped = Set<String>()
        // A row that holds vouches for its zeros as read, whether or not its other cells are kept.
        let zero = Set(cells.filter { $0.value == DecimalNumber(0) }.map(\.key))
        var rowZeros = Set<String>()
        for check in IdentityChecker().check(cells) where check.status == .pass && check.id.hasPrefix("I3.") {
            rowZeros.formUnion(check.keys.filter { zero.contains($0) })
        }
        // A zero on one side of a column identity whose other side is printed zeros: counts are
        // not negative, so every cell of that side is 0 whatever the side's other rows hold.
        if let template {
            for id in template.columnIdentities {
                for (side, other) in [(id.lhs, id.rhs), (id.rhs, id.lhs)] {
                    for c in ApplicationsLayout.columns {
                        let totals = other.map { ApplicationsLayout.key(template.rows[$0].spec.key, c) }
                        guard totals.allSatisfy({ zero.contains($0) && !reread.contains($0) }) else { continue }
                        rowZeros.formUnion(side.map { ApplicationsLayout.key(template.rows[$0].spec.key, c) }.filter { zero.contains($0) })
                    }
                }
            }
        }
        while true {
            var confirmed = rowZeros
            for check in IdentityChecker().check(cells) where check.status == .pass {
                if check.id.hasPrefix("I1.") || check.id.hasPrefix("I2.") { confirmed.formUnion(check.keys) }
            }
            let drop = cells.filter { reread.contains($0.key) && !confirmed.contains($0.key) }.map(\.key)
            if drop.isEmpty { break }
            dropped.formUnion(drop)
            let set = Set(drop)
            cells.removeAll { set.contains($0.key) }
        }
        if !dropped.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .warning, .ocrDoubtful,
                    "Table 三: \(dropped.count) cell(s) read again from OCR text are confirmed by no identity (\(dropped.sorted().prefix(4).joined(separator: ", "))\(dropped.count > 4 ? ", …" : "")); left null"
                ))
        }
        return cells
    }
}
