import NianbaoCore
/// The HTML table algorithm, reduced to what the reader needs: where each cell starts once
/// `colspan`/`rowspan` are expanded. Cells spanned down from earlier rows occupy their columns
/// in later rows, so a row's first own cell can start right of column 0.
struct HTMLTableGrid {
    /// Span of one cell as written (already clamped to 1...1000 / 1...65534).
    struct Span {
        var colspan: Int
        var rowspan: Int
    }

    /// How many grid slots rowspans may reserve in one table before later spans are ignored;
    /// keeps hostile pages (every cell `colspan=1000 rowspan=65534`) linear.
    static let slotBudget = 2_000_000

    /// The starting column of every cell, row by row, and whether the span budget ran out.
    static func columns(of rows: [[Span]]) -> (columns: [[Int]], truncated: Bool) {
        var occupied: [Int: Set<Int>] = [:]  // row → columns reserved by rowspans from above
        var budget = slotBudget
        var truncated = false
        var result: [[Int]] = []
        result.reserveCapacity(rows.count)
        for (r, cells) in rows.enumerated() {
            let taken = occupied.removeValue(forKey: r) ?? []
            var column = 0
            var starts: [Int] = []
            starts.reserveCapacity(cells.count)
            for cell in cells {
                while taken.contains(column) { column += 1 }
                starts.append(column)
                let down = min(cell.rowspan, rows.count - r) - 1
                if down > 0 {
                    let cost = down * cell.colspan
                    if cost <= budget {
                        budget -= cost
                        for rr in (r + 1)...(r + down) {
                            occupied[rr, default: []].formUnion(column..<(column + cell.colspan))
                        }
                    } else {
                        truncated = true
                    }
                }
                column += cell.colspan
            }
            result.append(starts)
        }
        return (result, truncated)
    }
}
