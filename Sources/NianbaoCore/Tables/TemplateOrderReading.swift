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
/// An order is possible when every row identity of every row it makes holds. A run whose possible
/// orders give different values makes the reading fail, as do column identities that do not hold
/// on the result: then nothing is read this way.
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
        var out: [(row: Int, tokens: [TableToken])] = []
        var matrix: [[Int64]] = []
        for (run, v) in zip(runs, values) {
            let r = run.count / n
            var found: [Int]? = nil
            var foundValues: [[Int64]] = []
            for p in Self.orders(rows: r) {
                let order = Self.permutation(rows: r, columns: n, rowMajorFirst: p)
                let m = (0..<r).map { i in (0..<n).map { c in v[order[i * n + c]] } }
                guard m.allSatisfy(rowHolds) else { continue }
                if found == nil {
                    found = order
                    foundValues = m
                } else if m != foundValues {
                    return nil  // two orders fit with different values: no reading
                }
            }
            guard let order = found else { return nil }
            for i in 0..<r {
                out.append((matrix.count, (0..<n).map { run[order[i * n + $0]] }))
                matrix.append(foundValues[i])
            }
        }
        guard matrix.count == rows.count else { return nil }
        for id in template.columnIdentities {
            for c in 0..<n {
                let lhs = id.lhs.reduce(Int64(0)) { $0 + matrix[$1][c] }
                let rhs = id.rhs.reduce(Int64(0)) { $0 + matrix[$1][c] }
                guard lhs == rhs else { return nil }
            }
        }
        return out
    }

    /// Whether the reading gives every row the labels placed (exactly its cells, each a count)
    /// the same values: rows printed out of template order (a borderless table's reading order)
    /// would keep the column identities of a sum and still be misplaced; the labels that placed
    /// rows must agree.
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
        guard t.kind == .number, t.isDigitRun, !(t.text.count > 1 && t.text.hasPrefix("0")) else { return nil }
        let reading = CellReading.read(t.text)
        guard reading.kind == .number, let v = reading.value, v.isInteger, v.scale == 0, v.units >= 0 else { return nil }
        return v.units
    }
}
