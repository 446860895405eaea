/// Page numbers and similar page furniture that extracted text scatters through the document,
/// tables included: `-4-`, `— 5 —`, `第 4 页`, `第4页 共5页`, `4/5`.
enum PageFurniture {
    /// The dashes around a page number (`-4-`, `— 5 —` in match form).
    private static let dashes: Set<Character> = ["-", "_", "~", "·", "•"]

    /// A necessary condition of ``isPageNumber(_:)`` read from the String value and its first byte
    /// alone: at most 40 bytes, and a first byte that one of its plausible first scalars starts
    /// with (a dash, `_`, `~`, a digit; `·` C2, `‐`…`―` `•` `−` E2, 第 E7, full-width `－` and
    /// digits EF). Inlined where the rows are filtered, it spares most rows the call, and with it
    /// the retain and release of their text around it.
    @inline(__always)
    static func mayStartPageNumber(_ text: String) -> Bool {
        let n = text.utf8.count
        guard n > 0, n <= 40, let b = text.utf8.first else { return false }
        return (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F || b == 0x7E || b == 0xC2 || b == 0xE2 || b == 0xE7 || b == 0xEF
    }

    static func isPageNumber(_ text: String) -> Bool {
        // Quick rejection: page furniture is short and starts with a dash, 第, a digit or Page.
        guard text.utf8.count <= 40, let v = firstScalar(text) else { return false }
        let plausible =
            v == 0x2D || v == 0x5F || v == 0x7E || v == 0xB7 || v == 0x2022 || (v >= 0x2010 && v <= 0x2015)
            || v == 0xFF0D || v == 0x7B2C || (v >= 0x30 && v <= 0x39) || (v >= 0xFF10 && v <= 0xFF19) || v == 0x2212
        guard plausible, mayBePageNumber(text) else { return false }
        let k = TextNormalizer.matchKey(text)
        if let answer = k.utf8.withContiguousStorageIfAvailable({ asciiKeyReading($0, text) }), let answer { return answer }
        return keyReading(k, text)
    }

    /// The reading of ``isPageNumber(_:)`` on the match key `k` of `text`, by Characters.
    static func keyReading(_ k: String, _ text: String) -> Bool {
        guard !k.isEmpty, k.scalarCount <= 16 else { return false }
        var s = Substring(k)
        // -4- and — 5 —
        if let f = s.first, dashes.contains(f), let l = s.last, dashes.contains(l) {
            s = s.drop(while: { dashes.contains($0) })
            while let l = s.last, dashes.contains(l) { s = s.dropLast() }
            return !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber }
        }
        // 第4页 / 第4页共5页 / 4/5
        if s.hasPrefix("第") && s.contains("页") {
            return s.allSatisfy { $0 == "第" || $0 == "页" || $0 == "共" || ($0.isASCII && $0.isNumber) || $0 == "," }
        }
        if s.count <= 7, let slash = s.firstIndex(of: "/"), !text.contains(" ") {
            let a = s[..<slash], b = s[s.index(after: slash)...]
            return !a.isEmpty && !b.isEmpty && a.allSatisfy { $0.isASCII && $0.isNumber } && b.allSatisfy { $0.isASCII && $0.isNumber }
        }
        return false
    }

    /// ``keyReading(_:_:)`` on the key's bytes, for a key of printable ASCII only
    /// (bytes 21–7E: a page number's key as a rule), nil for any other key. Each such byte is a
    /// Character of its own, equal only to itself; the dashes it can hold are `-`, `_` and `~`, a
    /// Character that is ASCII and a number is a digit, and no such key starts with 第. The `/`
    /// reading asks `text` for a space as the Character reading does.
    static func asciiKeyReading(_ k: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool? {
        for byte in k where byte <= 0x20 || byte >= 0x7F { return nil }
        guard !k.isEmpty, k.count <= 16 else { return false }
        @inline(__always) func isDash(_ b: UInt8) -> Bool { b == 0x2D || b == 0x5F || b == 0x7E }
        @inline(__always) func digits(_ r: Range<Int>) -> Bool { !r.isEmpty && r.allSatisfy { k[$0] >= 0x30 && k[$0] <= 0x39 } }
        if isDash(k[0]) && isDash(k[k.count - 1]) {
            var from = 0
            while from < k.count && isDash(k[from]) { from += 1 }
            var to = k.count
            while to > from && isDash(k[to - 1]) { to -= 1 }
            return digits(from..<to)
        }
        if k.count <= 7, let slash = k.firstIndex(of: 0x2F), !text.contains(" ") {
            return digits(0..<slash) && digits((slash + 1)..<k.count)
        }
        return false
    }

    /// `text.unicodeScalars.first?.value`, decoded from the first bytes in place.
    @inline(__always)
    static func firstScalar(_ text: String) -> UInt32? {
        let decoded: UInt32?? = text.utf8.withContiguousStorageIfAvailable { b in b.isEmpty ? nil : b.scalar(at: 0).value }
        return decoded ?? text.unicodeScalars.first?.value
    }

    /// A necessary condition of ``isPageNumber(_:)`` on the text's own scalars, before its match
    /// key is made: every reading below accepts a key made of ASCII digits, the dashes, `,`, `/`
    /// and 第页共 only. An ASCII scalar the key keeps (all but spaces and controls) or a CJK unified
    /// ideograph (the key keeps it as it is) outside that set rules the text out; so does a text
    /// of plain digits without a dash, `/` or 第, and without any other scalar that NFKC or the
    /// folding could turn into one (a row of table values `0 0 12 3`).
    @inline(__always)
    static func mayBePageNumber(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(mayBePageNumber) ?? true
    }

    /// ``mayBePageNumber(_:)-(String)`` on valid UTF-8 bytes.
    static func mayBePageNumber(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var marker = false  // a dash, `/`, 第, or a scalar the key may turn into anything
        var i = 0
        while i < b.count {
            let (v, next) = b.scalar(at: i)
            i = next
            if v < 0x80 {
                if v >= 0x30 && v <= 0x39 || v == 0x2C || v <= 0x20 || v == 0x7F { continue }
                if v == 0x2D || v == 0x5F || v == 0x7E || v == 0x2F { marker = true; continue }
                return false
            }
            if v >= 0x4E00 && v <= 0x9FFF {
                if v == 0x7B2C || v == 0x9875 || v == 0x5171 { marker = true; continue }  // 第 页 共
                return false
            }
            marker = true
        }
        return marker
    }
}
