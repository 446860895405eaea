/// Table 四 of text that OCR made of a ruled table: the row of 15 values with rulings read as
/// digits glued to the values (`4 0 0 0 4 11 0 0 0 1 2 3 2 2 9` for `… 4 |1 0 0 0 1 …`), read
/// again like the rows of Table 三 (``OCRTextRows``): every reading that takes some `1`, `4` or `o`
/// for rulings is tried, and the row is taken only when exactly one reading makes all three
/// blocks hold (I4: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计). The cells are `inferred` with
/// an `ocr_inferred` diagnostic quoting what OCR read.
///
/// Tried only where the reading at hand is incomplete or fails I4: a document whose own totals
/// are off has no reading that holds, and keeps what was printed (flagged by the failed check).
enum OCRReviewRow {
    static let identities = (0..<3).map { b in RowIdentity(parts: Array((b * 5)..<(b * 5 + 4)), total: b * 5 + 4) }

    /// Whether `cells` (Table 四 as read) leaves the row to be read again: a cell missing, or a
    /// block whose identity fails.
    static func open(_ cells: [Cell]) -> Bool {
        var byKey: [String: DecimalNumber] = [:]
        for c in cells where byKey[c.key] == nil { if let v = c.value { byKey[c.key] = v } }
        let values = ReviewLitigationLayout.keys.map { byKey[$0] }
        guard values.allSatisfy({ $0 != nil }) else { return true }
        return identities.contains { id in DecimalNumber.sum(id.parts.map { values[$0]! }) != values[id.total]! }
    }

    /// The region's one line of bare OCR'd values (nothing else on it) holding at least 15 digits.
    static func valueLine(_ rows: ArraySlice<GridRow>) -> GridRow? {
        let lines = rows.filter { row in
            guard let symbols = OCRTextRows.symbols(row.text) else { return false }
            return symbols.filter { if case .digit = $0 { return true } else { return false } }.count >= ReviewLitigationLayout.keys.count
        }
        return lines.count == 1 ? lines[0] : nil
    }

    /// The 15 cells read again, or nil when no single reading holds.
    static func read(_ rows: ArraySlice<GridRow>, diagnostics: inout [Diagnostic]) -> [Cell]? {
        guard let line = valueLine(rows) else { return nil }
        let n = ReviewLitigationLayout.keys.count
        guard case .readings(let list)? = OCRTextRows.readings(line.text, slots: n, identities: identities), list.count <= 1 else {
            if case .readings(let list)? = OCRTextRows.readings(line.text, slots: n, identities: identities), list.count > 1 {
                diagnostics.append(
                    Diagnostic(
                        .warning, .rowAmbiguous,
                        "Table 四: the OCR text \"\(line.text)\" reads in \(list.count) ways that satisfy the identities; values left as read", at: line.at))
            }
            return nil
        }
        guard let values = list.first else { return nil }
        diagnostics.append(
            Diagnostic(
                .warning, .ocrInferred,
                "Table 四: OCR read \"\(line.text)\"; taking table rulings read as 1, 4 or o out, the only reading that satisfies the identities is \(values.map(String.init).joined(separator: " | "))",
                at: line.at))
        return zip(ReviewLitigationLayout.keys, values).map { key, v in
            Cell(key: key, value: DecimalNumber(units: v), raw: nil, kind: .inferred, at: line.at)
        }
    }
}
