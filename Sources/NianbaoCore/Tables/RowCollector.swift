/// Groups the rows of a table region into logical rows: label cells followed by trailing value cells.
/// A row without values lends its label to the next row that has values (wrapped labels, labels
/// whose numbers sit on the next line).
enum RowCollector {
    static func collect(_ rows: ArraySlice<GridRow>) -> [LogicalRow] {
        var out: [LogicalRow] = []
        var pendingKeys: [String] = []
        var pendingLabels: [String] = []
        for row in rows {
            var labelEnd = row.cells.count
            // Walk from the right while cells are values (collected right to left, then reversed:
            // inserting at the front was quadratic in a row of 200,000 cells).
            var fromRight: [[PlacedReading]] = []
            while labelEnd > 0 {
                let cell = row.cells[labelEnd - 1]
                if let split = splitValues(cell) {
                    fromRight.append(split)
                    labelEnd -= 1
                } else {
                    break
                }
            }
            var readings: [PlacedReading] = fromRight.reversed().flatMap { $0 }
            var labelCells = Array(row.cells[0..<labelEnd])
            // A label printed one space away from its numbers: "2．申请人…申请 0 0 0 0 0 0 0".
            if let last = labelCells.last, last.column == nil, let (label, values) = splitTrailingValues(last) {
                labelCells[labelCells.count - 1].text = label
                readings.insert(contentsOf: values, at: 0)
            }
            let labelKeys = labelCells.map { TextNormalizer.matchKey($0.text) }.filter { !$0.isEmpty }
            let hasNumber = readings.contains { $0.reading.kind == .number || $0.reading.kind == .notApplicable }
            // An all-blank row counts when the reader knows its cells (HTML/PDF tables) or when tabs
            // delimit at least five blank cells (a data row printed empty); otherwise it is label text.
            if readings.isEmpty || (!hasNumber && row.table == nil && readings.count < 5) {
                if !labelKeys.isEmpty {
                    pendingKeys.append(contentsOf: labelKeys)
                    pendingLabels.append(labelCells.map(\.text).joined(separator: " "))
                    if pendingKeys.count > 12 { pendingKeys.removeFirst(pendingKeys.count - 12) }
                    if pendingLabels.count > 6 { pendingLabels.removeFirst(pendingLabels.count - 6) }
                }
                continue
            }
            let ownLabel = labelCells.map(\.text).joined(separator: " ")
            if !out.isEmpty, !labelKeys.isEmpty { out[out.count - 1].followingKey = pendingKeys.joined() }
            out.append(
                LogicalRow(
                    labelKeys: labelKeys,
                    pendingKey: pendingKeys.joined(),
                    pendingPieces: pendingKeys,
                    label: ownLabel.isEmpty ? pendingLabels.joined(separator: " ") : ownLabel,
                    values: readings,
                    at: row.at))
            pendingKeys.removeAll()
            pendingLabels.removeAll()
        }
        if !out.isEmpty { out[out.count - 1].followingKey = pendingKeys.joined() }
        return out
    }

    /// Splits "label 0 0 0" into the label and its trailing number readings.
    static func splitTrailingValues(_ cell: GridCell) -> (String, [PlacedReading])? {
        guard cell.text.includesByte(0x20) else { return nil }  // one part: nothing to split
        let parts = cell.text.split(separator: " ")
        guard parts.count >= 2 else { return nil }
        var end = parts.count
        var values: [PlacedReading] = []
        while end > 1 {
            let r = CellReading.read(String(parts[end - 1]))
            guard r.kind == .number || r.kind == .notApplicable else { break }
            values.append(PlacedReading(reading: r, at: cell.at, column: nil))
            end -= 1
        }
        guard !values.isEmpty else { return nil }
        values.reverse()
        return (parts[0..<end].joined(separator: " "), values)
    }

    /// The value readings of a cell, or nil if the cell is a label. A text cell holding several
    /// space-separated numbers ("0 0 0") gives several readings.
    static func splitValues(_ cell: GridCell) -> [PlacedReading]? {
        let reading = CellReading.read(cell.text)
        if reading.isValue { return [PlacedReading(reading: reading, at: cell.at, column: cell.column, x: cell.centerX)] }
        guard cell.text.includesByte(0x20) else { return nil }
        let parts = cell.text.split(separator: " ")
        var out: [PlacedReading] = []
        for part in parts {
            let r = CellReading.read(String(part))
            guard r.kind == .number || r.kind == .notApplicable else { return nil }
            out.append(PlacedReading(reading: r, at: cell.at, column: nil))
        }
        return out
    }
}
