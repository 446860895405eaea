/// Where each table's rows are: the body of its section, or, when a heading is missing, a fallback
/// region (Table 三's labels are distinctive enough to be found anywhere).
struct TableLocator: Sendable {
    var rows: [GridRow]
    var outline: Outline

    var applications: Range<Int> {
        outline.span(.applications)?.body ?? 0..<rows.count
    }

    var activeDisclosure: Range<Int> {
        if let s = outline.span(.activeDisclosure) { return s.body }
        let end = outline.span(.applications).map { max(0, $0.body.lowerBound - 1) } ?? rows.count
        let start = outline.span(.overview)?.body.lowerBound ?? outline.front.upperBound
        return min(start, end)..<end
    }

    func reviewLitigation(after applicationCells: [Cell]) -> Range<Int> {
        if let s = outline.span(.reviewLitigation) { return s.body }
        // After the last Table 三 row, up to the next section.
        let lastLine = applicationCells.compactMap { $0.at.rowIndex(in: rows) }.max() ?? (outline.span(.applications)?.body.upperBound ?? rows.count)
        let start = min(rows.count, lastLine + 1)
        let next = outline.spans.map { $0.body.lowerBound - 1 }.filter { $0 > start }.min() ?? rows.count
        return start..<max(start, next)
    }
}

extension Location {
    /// Index of the first grid row at this location.
    func rowIndex(in rows: [GridRow]) -> Int? {
        rows.lastIndex { $0.at == self || $0.cells.contains { $0.at == self } }
    }
}
