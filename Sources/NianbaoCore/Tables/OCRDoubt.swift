/// Text that OCR made of a scanned table (tesseract on page images): table rulings read as `|`
/// glued to digits (`01|101010410`), and digits misread (`1` as `11`). There a failed identity is
/// more likely a misread digit than the document's own arithmetic, so the cells of every failed
/// check are left null with an `ocr_doubtful` warning rather than reported as printed.
enum OCRDoubt {
    /// At least three lines with a `|` glued to a digit (not markdown: its tables were turned into
    /// cells before this runs).
    static func looksLikeOCR(_ rows: [GridRow]) -> Bool {
        var hits = 0
        for row in rows where row.text.utf8.contains(0x7C) {
            let u = Array(row.text.utf8)
            for i in u.indices where u[i] == 0x7C {
                let before = i > 0 && u[i - 1] >= 0x30 && u[i - 1] <= 0x39
                let after = i + 1 < u.count && u[i + 1] >= 0x30 && u[i + 1] <= 0x39
                if before || after { hits += 1; break }
            }
            if hits >= 3 { return true }
        }
        return false
    }

    static func dropDoubtful(_ cells: [Cell], diagnostics: inout [Diagnostic]) -> [Cell] {
        var doubtful = Set<String>()
        for check in IdentityChecker().check(cells) where check.status == .fail {
            doubtful.formUnion(check.keys)
            diagnostics.append(Diagnostic(.warning, "ocr_doubtful",
                "\(check.id) fails on text that looks like OCR output (\(check.lhs.map { "\($0)" } ?? "?") ≠ \(check.rhs.map { "\($0)" } ?? "?")); a digit may be misread, so its \(check.keys.count) cells are left null"))
        }
        guard !doubtful.isEmpty else { return cells }
        return cells.filter { !doubtful.contains($0.key) }
    }
}
