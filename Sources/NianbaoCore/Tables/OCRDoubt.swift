/// Text that OCR made of a scanned table (tesseract on page images): table rulings read as `|`
/// glued to digits (`01|101010410`), and digits misread (`1` as `11`). There a failed identity is
/// more likely a misread digit than the document's own arithmetic, so the cells of every failed
/// check are left null with an `ocr_doubtful` warning rather than reported as printed.
enum OCRDoubt {
    /// At least three lines with a `|` glued to a digit (not markdown: its tables were turned into
    /// cells before this runs).
    static func looksLikeOCR(_ rows: [GridRow]) -> Bool {
        var hits = 0
        for row in rows where row.text.includesByte(0x7C) {
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

    ///
    /// A failed check whose cells all but one are vouched for by a passing check (the values add
    /// up in another identity) points at that one cell: only it is left null. Otherwise every cell
    /// of the failed check is. Rulings read as `1` before digits are taken off first where the
    /// identities allow one reading only (``OCRPipeDigits``).
    static func dropDoubtful(_ cells: [Cell], diagnostics: inout [Diagnostic]) -> [Cell] {
        let cells = OCRPipeDigits.correct(cells, diagnostics: &diagnostics)
        var doubtful = Set<String>()
        let checks = IdentityChecker().check(cells)
        var vouched = Set<String>()
        for check in checks where check.status == .pass { vouched.formUnion(check.keys) }
        let present = Set(cells.map(\.key))
        for check in checks where check.status == .fail {
            let unexplained = check.keys.filter { present.contains($0) && !vouched.contains($0) }
            let shown = "\(check.lhs.map { "\($0)" } ?? "?") ≠ \(check.rhs.map { "\($0)" } ?? "?")"
            if unexplained.count == 1 {
                doubtful.insert(unexplained[0])
                diagnostics.append(
                    Diagnostic(
                        .warning, .ocrDoubtful,
                        "\(check.id) fails on text that looks like OCR output (\(shown)); a digit may be misread, and only \(unexplained[0]) is in no passing check, so it is left null"))
            } else {
                doubtful.formUnion(check.keys)
                diagnostics.append(
                    Diagnostic(
                        .warning, .ocrDoubtful,
                        "\(check.id) fails on text that looks like OCR output (\(shown)); a digit may be misread, so its \(check.keys.count) cells are left null"))
            }
        }
        guard !doubtful.isEmpty else { return cells }
        return cells.filter { !doubtful.contains($0.key) }
    }
}
