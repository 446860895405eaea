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
        Self.matches(key, keywords: keywords, wholeLabel: wholeLabel)
    }

    /// ``matches(_:)`` of a spec with these keywords and whole label.
    @inline(__always)
    static func matches(_ key: String, keywords: [String], wholeLabel: String?) -> Bool {
        guard key.utf8.count <= maxLabelBytes else { return false }
        for k in keywords where key.includes(k) { return true }
        if let whole = wholeLabel {
            // Equal to the whole label after a prefix is stripped: the key ends with the label's
            // bytes (no other scalar decomposes canonically to 其 or 他, so the equal Substring
            // holds the same scalars). The bytes are compared first; most keys end otherwise.
            return key.endsWithBytes(whole) && strippingItemMarker(key) == whole
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
