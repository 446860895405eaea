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
