import Foundation

/// Places printed values inside the text they were read from, for the inspection page: each value
/// is looked for from the right (values end a row), at digit boundaries first (`21 1`: the `1` is
/// the last one), then anywhere (`规章000`: values run together). A value that is not found, and a
/// value with no printed text (blank, inferred), is not placed.
enum TextPlacement {
    /// A value placed in a text: the cell index and the range of the text it covers.
    struct Span: Equatable {
        var cell: Int
        var range: Range<String.Index>
    }

    /// Places `values` (cell index, printed text, in document order) in the texts of `rows`
    /// (document order). Returns the spans per row and the cells that were not placed.
    static func place(_ values: [(cell: Int, raw: String)], in rows: [String]) -> (spans: [[Span]], unplaced: [Int]) {
        var spans: [[Span]] = Array(repeating: [], count: rows.count)
        var unplaced: [Int] = []
        guard !rows.isEmpty else { return (spans, values.map(\.cell)) }
        var row = rows.count - 1
        var limit = rows[row].endIndex
        for value in values.reversed() {
            guard !value.raw.isEmpty else { unplaced.append(value.cell); continue }
            var r = row, l = limit
            var found: Range<String.Index>? = nil
            while true {
                if let range = search(value.raw, in: rows[r], before: l) { found = range; break }
                if r == 0 { break }
                r -= 1
                l = rows[r].endIndex
            }
            if let found {
                spans[r].append(Span(cell: value.cell, range: found))
                row = r
                limit = found.lowerBound
            } else {
                unplaced.append(value.cell)
            }
        }
        for i in spans.indices { spans[i].reverse() }
        return (spans, unplaced.reversed())
    }

    /// The last occurrence of `needle` before `limit`: at digit boundaries if there is one, else anywhere.
    static func search(_ needle: String, in text: String, before limit: String.Index) -> Range<String.Index>? {
        var end = limit
        var plain: Range<String.Index>? = nil
        while let range = text.range(of: needle, options: .backwards, range: text.startIndex..<end) {
            if plain == nil { plain = range }
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
            let digitEdgeBefore = needle.first.map(isDigit) == true && before.map(isDigit) == true
            let digitEdgeAfter = needle.last.map(isDigit) == true && after.map(isDigit) == true
            if !digitEdgeBefore && !digitEdgeAfter { return range }
            end = range.upperBound > text.startIndex ? text.index(before: range.upperBound) : text.startIndex
            if end <= text.startIndex { break }
        }
        return plain
    }

    static func isDigit(_ c: Character) -> Bool {
        c.isASCII ? c.isNumber : ("０"..."９").contains(c)
    }
}
