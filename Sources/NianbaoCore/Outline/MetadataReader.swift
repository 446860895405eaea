/// Reads agency and year from the title, falling back to the statistical-period sentence of the preface.
enum MetadataReader {
    /// Position and value of the first `2023年` / `2023 年` (19xx or 20xx) in the text.
    static func firstYear(_ text: String) -> (year: Int, start: String.Index, end: String.Index)? {
        switch text.utf8.withContiguousStorageIfAvailable(firstYear(plainBytes:)) ?? .undecided {
        case .found(let year, let start, let end):
            let u = text.utf8
            return (year, u.index(u.startIndex, offsetBy: start), u.index(u.startIndex, offsetBy: end))
        case .none: return nil
        case .undecided: return firstYearOnCharacters(text)
        }
    }

    /// What ``firstYear(plainBytes:)`` found.
    enum YearOnBytes: Equatable {
        /// The year and the byte offsets of its first digit and of the end of its 年.
        case found(Int, Int, Int)
        case none
        /// The bytes cannot decide it: the Characters are read.
        case undecided
    }

    /// ``firstYearOnCharacters(_:)`` on the bytes of a text made only of printable ASCII, CJK
    /// unified ideographs (U+4E00–U+9FFF), U+3001–U+3006, U+3008–U+3011, and the fullwidth
    /// forms U+FF01–U+FF0F, U+FF1A–U+FF5E (the fullwidth digits left out); ``YearOnBytes/undecided``
    /// for any other text. Each such scalar is a Character of its own; the only ones with a
    /// `wholeNumberValue` are the ASCII digits and some ideographs (一, 二, 〇's kin…): where an
    /// ideograph other than 年 would be asked for it (in a run of digits, or right after four), the
    /// answer is undecided.
    static func firstYear(plainBytes b: UnsafeBufferPointer<UInt8>) -> YearOnBytes {
        let n = b.count
        var k = 0
        while k < n {
            let (v, next) = b.scalar(at: k)
            k = next
            let plain =
                (v >= 0x20 && v <= 0x7E) || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3001 && v <= 0x3006) || (v >= 0x3008 && v <= 0x3011)
                || (v >= 0xFF01 && v <= 0xFF0F) || (v >= 0xFF1A && v <= 0xFF5E)
            guard plain else { return .undecided }
        }
        // 年: E5 B9 B4.
        @inline(__always) func nian(_ j: Int) -> Bool { j + 2 < n && b[j] == 0xE5 && b[j + 1] == 0xB9 && b[j + 2] == 0xB4 }
        var i = 0
        while i < n {
            let c = b[i]
            guard c == 0x31 || c == 0x32 else {
                i += c < 0x80 ? 1 : 3
                continue
            }
            var j = i
            var value = 0
            var count = 0
            while j < n, count < 4 {
                let d = b[j]
                if d >= 0x30 && d <= 0x39 {
                    value = value * 10 + Int(d - 0x30)
                    count += 1
                    j += 1
                    continue
                }
                // An ideograph may be a numeral that continues the run.
                if d >= 0xE4 && d <= 0xE9 { return .undecided }
                break
            }
            let afterDigits = j
            if count == 4, j < n {
                let d = b[j]
                if d >= 0x30 && d <= 0x39 {
                    // A fifth digit: not a year here.
                } else if d >= 0xE4 && d <= 0xE9 && !nian(j) {
                    return .undecided
                } else {
                    while j < n, b[j] == 0x20 { j += 1 }
                    if nian(j), (1990...2100).contains(value) { return .found(value, i, j + 3) }
                }
            }
            i = afterDigits
        }
        return .none
    }

    /// The reading of ``firstYear(_:)`` on the text's Characters.
    static func firstYearOnCharacters(_ text: String) -> (year: Int, start: String.Index, end: String.Index)? {
        let s = text
        var i = s.startIndex
        while i < s.endIndex {
            if let d = s[i].wholeNumberValue, d == 1 || d == 2, s[i].isASCII || s[i].unicodeScalars.first!.value >= 0xFF10 {
                var j = i
                var value = 0
                var count = 0
                while j < s.endIndex, count < 4, let v = s[j].wholeNumberValue { value = value * 10 + v; count += 1; j = s.index(after: j) }
                let afterDigits = j
                if count == 4, j < s.endIndex, s[j].wholeNumberValue == nil {
                    while j < s.endIndex, s[j] == " " { j = s.index(after: j) }
                    if j < s.endIndex, s[j] == "年", (1990...2100).contains(value) {
                        return (value, i, s.index(after: j))
                    }
                }
                i = afterDigits > i ? afterDigits : s.index(after: i)
                continue
            }
            i = s.index(after: i)
        }
        return nil
    }

    static func agencyAndYear(title: String?) -> (agency: String?, year: Int?) {
        guard let title, let y = firstYear(title) else { return (nil, nil) }
        guard isPlain(title) else { return agencyAndYearOnCharacters(title, y) }
        // ``agencyAndYearOnCharacters(_:_:)`` of a plain title: its Character tests are tests of
        // the bytes (the agency and the rest are parts of the title, plain too), and the search
        // for 政府信息公开 (Foundation's `range(of:)`) a search of its bytes.
        var agency = String(title[..<y.start])
        if agency.startsWithBytes("关于") { agency.removeFirst(2) }
        agency = trimmingOpeningMarks(agency)
        if agency.isEmpty { agency = agencyAfterYear(plain: String(title[y.end...])) }
        if agency.endsWithBytes("的") { agency.removeLast() }
        return (agency.isEmpty ? nil : agency, y.year)
    }

    /// Whether every scalar of the text is printable ASCII (20–7E), a CJK unified ideograph
    /// (U+4E00–U+9FFF), CJK punctuation U+3001–U+3011 or a fullwidth form U+FF01–U+FF5E. Each such
    /// scalar is a Character of its own (none extends another or joins it) and its own NFC form
    /// (none has a canonical decomposition): two such texts are equal Characters exactly when
    /// their bytes are equal, and Characters start where scalars start.
    static func isPlain(_ text: String) -> Bool {
        let plain = text.utf8.withContiguousStorageIfAvailable { b -> Bool in
            var i = 0
            while i < b.count {
                let (v, next) = b.scalar(at: i)
                i = next
                let ok =
                    (v >= 0x20 && v <= 0x7E) || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3001 && v <= 0x3011) || (v >= 0xFF01 && v <= 0xFF5E)
                if !ok { return false }
            }
            return true
        }
        return plain ?? false
    }

    /// The agency named after the year of a plain title (``isPlain(_:)``), `rest` the text after
    /// its 年: a leading 度 skipped, the text before the first 政府信息公开 (its bytes' first place:
    /// a lead byte starts a scalar), or "" where there is none.
    static func agencyAfterYear(plain rest: String) -> String {
        var rest = rest
        var word = "政府信息公开"
        return rest.withUTF8 { b -> String in
            let du: [UInt8] = [0xE5, 0xBA, 0xA6]  // 度
            let start = b.count >= 3 && b[0] == du[0] && b[1] == du[1] && b[2] == du[2] ? 3 : 0
            let after = UnsafeBufferPointer(rebasing: b[start...])
            guard let end = word.withUTF8({ String.firstOffset(of: $0, in: after) }) else { return "" }
            return String(validUTF8: UnsafeBufferPointer(rebasing: after[..<end]))
        }
    }

    /// The reading of ``agencyAndYear(title:)`` on the title's Characters, the year `y` found in it.
    static func agencyAndYearOnCharacters(_ title: String, _ y: (year: Int, start: String.Index, end: String.Index)) -> (agency: String?, year: Int?) {
        var agency = String(title[..<y.start])
        for prefix in ["关于"] where agency.hasPrefix(prefix) { agency.removeFirst(prefix.count) }
        agency = trimmingOpeningMarks(agency)
        if agency.isEmpty {
            // 2023年度保定市某某局政府信息公开工作年度报告
            var rest = title[y.end...]
            if rest.hasPrefix("度") { rest = rest.dropFirst() }
            if let r = rest.range(of: "政府信息公开") { agency = String(rest[..<r.lowerBound]) }
        }
        if agency.hasSuffix("的") { agency.removeLast() }
        return (agency.isEmpty ? nil : agency, y.year)
    }

    /// The marks ``agencyAndYear(title:)`` trims off the agency's ends.
    static let openingMarks: Set<Unicode.Scalar> = ["（", "(", "《", "“", "\""]

    /// `text.trimmingCharacters(in: "（(《“\"")`. The trim takes those scalars off both ends one
    /// by one: a text whose first and last scalars are neither (as a rule) has nothing to trim and
    /// is itself, without a character set made and searched.
    static func trimmingOpeningMarks(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            openingMarks.contains(first) || openingMarks.contains(last)
        else { return text }
        return text.trimmingCharacters(in: "（(《“\"")
    }

    /// Year from the statistical period: 统计期限为2023年1月1日至12月31日, or the first year named.
    static func year(fromPreface preface: String) -> Int? {
        if let r = preface.range(of: "统计") ?? preface.range(of: "期限"), let y = firstYear(String(preface[r.lowerBound...])) {
            return y.year
        }
        return firstYear(preface)?.year
    }
}
