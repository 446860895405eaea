/// A section heading a PDF text extractor broke after its numeral: `⼆` on a line of its own, then
/// `、主动公开政府信息情况` (pdfplumber, where the numeral is a Kangxi radical set in another font
/// and placed apart from the rest of its line). ``join(_:)`` puts the two lines back together
/// when together they make one of the six standard section headings; nothing else changes.
enum SplitHeadingText {
    static func join(_ rows: [GridRow]) -> [GridRow] {
        guard rows.contains(where: isNumeral) else { return rows }
        var out: [GridRow] = []
        out.reserveCapacity(rows.count)
        var i = 0
        while i < rows.count {
            let row = rows[i]
            if i + 1 < rows.count, isNumeral(row), let joined = joined(row, rows[i + 1]) {
                out.append(joined)
                i += 2
                continue
            }
            out.append(row)
            i += 1
        }
        return out
    }

    /// A row that is one section numeral (一 … 六) and nothing else.
    static func isNumeral(_ row: GridRow) -> Bool {
        // One scalar is at most four UTF-8 bytes: longer rows are ruled out without counting scalars.
        guard row.table == nil, row.cells.count == 1, row.text.utf8.count <= 4 else { return false }
        let s = row.text.unicodeScalars
        guard s.count == 1, let n = HeadingTokenizer.numerals[s.first!] else { return false }
        return n >= 1 && n <= 6
    }

    /// The numeral and the next row as one heading row, when the next row starts with `、` and
    /// the two make a standard section heading.
    static func joined(_ numeral: GridRow, _ next: GridRow) -> GridRow? {
        guard next.table == nil, next.text.hasPrefix("、"), let first = next.cells.first else { return nil }
        let text = numeral.text + next.text
        guard let t = HeadingTokenizer.token(text), t.level == .section, SectionClassifier.key(forHeading: t.rest) != nil else { return nil }
        var cells = next.cells
        cells[0] = GridCell(text: numeral.text + first.text, at: numeral.at)
        return GridRow(cells: cells, text: text, at: numeral.at, startsParagraph: true)
    }
}
