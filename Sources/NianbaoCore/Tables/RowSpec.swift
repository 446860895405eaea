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
        matches(key, wholeLabel: wholeLabel) { key in keywords.contains { key.includes($0) } }
    }

    /// ``matches(_:)`` with the search for a keyword in the key handed in: ``LabelMatcher``
    /// searches its specs' keywords where it keeps them, in place.
    @inline(__always)
    static func matches(_ key: String, wholeLabel: String?, holdsKeyword: (String) -> Bool) -> Bool {
        guard key.utf8.count <= maxLabelBytes else { return false }
        if holdsKeyword(key) { return true }
        guard let whole = wholeLabel else { return false }
        // Equal to the whole label after a prefix is stripped: the key ends with the label's
        // bytes (no other scalar decomposes canonically to 其 or 他, so the equal Substring
        // holds the same scalars). The bytes are compared first; most keys end otherwise.
        return key.endsWithBytes(whole) && isWholeLabel(key, whole)
    }

    /// `strippingItemMarker(key) == whole`, on the bytes when both texts are made only of
    /// printable ASCII (20–7E), CJK unified ideographs (U+4E00–U+9FFF), `、` and `．`: each such
    /// scalar is a Character of its own (none extends or joins a grapheme, no CR LF) and none has
    /// a canonical decomposition, so the marker's Characters are its bytes (`(`, `)`, an ASCII
    /// digit, `.`, `、`, `．`) and Substring equality is byte equality. Otherwise the Character
    /// reading decides (a key of 4,096 bytes ends with `其他` at most once per row: its walk was
    /// thousands of instructions).
    static func isWholeLabel(_ key: String, _ whole: String) -> Bool {
        let onBytes = key.utf8.withContiguousStorageIfAvailable { k in
            whole.utf8.withContiguousStorageIfAvailable { w in isWholeLabel(utf8: k, w) }
        }
        if let onBytes, let decided = onBytes, let answer = decided { return answer }
        return strippingItemMarker(key) == whole
    }

    /// ``isWholeLabel(_:_:)`` on the UTF-8 bytes of the key and of the whole label; nil when a
    /// scalar of either is outside the set read on bytes.
    static func isWholeLabel(utf8 k: UnsafeBufferPointer<UInt8>, _ w: UnsafeBufferPointer<UInt8>) -> Bool? {
        // `、` (E3 80 81) or `．` (EF BC 8E) at `i`.
        func isPause(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
            i + 2 < b.count && ((b[i] == 0xE3 && b[i + 1] == 0x80 && b[i + 2] == 0x81) || (b[i] == 0xEF && b[i + 1] == 0xBC && b[i + 2] == 0x8E))
        }
        func isPlain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
            var i = 0
            while i < b.count {
                if b[i] >= 0x20 && b[i] < 0x7F {
                    i += 1
                } else if b.isIdeographLead(at: i) || isPause(b, i) {
                    i += 3
                } else {
                    return false
                }
            }
            return true
        }
        guard isPlain(k), isPlain(w) else { return nil }
        let n = k.count
        var i = 0
        // `(…)`: up to the first `)`, when there is one.
        if n > 0 && k[0] == 0x28 {
            var close = 1
            while close < n && k[close] != 0x29 { close += 1 }
            if close < n { i = close + 1 }
        }
        while i < n && k[i] >= 0x30 && k[i] <= 0x39 { i += 1 }
        while i < n {
            if k[i] == 0x2E {
                i += 1
            } else if isPause(k, i) {
                i += 3
            } else {
                break
            }
        }
        guard n - i == w.count else { return false }
        for j in 0..<w.count where k[i + j] != w[j] { return false }
        return true
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
