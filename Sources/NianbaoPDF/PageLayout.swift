import NianbaoCore
/// A cell as the page layout sees it, before rows get their document-wide table numbers.
struct DraftCell: Sendable {
    var text: String
    var box: Box
    var column: Int?
    /// OCR only: the least confidence of the cell's characters.
    var confidence: Double? = nil

    /// Where the cell is: a box on a PDF page, or on a scanned page with the OCR confidence.
    func location(page: Int) -> Location {
        if let confidence { return .scan(page, box, confidence: confidence) }
        return .page(page, box)
    }

    static func confidence(_ glyphs: [Glyph]) -> Double? {
        var least: Double? = nil
        for g in glyphs {
            guard let c = g.confidence else { return nil }
            least = min(least ?? c, c)
        }
        return least
    }
}

/// One row of a page: a prose line, a gap-split line, or one ruled table row.
struct DraftRow: Sendable {
    var page: Int
    var cells: [DraftCell]
    var box: Box
    /// Typical glyph size of the row.
    var size: Double
    /// Page-local ruled table number, and the fine row within it.
    var ruledTable: Int?
    var fineRow: Int?
    /// Document-wide number of a borderless table found by column clustering.
    var table: Int? = nil

    var text: String { cells.map(\.text).filter { !$0.isEmpty }.joined(separator: " ") }
    var isProse: Bool { ruledTable == nil }
}

/// What one page turned into.
package struct PageLayoutResult: Sendable {
    var page: Int
    var width: Double
    var height: Double
    var rows: [DraftRow]
    var tables: [RuledTable]
}

/// Builds the rows of one page from its glyphs and rulings.
package enum PageLayout {
    /// `blankConfidence` is given for a scanned page: how sure OCR is that an empty table cell is blank.
    package static func layout(
        page: Int, width: Double, height: Double, glyphs: [Glyph], rulings: [Ruling],
        blankConfidence: ((Box) -> Double)? = nil
    ) -> PageLayoutResult {
        let tables = RuledTableFinder.tables(in: rulings)
        var perCell: [[[Glyph]]] = tables.map { Array(repeating: [], count: $0.cells.count) }
        var free: [Glyph] = []
        for g in glyphs {
            var placed = false
            for (t, table) in tables.enumerated() {
                if let k = table.cellIndex(x: g.centerX, y: g.centerY) {
                    perCell[t][k].append(g)
                    placed = true
                    break
                }
            }
            if !placed { free.append(g) }
        }

        var blocks: [(y: Double, rows: [DraftRow])] = []
        for (t, table) in tables.enumerated() {
            let rows = tableRows(page: page, table: table, tableIndex: t, glyphs: perCell[t], blankConfidence: blankConfidence)
            if !rows.isEmpty { blocks.append((table.box.y0, rows)) }
        }
        for line in LineBuilder.lines(free) {
            let runs = LineBuilder.cells(of: line)
            let cells = runs.map { run -> DraftCell in
                var b = run[0].box
                for g in run.dropFirst() { b = b.union(g.box) }
                return DraftCell(text: TextNormalizer.display(LineBuilder.text(of: run)), box: b, column: nil, confidence: DraftCell.confidence(run))
            }.filter { !$0.text.isEmpty }
            guard !cells.isEmpty else { continue }
            blocks.append((line.box.y0, [DraftRow(page: page, cells: cells, box: line.box, size: line.size)]))
        }
        blocks.sort { $0.y < $1.y }
        return PageLayoutResult(page: page, width: width, height: height, rows: joinWrappedLabels(blocks.flatMap(\.rows)), tables: tables)
    }

    /// In tables without rulings a wrapped row label continues on the line below its values
    /// (cells top-aligned). A one-cell line right under such a row, inside its label column and
    /// left of its first value, is joined to the label.
    static func joinWrappedLabels(_ rows: [DraftRow]) -> [DraftRow] {
        var out: [DraftRow] = []
        for row in rows {
            if row.ruledTable == nil, row.cells.count == 1, let prev = out.last, prev.ruledTable == nil,
                prev.cells.count >= 3, !ValueText.isValueLike(prev.cells[0].text), !ValueText.isValueLike(row.cells[0].text),
                let firstValue = prev.cells.first(where: { ValueText.isValueLike($0.text) }),
                prev.cells.filter({ ValueText.isValueLike($0.text) }).count >= 3,
                row.box.x1 < firstValue.box.x0, row.box.x0 >= prev.cells[0].box.x0 - row.size,
                row.box.y0 - prev.box.y1 < 0.8 * row.size
            {
                var joined = prev
                joined.cells[0].text += row.cells[0].text
                joined.cells[0].box = joined.cells[0].box.union(row.cells[0].box)
                joined.box = joined.box.union(row.box)
                out[out.count - 1] = joined
                continue
            }
            out.append(row)
        }
        return out
    }

    /// One row per fine ruled row; merged cells sit in their top row; blank cells are explicit.
    static func tableRows(
        page: Int, table: RuledTable, tableIndex: Int, glyphs: [[Glyph]],
        blankConfidence: ((Box) -> Double)? = nil
    ) -> [DraftRow] {
        var rows: [DraftRow] = []
        let ny = table.ys.count - 1
        var byTop: [[Int]] = Array(repeating: [], count: ny)
        for (k, cell) in table.cells.enumerated() { byTop[cell.top].append(k) }
        for r in 0..<ny {
            let ids = byTop[r].sorted { table.cells[$0].left < table.cells[$1].left }
            var cells: [DraftCell] = []
            var sizes: [Double] = []
            for k in ids {
                let g = glyphs[k]
                if g.isEmpty {
                    cells.append(
                        DraftCell(
                            text: "", box: table.cells[k].box, column: table.cells[k].left,
                            confidence: blankConfidence?(table.cells[k].box)))
                } else {
                    var b = g[0].box
                    for x in g.dropFirst() { b = b.union(x.box) }
                    sizes.append(contentsOf: g.map(\.height))
                    cells.append(
                        DraftCell(
                            text: TextNormalizer.display(LineBuilder.blockText(g)), box: b, column: table.cells[k].left,
                            confidence: DraftCell.confidence(g)))
                }
            }
            // Blank cells left of the first label are the empty label area (a merged label that
            // started on the previous page, an empty stub column): drop them.
            if let first = cells.firstIndex(where: { !$0.text.isEmpty }), first > 0, !ValueText.isValueLike(cells[first].text) {
                cells.removeFirst(first)
            }
            guard cells.contains(where: { !$0.text.isEmpty }) else { continue }
            var box = cells[0].box
            for c in cells.dropFirst() { box = box.union(c.box) }
            sizes.sort()
            rows.append(DraftRow(page: page, cells: cells, box: box, size: sizes.isEmpty ? 10 : sizes[sizes.count / 2], ruledTable: tableIndex, fineRow: r))
        }
        return rows
    }
}
