/// A merged cell of a pipe table, which PDF→markdown converters (pymupdf4llm) write once per
/// column it spans: `|信息内容|本年处理决定数量|本年处理决定数量|本年处理决定数量|` and then
/// `|行政许可|23|23|23|`. The last header row of the table (a row with no digits) shows the span:
/// consecutive identical header cells are one column. A later row whose cells repeat one value
/// across exactly such a span holds it once. Cells that differ inside a span, or a span the last
/// header row does not show, are left as printed.
///
/// A run of the last header row that a header row just above it splits (`法人或其他组织|总计` over
/// `其他|其他`: the converter filled a cell merged downwards with its left neighbour's text) is two
/// columns, not one cell: the values under it stay as printed (`89|1||||||` keeps both blank cells).
struct MarkdownMergedCells {
    /// Column ranges (two or more columns) the last header row shows as one cell.
    private var spans: [Range<Int>] = []
    /// The consecutive header rows up to the last one (emptied by the next value row).
    private var header: [[String]] = []

    mutating func collapse(_ cells: [String]) -> [String] {
        if cells.count >= 3, cells.dropFirst().allSatisfy({ !$0.isEmpty && !$0.unicodeScalars.contains { TableTokenizer.digit($0) } }) {
            spans = Self.runs(cells).filter { span in
                !header.contains { row in row.count == cells.count && Set(row[span]).count > 1 }
            }
            header.append(cells)
            return Self.apply(spans, to: cells)
        }
        header = []
        return spans.isEmpty || cells.count < 3 ? cells : Self.apply(spans, to: cells)
    }

    /// Runs of two or more identical consecutive cells after the first (the label column).
    static func runs(_ cells: [String]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 1
        while start < cells.count {
            var end = start + 1
            while end < cells.count, cells[end] == cells[start] { end += 1 }
            if end - start >= 2 { out.append(start..<end) }
            start = end
        }
        return out
    }

    /// The cells with each span whose cells are all the same written once.
    static func apply(_ spans: [Range<Int>], to cells: [String]) -> [String] {
        var out: [String] = []
        var k = 0
        for span in spans where span.upperBound <= cells.count {
            guard !cells[span].isEmpty, Set(cells[span]).count == 1 else { continue }
            out += cells[k..<span.lowerBound]
            out.append(cells[span.lowerBound])
            k = span.upperBound
        }
        out += cells[k...]
        return out
    }
}
