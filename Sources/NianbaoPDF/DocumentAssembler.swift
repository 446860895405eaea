import NianbaoCore
/// Turns the pages' rows into the document grid: tables numbered across the document (a table
/// continued on the next page keeps its number, and its columns are numbered over the union of
/// all its parts' column boundaries), repeated headers on continuation pages dropped, a row split
/// by the page break joined again, paragraph starts marked.
package enum DocumentAssembler {
    struct PartKey: Hashable { var page: Int; var local: Int }

    /// A ruled table of one page mapped onto a document table.
    struct Part {
        var docTable: Int
        var isContinuation: Bool
        /// Page-local fine column → document column.
        var columns: [Int] = []
    }

    package static func grid(_ pages: [PageLayoutResult]) -> Grid {
        let parts = assignTables(pages)
        var out: [GridRow] = []
        var firstRows: [Int: [String]] = [:]  // document table → texts of its first rows
        var prevProse: DraftRow? = nil
        let margin = leftMargin(pages)
        let gapNorm = typicalGap(pages)

        for page in pages {
            var skipIndex: [Int: Int] = [:]  // local table → next first-row index to compare
            var fragmentChecked: Set<Int> = []
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
                        // The rest of a row split by the page break: label text only, blank values.
                        if !fragmentChecked.contains(local) {
                            fragmentChecked.insert(local)
                            if let last = out.indices.last, out[last].table == part.docTable,
                                isFragment(row), hasValues(out[last])
                            {
                                join(row, columns: part.columns, into: &out[last])
                                continue
                            }
                        }
                    } else if (firstRows[part.docTable]?.count ?? 0) < 4 {
                        firstRows[part.docTable, default: []].append(text)
                    }
                    let cells = row.cells.map { c -> GridCell in
                        let column = c.column.map { $0 < part.columns.count ? part.columns[$0] : $0 }
                        return GridCell(text: c.text, at: c.location(page: page.page), column: column)
                    }
                    out.append(GridRow(cells: cells, text: text, at: .page(page.page, row.box), startsParagraph: false, table: part.docTable))
                    prevProse = nil
                } else {
                    var starts = out.isEmpty || out.last?.table != nil
                    if let prev = prevProse, prev.page == row.page, row.box.y0 - prev.box.y1 > gapNorm + 0.6 * row.size {
                        starts = true
                    }
                    if row.box.x0 > margin + 0.9 * row.size { starts = true }
                    let cells = row.cells.map { GridCell(text: $0.text, at: $0.location(page: page.page), column: $0.column) }
                    out.append(GridRow(cells: cells, text: row.text, at: .page(page.page, row.box), startsParagraph: starts, table: row.table))
                    prevProse = row
                }
            }
        }
        return Grid(rows: out)
    }

    private static func isFragment(_ row: DraftRow) -> Bool {
        let filled = row.cells.filter { !$0.text.isEmpty }
        return !filled.isEmpty && filled.allSatisfy { !ValueText.isValueLike($0.text) }
    }

    private static func hasValues(_ row: GridRow) -> Bool {
        row.cells.contains { !$0.text.isEmpty && ValueText.isValueLike($0.text) }
    }

    /// Appends the fragment's texts to the cells of the same column in the row it continues.
    private static func join(_ fragment: DraftRow, columns: [Int], into row: inout GridRow) {
        for cell in fragment.cells where !cell.text.isEmpty {
            let column = cell.column.map { $0 < columns.count ? columns[$0] : $0 }
            let target =
                row.cells.lastIndex { $0.column == column && !ValueText.isValueLike($0.text) }
                ?? row.cells.lastIndex { !$0.text.isEmpty && !ValueText.isValueLike($0.text) }
            guard let t = target else { continue }
            row.cells[t].text += cell.text
        }
        row.text = row.cells.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Numbers the ruled tables of the document. A table that opens a page continues the table that
    /// closed the previous page when their outer edges and most column boundaries agree. Columns are
    /// numbered over the union of the boundaries of all parts of a table.
    static func assignTables(_ pages: [PageLayoutResult]) -> [PartKey: Part] {
        var parts: [PartKey: Part] = [:]
        var order: [PartKey] = []
        var docXs: [[Double]] = []
        var previousEnd: (doc: Int, page: Int)? = nil
        var lastPageWithRows = 0
        for page in pages where !page.rows.isEmpty {
            defer { lastPageWithRows = page.page }
            for (i, row) in page.rows.enumerated() {
                guard let local = row.ruledTable else { continue }
                let key = PartKey(page: page.page, local: local)
                if parts[key] != nil { continue }
                let xs = page.tables[local].xs
                if i == 0, let prev = previousEnd, prev.page == lastPageWithRows, continues(xs, docXs[prev.doc]) {
                    parts[key] = Part(docTable: prev.doc, isContinuation: true)
                    docXs[prev.doc] = mergeBoundaries(docXs[prev.doc], xs)
                } else {
                    parts[key] = Part(docTable: docXs.count, isContinuation: false)
                    docXs.append(xs)
                }
                order.append(key)
            }
            if let last = page.rows.last, let local = last.ruledTable, let part = parts[PartKey(page: page.page, local: local)] {
                previousEnd = (part.docTable, page.page)
            } else {
                previousEnd = nil
            }
        }
        for key in order {
            let page = pages.first { $0.page == key.page }!
            let xs = page.tables[key.local].xs
            let canonical = docXs[parts[key]!.docTable]
            parts[key]!.columns = xs.dropLast().map { x in
                var best = 0
                for (j, c) in canonical.enumerated() where abs(c - x) < abs(canonical[best] - x) { best = j }
                return min(best, max(0, canonical.count - 2))
            }
        }
        return parts
    }

    /// Whether a table part's column boundaries fit the earlier part's.
    static func continues(_ xs: [Double], _ canonical: [Double]) -> Bool {
        guard xs.count >= 2, canonical.count >= 2 else { return false }
        guard abs(xs.first! - canonical.first!) <= 4, abs(xs.last! - canonical.last!) <= 4 else { return false }
        let small = xs.count <= canonical.count ? xs : canonical
        let large = xs.count <= canonical.count ? canonical : xs
        let matched = small.filter { x in large.contains { abs($0 - x) <= 3 } }.count
        return Double(matched) >= 0.75 * Double(small.count)
    }

    static func mergeBoundaries(_ a: [Double], _ b: [Double]) -> [Double] {
        var out = a
        for x in b where !out.contains(where: { abs($0 - x) <= 3 }) { out.append(x) }
        return out.sorted()
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
