/// Joins wrapped lines into paragraphs. A paragraph starts where the reader saw one (blank line,
/// indent, block element), at a heading marker, or after a short line ending a sentence.
struct ParagraphJoiner: Sendable {
    /// Lines at least this long (in scalars) are taken as wrapped, whatever they end with.
    var wrapWidth: Int

    init(rows: [GridRow]) {
        var widths = rows.filter { $0.table == nil }.map { $0.text.scalarCount }.filter { $0 >= 10 }
        widths.sort()
        wrapWidth = widths.isEmpty ? Int.max : max(10, widths[(widths.count * 9) / 10] - 3)
    }

    struct Paragraph: Sendable {
        var text: String
        var firstRow: Int
    }

    func paragraphs(_ rows: ArraySlice<GridRow>) -> [Paragraph] {
        var out: [Paragraph] = []
        var previous: GridRow?
        for (index, row) in zip(rows.indices, rows) {
            if let prev = previous, !startsNew(row, after: prev), !out.isEmpty {
                Self.append(row.text, to: &out[out.count - 1].text)
            } else {
                out.append(Paragraph(text: row.text, firstRow: index))
            }
            previous = row
        }
        return out
    }

    func startsNew(_ row: GridRow, after prev: GridRow) -> Bool {
        if row.startsParagraph || row.table != nil || prev.table != nil { return true }
        if HeadingTokenizer.token(row.text) != nil { return true }
        let ends = prev.text.unicodeScalars.last.map { "。！？：；!?:;".unicodeScalars.contains($0) } ?? false
        if ends && prev.text.scalarCount < wrapWidth { return true }
        // A heading line (short, its own marker) stands alone.
        if HeadingTokenizer.token(prev.text) != nil && prev.text.scalarCount < wrapWidth / 2 { return true }
        return false
    }

    /// Joins two wrapped pieces: no space between CJK text, one space between ASCII words.
    static func join(_ a: String, _ b: String) -> String {
        var s = a
        append(b, to: &s)
        return s
    }

    /// Appends in place (linear over a long paragraph, where `a + b` would be quadratic).
    static func append(_ b: String, to a: inout String) {
        if let last = a.unicodeScalars.last, let first = b.unicodeScalars.first, isASCIIWord(last), isASCIIWord(first) {
            a.append(" ")
        }
        a.append(b)
    }

    @inline(__always)
    static func isASCIIWord(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9"))
    }
}
