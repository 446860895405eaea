#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Text that OCR made of a scanned table (tesseract on page images): table rulings read as `|`
/// glued to digits (`01|101010410`), and digits misread (`1` as `11`). There a failed identity is
/// more likely a misread digit than the document's own arithmetic, so the cells of every failed
/// check are left null with an `ocr_doubtful` warning rather than reported as printed.
enum OCRDoubt {
    /// At least three lines with a `|` glued to a digit (not markdown: its tables were turned into
    /// cells before this runs).
    static func looksLikeOCR(_ rows: [GridRow]) -> Bool {
        var hits = 0
        // By index, each text's bytes read in place (no row copied, no byte array made).
        for i in rows.indices where hasGluedPipe(rows[i].text) {
            hits += 1
            if hits >= 3 { return true }
        }
        return false
    }

    /// Whether a `|` in `text` has an ASCII digit just before or after it.
    static func hasGluedPipe(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(hasGluedPipe) ?? Array(text.utf8).withUnsafeBufferPointer(hasGluedPipe)
    }

    /// ``hasGluedPipe(_:)-(String)`` on the bytes: each `|` found with `memchr`.
    static func hasGluedPipe(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = u.baseAddress else { return false }
        @inline(__always) func isDigit(_ i: Int) -> Bool { i >= 0 && i < u.count && u[i] >= 0x30 && u[i] <= 0x39 }
        var from = 0
        while from < u.count, let p = memchr(base + from, 0x7C, u.count - from) {
            let i = UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self) - base
            if isDigit(i - 1) || isDigit(i + 1) { return true }
            from = i + 1
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
