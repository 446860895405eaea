/// Turns the pages' rows into the document grid: tables numbered across the document (a table
/// continued on the next page keeps its number and its column numbers), repeated headers on
/// continuation pages dropped, paragraph starts marked.
enum DocumentAssembler {
    /// A ruled table of one page mapped onto a document table.
    struct Part {
        var docTable: Int
        /// Page-local fine column → document column.
        var columns: [Int]
        var isContinuation: Bool
    }

    static func grid(_ pages: [PageLayoutResult]) -> Grid {
        let parts = assignTables(pages)
        var out: [GridRow] = []
        var firstRows: [Int: [String]] = [:]  // document table → texts of its first rows
        var prevProse: DraftRow? = nil
        let margin = leftMargin(pages)
        let gapNorm = typicalGap(pages)

        for page in pages {
            var skipIndex: [Int: Int] = [:]  // local table → next first-row index to compare on a continuation
            for row in page.rows {
                if let local = row.ruledTable, let part = parts[PartKey(page: page.page, local: local)] {
                    let text = row.text
                    if part.isContinuation {
                        let k = skipIndex[local] ?? 0
                        if k >= 0, let first = firstRows[part.docTable], k < first.count, first[k] == text {
                            skipIndex[local] = k + 1
                            continue
                        }
                        skipIndex[local] = -1
                    } else if (firstRows[part.docTable]?.count ?? 0) < 4 {
                        firstRows[part.docTable, default: []].append(text)
                    }
                    let cells = row.cells.map { c -> GridCell in
                        let column = c.column.map { $0 < part.columns.count ? part.columns[$0] : $0 }
                        return GridCell(text: c.text, at: .page(page.page, c.box), column: column)
                    }
                    out.append(GridRow(cells: cells, text: text, at: .page(page.page, row.box), startsParagraph: false, table: part.docTable))
                    prevProse = nil
                } else {
                    var starts = out.isEmpty || out.last?.table != nil
                    if let prev = prevProse, prev.page == row.page, row.box.y0 - prev.box.y1 > gapNorm + 0.6 * row.size {
                        starts = true
                    }
                    if row.box.x0 > margin + 0.9 * row.size { starts = true }
                    let cells = row.cells.map { GridCell(text: $0.text, at: .page(page.page, $0.box), column: $0.column) }
                    out.append(GridRow(cells: cells, text: row.text, at: .page(page.page, row.box), startsParagraph: starts, table: row.table))
                    prevProse = row
                }
            }
        }
        return Grid(rows: out)
    }

    struct PartKey: Hashable { var page: Int; var local: Int }

    /// Numbers the ruled tables of the document. A table that opens a page continues the table that
    /// closed the previous page when their column boundaries agree.
    static func assignTables(_ pages: [PageLayoutResult]) -> [PartKey: Part] {
        var parts: [PartKey: Part] = [:]
        var docXs: [[Double]] = []
        var previousEnd: (doc: Int, page: Int)? = nil
        var next = firstFreeTableNumber(pages)
        for page in pages {
            for (i, row) in page.rows.enumerated() {
                guard let local = row.ruledTable else { continue }
                let key = PartKey(page: page.page, local: local)
                if parts[key] != nil { continue }
                let xs = page.tables[local].xs
                if i == 0, let prev = previousEnd, prev.page == page.page - 1, let cols = columnMapping(xs, onto: docXs[prev.doc]) {
                    parts[key] = Part(docTable: prev.doc, columns: cols, isContinuation: true)
                } else {
                    docXs.append(xs)
                    parts[key] = Part(docTable: next, columns: Array(0..<max(1, xs.count - 1)), isContinuation: false)
                    next += 1
                }
            }
            if let last = page.rows.last, let local = last.ruledTable, let part = parts[PartKey(page: page.page, local: local)] {
                previousEnd = (part.docTable, page.page)
            } else {
                previousEnd = nil
            }
        }
        return parts
    }

    /// Ruled tables are numbered first (0, 1, …); borderless tables found by clustering come after.
    private static func firstFreeTableNumber(_ pages: [PageLayoutResult]) -> Int { 0 }

    /// Maps the continuation's column boundaries onto the earlier part's, or nil when they disagree.
    static func columnMapping(_ xs: [Double], onto canonical: [Double]) -> [Int]? {
        guard xs.count >= 2, canonical.count >= 2 else { return nil }
        guard abs(xs.first! - canonical.first!) <= 4, abs(xs.last! - canonical.last!) <= 4 else { return nil }
        var matched = 0
        var columns: [Int] = []
        for k in 0..<(xs.count - 1) {
            let x = xs[k]
            var best = 0
            for (j, c) in canonical.enumerated() where abs(c - x) < abs(canonical[best] - x) { best = j }
            if abs(canonical[best] - x) <= 3 { matched += 1 }
            columns.append(min(best, canonical.count - 2))
        }
        return Double(matched) >= 0.75 * Double(xs.count - 1) ? columns : nil
    }

    /// The most common left edge of prose rows.
    static func leftMargin(_ pages: [PageLayoutResult]) -> Double {
        var counts: [Int: Int] = [:]
        for p in pages { for r in p.rows where r.isProse { counts[Int(r.box.x0.rounded()), default: 0] += 1 } }
        guard let best = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }) else { return 0 }
        return Double(best.key)
    }

    /// The usual space between consecutive prose lines.
    static func typicalGap(_ pages: [PageLayoutResult]) -> Double {
        var gaps: [Double] = []
        for p in pages {
            var prev: DraftRow?
            for r in p.rows {
                if r.isProse, let q = prev, q.isProse { gaps.append(r.box.y0 - q.box.y1) }
                prev = r
            }
        }
        guard !gaps.isEmpty else { return 0 }
        gaps.sort()
        return max(0, gaps[gaps.count / 2])
    }
}
