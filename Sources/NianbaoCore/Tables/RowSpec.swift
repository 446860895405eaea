/// One row of a fixed table: its flat key, its official label and the keywords that recognize it.
struct RowSpec: Sendable {
    /// Row part of the flat key, e.g. `denied.state_secret`.
    var key: String
    /// The official label (for diagnostics and the codebook).
    var label: String
    /// Match-form keywords; any one found in a label cell recognizes the row.
    var keywords: [String]
    /// A label that must be the whole cell (after removing an item marker like `3.`), e.g. `其他`.
    var wholeLabel: String? = nil

    /// Longer label text is prose or junk (a 50 MB table cell), never a row label: not scanned.
    static let maxLabelBytes = 4096

    func matches(_ key: String) -> Bool {
        guard key.utf8.count <= Self.maxLabelBytes else { return false }
        for k in keywords where key.includes(k) { return true }
        if let whole = wholeLabel {
            return Self.strippingItemMarker(key) == whole
        }
        return false
    }

    /// `3.其他` → `其他`, `(六)3.其他` → `其他`.
    static func strippingItemMarker(_ key: String) -> Substring {
        var s = Substring(key)
        if s.hasPrefix("("), let close = s.firstIndex(of: ")") { s = s[s.index(after: close)...] }
        while let f = s.first, f.isASCII, f.isNumber { s = s.dropFirst() }
        while let f = s.first, f == "." || f == "、" || f == "．" { s = s.dropFirst() }
        return s
    }
}

/// Finds which row a label names. Rows are tried in priority order (specific sub-rows before the
/// group rows whose words they contain); label cells are tried right to left (the rightmost cell is
/// the most specific: `（三）不予公开 | 1.属于国家秘密`); then the wrapped label from the rows above.
///
/// One label cell that names two rows of the table (`（一）予以公开、（二）部分公开（区分处理的…` where a
/// borderless reading put the first line of the next row's wrapped label beside this row's values)
/// does not say whose values follow: no row is claimed, and the rows stay missing (null with a
/// diagnostic) rather than taking each other's numbers. Group rows listed in ``groups`` (`（六）其他处理`)
/// may share a cell with their sub-rows; the sub-row, earlier in ``priority``, wins as before.
struct LabelMatcher: Sendable {
    var priority: [RowSpec]
    /// Keys of group rows whose label is printed in the same cell as a sub-row's.
    var groups: Set<String> = []

    func match(_ row: LogicalRow) -> RowSpec? {
        for key in row.labelKeys.reversed() {
            var first: RowSpec?
            var rowsNamed = 0
            for spec in priority where spec.matches(key) {
                if first == nil { first = spec }
                if !groups.contains(spec.key) { rowsNamed += 1 }
            }
            if rowsNamed > 1 { return nil }
            if let first { return first }
        }
        // A row of blanks only claims a row by its own label: header rows end in blank cells too.
        guard row.values.contains(where: { $0.reading.kind == .number || $0.reading.kind == .notApplicable }) else { return nil }
        let joined = row.pendingKey + row.labelKeys.joined()
        if !joined.isEmpty, let spec = priority.first(where: { $0.matches(joined) }) {
            // Label-only rows around a row of values: when those above name two rows, or those
            // below name another item row (`2.…`) whose own values never come, the values could be
            // either's (PDF reading order puts a value line between two labels): not placed.
            let named = Set(row.pendingPieces.compactMap { p in priority.first { $0.matches(p) }?.key })
            if named.count > 1 { return nil }
            if row.labelKeys.isEmpty, row.followingKey.first?.isASCII == true, row.followingKey.first?.isNumber == true,
               let next = priority.first(where: { $0.matches(row.followingKey) }), next.key != spec.key { return nil }
            return spec
        }
        return nil
    }
}
