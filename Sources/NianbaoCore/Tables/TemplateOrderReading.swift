/// Reads a table whose values a converter printed in the template's row order but whose labels
/// it scattered, and whose blocks of rows it printed column by column (`pdftotext` without
/// `-layout` on a ruled table: the values of one page block come down column after column, the
/// labels of those rows somewhere else in the stream).
///
/// The labels cannot place the values then; the template and the identities can, and only when
/// nothing is missing: every value of the region is a printed non-negative integer (no blank, no
/// mark: a dropped blank would shift every value after it), the region holds exactly the
/// template's cells, each run of values between two pieces of label text holds whole rows, and
/// the rows follow in template order. Each run is read in every order the PDF could have printed
/// it: row by row, column by column, or its first rows row by row and the rest column by column.
/// An order is possible when every row identity of every row it makes holds. The reading is taken
/// only when exactly one combination of the runs' possible orders satisfies the column
/// identities; otherwise nothing is read this way.
struct TemplateOrderReading {
    var template: TableTemplate

    /// The rows in template order with their value tokens, or nil when the reading is not certain.
    func read(_ segments: [TokenTableReader.Segment]) -> [(row: Int, tokens: [TableToken])]? {
        let rows = template.rows
        guard rows.count >= 2, !template.rowIdentities.isEmpty, !template.columnIdentities.isEmpty,
            let n = rows.first?.slots, rows.allSatisfy({ $0.slots == n }), n >= 2
        else { return nil }
        var runs: [[TableToken]] = []
        for segment in segments {
            guard case .values(let tokens) = segment else { continue }
            runs.append(tokens)
        }
        let total = runs.reduce(0) { $0 + $1.count }
        guard total == rows.count * n, runs.count >= 2 else { return nil }
        var values: [[Int64]] = []
        for run in runs {
            guard run.count % n == 0 else { return nil }
            var v: [Int64] = []
            for t in run {
                guard let x = Self.count(t) else { return nil }
                v.append(x)
            }
            values.append(v)
        }
        // Per run, the orders whose rows all satisfy the row identities, one per distinct result.
        var choices: [[(order: [Int], rows: [[Int64]])]] = []
        var combinations = 1
        for (run, v) in zip(runs, values) {
            let r = run.count / n
            var fits: [(order: [Int], rows: [[Int64]])] = []
            for p in Self.orders(rows: r) {
                let order = Self.permutation(rows: r, columns: n, rowMajorFirst: p)
                let m = (0..<r).map { i in (0..<n).map { c in v[order[i * n + c]] } }
                guard m.allSatisfy(rowHolds), !fits.contains(where: { $0.rows == m }) else { continue }
                fits.append((order, m))
            }
            guard !fits.isEmpty else { return nil }
            combinations *= fits.count
            guard combinations <= Self.maxCombinations else { return nil }
            choices.append(fits)
        }
        // Every combination of the runs' orders that satisfies the column identities: exactly one.
        var pick = [Int](repeating: 0, count: choices.count)
        var found: [Int]? = nil
        for _ in 0..<combinations {
            let matrix = zip(choices, pick).flatMap { $0.0[$0.1].rows }
            if columnsHold(matrix, columns: n) {
                guard found == nil else { return nil }
                found = pick
            }
            for k in pick.indices.reversed() {
                pick[k] += 1
                if pick[k] < choices[k].count { break }
                pick[k] = 0
            }
        }
        guard let chosen = found else { return nil }
        var out: [(row: Int, tokens: [TableToken])] = []
        for (k, run) in runs.enumerated() {
            let order = choices[k][chosen[k]].order
            for i in 0..<(run.count / n) { out.append((out.count, (0..<n).map { run[order[i * n + $0]] })) }
        }
        return out
    }

    /// Runs with several possible orders multiply the readings to check: beyond this, none is taken.
    static let maxCombinations = 4096

    private func columnsHold(_ matrix: [[Int64]], columns n: Int) -> Bool {
        guard matrix.count == template.rows.count else { return false }
        for id in template.columnIdentities {
            for c in 0..<n where id.lhs.reduce(Int64(0), { $0 + matrix[$1][c] }) != id.rhs.reduce(Int64(0), { $0 + matrix[$1][c] }) {
                return false
            }
        }
        return true
    }

    /// Whether the reading gives every row the labels placed (exactly its cells, each a count)
    /// the same values: rows printed out of template order (a borderless table's reading order)
    /// would keep the column identities of a sum and still be misplaced; the labels that placed
    /// rows must agree (or the labels must follow the template order:
    /// ``TokenTableReader/labelsInTemplateOrder(_:)``).
    static func agrees(_ ordered: [(row: Int, tokens: [TableToken])], with labelled: [(row: Int, tokens: [TableToken])], slots: [Int]) -> Bool {
        var byRow: [Int: [Int64]] = [:]
        for o in ordered { byRow[o.row] = o.tokens.compactMap(count) }
        var checked = 0  // at least one row must be confirmed by its label
        for a in labelled where a.tokens.count == slots[a.row] {
            let v = a.tokens.compactMap(count)
            guard v.count == a.tokens.count else { continue }
            guard byRow[a.row] == v else { return false }
            checked += 1
        }
        return checked > 0
    }

    private func rowHolds(_ row: [Int64]) -> Bool {
        template.rowIdentities.allSatisfy { id in id.parts.reduce(Int64(0)) { $0 + row[$1] } == row[id.total] }
    }

    /// How many leading rows are printed row by row: all (`rows`), none, or any number between.
    static func orders(rows: Int) -> [Int] {
        rows <= 1 ? [rows] : Array((0...rows).reversed())
    }

    /// For cell `i * columns + c` (row i, column c of the run), the index of its value in the
    /// printed run: the first `rowMajorFirst` rows row by row, the rest column by column.
    static func permutation(rows: Int, columns: Int, rowMajorFirst p: Int) -> [Int] {
        var order = [Int](repeating: 0, count: rows * columns)
        let rest = rows - p
        for i in 0..<rows {
            for c in 0..<columns {
                order[i * columns + c] = i < p ? i * columns + c : p * columns + c * rest + (i - p)
            }
        }
        return order
    }

    /// A printed non-negative integer count (no leading zero, no unit, no mark), or nil.
    static func count(_ t: TableToken) -> Int64? {
        guard t.kind == .number, t.isDigitRun, !t.isZeroLedRun else { return nil }
        let reading = CellReading.read(t.text)
        guard reading.kind == .number, let v = reading.value, v.isInteger, v.scale == 0, v.units >= 0 else { return nil }
        return v.units
    }
}
