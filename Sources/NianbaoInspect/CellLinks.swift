import Nianbao

/// Which diagnostics and checks concern each cell of a report, and which cells each check and
/// diagnostic points at: the cross-references the inspection page draws.
struct CellLinks {
    /// Per cell index: indices into `report.diagnostics`.
    var diagnosticsOfCell: [[Int]]
    /// Per diagnostic index: indices into `report.cells`.
    var cellsOfDiagnostic: [[Int]]
    /// Per check index: indices into `report.cells` (the keys of the check present in this report).
    var cellsOfCheck: [[Int]]
    /// Per cell index: indices into `report.checks`.
    var checksOfCell: [[Int]]

    init(_ report: Report) {
        let cells = report.cells
        var indexOfKey: [String: Int] = [:]
        for (i, c) in cells.enumerated() where indexOfKey[c.key] == nil { indexOfKey[c.key] = i }
        cellsOfCheck = report.checks.map { check in check.keys.compactMap { indexOfKey[$0] } }
        checksOfCell = Array(repeating: [], count: cells.count)
        for (k, members) in cellsOfCheck.enumerated() { for i in members { checksOfCell[i].append(k) } }
        cellsOfDiagnostic = report.diagnostics.map { d in
            cells.indices.filter { Self.sameRow(d.at, cells[$0].at) }
        }
        diagnosticsOfCell = Array(repeating: [], count: cells.count)
        for (d, members) in cellsOfDiagnostic.enumerated() { for i in members { diagnosticsOfCell[i].append(d) } }
    }

    /// True when a diagnostic's location is the cell's place or its row: the same text line, the
    /// same row of the same HTML table, or the same PDF page with the boxes on one line (they
    /// overlap vertically by at least half the lower box).
    static func sameRow(_ diagnostic: Location, _ cell: Location) -> Bool {
        switch (diagnostic, cell) {
        case let (.line(a), .line(b)): return a == b
        case let (.table(t, r, _), .table(u, s, _)): return t == u && r == s
        case let (.page(p, a), .page(q, b)):
            guard p == q else { return false }
            let overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
            let lower = min(a.y1 - a.y0, b.y1 - b.y0)
            return overlap > 0 && overlap >= lower / 2
        default: return false
        }
    }
}
