/// What a table cell's printed text means as a value: a number, a blank, not applicable, or text.
///
/// No initializer of its own: the memberwise one builds a reading in place. The one written here
/// built each reading twice, copied one into the placed reading through the type's witnesses and
/// released the other (the memberwise one is internal: no other module makes a reading).
package struct CellReading: Sendable, Hashable {
    package var value: DecimalNumber?
    package var kind: Cell.Kind
    /// The printed text (display form).
    package var raw: String
    /// A unit printed in the cell (`元`, `万元`, `件` …), if any.
    package var unit: String?

    /// True for cells that can stand in a value column: numbers, blanks and not-applicable marks.
    package var isValue: Bool { kind != .text }

    /// True for a number or a not-applicable mark: a cell that says something (a row of blanks
    /// says nothing, and the readers do not let it claim a row).
    @inline(__always)
    var isNumberOrMark: Bool { kind.isNumberOrMark }

    /// This reading, its text and unit moved out (the reading keeps an empty text and no unit):
    /// for a reading read no more, handed on without a retain of its strings.
    mutating func take() -> CellReading {
        var text = ""
        swap(&text, &raw)
        var taken: String? = nil
        swap(&taken, &unit)
        return CellReading(value: value, kind: kind, raw: text, unit: taken)
    }

    static let notApplicableMarks: Set<String> = ["/", "-", "--", "---", "\\", "无", "不适用", "空", "—", "——", "×", "x", "X"]
    static let units = ["万元", "元", "件", "条", "个", "项", "次", "人", "%"]

    /// ``read(_:)`` of a plain ASCII number (its first fast path alone), else nil: one return, so
    /// the reading is built in place (``read(_:)``'s many returns built it once more and copied it).
    @inline(__always)
    static func plainNumber(_ text: String) -> CellReading? {
        guard let number = text.utf8.withContiguousStorageIfAvailable({ parseNumber($0) }) ?? nil else { return nil }
        return CellReading(value: number, kind: .number, raw: text)
    }

    /// Reads printed cell text. Never changes a printed number: thousands separators and units are
    /// dropped from `value` but kept in `raw`.
    package static func read(_ text: String) -> CellReading {
        var key: String? = nil
        return read(text, matchKey: &key)
    }

    /// ``read(_:)``, handing back in `made` the text's match key when the reading made it (the
    /// row collector's label cell needs the same key: it is not made twice).
    static func read(_ text: String, matchKey made: inout String?) -> CellReading {
        let meaning = meaning(of: text, matchKey: &made)
        return CellReading(value: meaning.value, kind: meaning.kind, raw: text, unit: meaning.unit)
    }

    /// What ``read(_:matchKey:)`` reads `text` as: its kind, number and unit. The reading is built
    /// from them in one place (built at each of the many returns, it was copied on its way out and
    /// the copy released: two retains and two releases per cell read). The row collector builds
    /// its value cells' readings from it too.
    static func meaning(of text: String, matchKey made: inout String?) -> (kind: Cell.Kind, value: DecimalNumber?, unit: String?) {
        if text.isEmpty { return (.empty, nil, nil) }
        // A CJK ideograph that starts no mark (most labels): the tests below read text by this
        // first scalar (no number's byte, a non-ASCII first byte, no number-or-mark start).
        if text.utf8.withContiguousStorageIfAvailable({ isLabelByFirstScalar($0, at: 0) }) == true { return (.text, nil, nil) }
        // Fast path: a plain ASCII number ("0", "21", "1,024", "7730.28", "-3"), parsed on the
        // bytes in place. parseNumber takes no byte but digits, `,`, `.` and a leading sign, so a
        // number here is the number the test below would have read.
        if let number = text.utf8.withContiguousStorageIfAvailable({ parseNumber($0) }) ?? nil { return (.number, number, nil) }
        return meaning(ofNoPlainNumber: text, matchKey: &made)
    }

    /// ``meaning(of:matchKey:)`` of a text that is no plain ASCII number: ``parseNumber(_:)-(Substring)``
    /// of its contiguous bytes is nil (or they are not contiguous: ``meaning(of:matchKey:)`` parses
    /// none then either). The row collector parses every cell first: the parse is not made twice.
    static func meaning(ofNoPlainNumber text: String, matchKey made: inout String?) -> (kind: Cell.Kind, value: DecimalNumber?, unit: String?) {
        if text.isEmpty { return (.empty, nil, nil) }
        if text.utf8.withContiguousStorageIfAvailable({ isLabelByFirstScalar($0, at: 0) }) == true { return (.text, nil, nil) }
        // (A first byte at or above 0x80 is no digit, `,`, `.`, `-` or `+`: the text is not made
        // only of those bytes, a test no longer written out.)
        if let first = text.utf8.first, first >= 0x80, !startsLikeNumberOrMark(text) {
            // Starts with a CJK letter that is not a mark like 无/不适用: a label.
            return (.text, nil, nil)
        }
        // "1,046 8" is two cells printed close together, not one number.
        if text.includesByte(0x20) && hasSpaceBetweenDigits(text) { return (.text, nil, nil) }
        let key = TextNormalizer.matchKey(text)
        made = key
        if key.isEmpty { return (.empty, nil, nil) }
        if isNotApplicableMark(key) { return (.notApplicable, nil, nil) }
        // A label that starts like a number (`1.属于国家秘密`): no unit is tried on it.
        if hasNonNumberByteBeforeUnit(key) { return (.text, nil, nil) }
        var body = Substring(key)
        var unit: String?
        if let last = body.unicodeScalars.last, last.value >= 0x80 || last == "%" {
            // The UTF-8 bytes ending in the unit's is necessary for the Character comparison (the
            // match key is NFKC: no compatibility ideograph is left that would equal a unit
            // canonically), and far cheaper; the Character test still decides.
            for u in units where Self.bytesEnd(body, with: u) && body.hasSuffix(u) && body.count > u.count {
                unit = u
                body = body.dropLast(u.count)
                break
            }
        }
        guard let number = parseNumber(body) else { return (.text, nil, nil) }
        return (.number, number, unit)
    }

    /// Whether a byte other than a digit, `,`, `.`, `-` or `+` comes before the last 6 bytes of
    /// `key`: then ``parseNumber(_:)-(Substring)`` fails on it with any unit taken off (a unit is
    /// at most 6 bytes, 万元), and ``read(_:)`` reads text.
    @inline(__always)
    static func hasNonNumberByteBeforeUnit(_ key: String) -> Bool {
        key.utf8.withContiguousStorageIfAvailable { b -> Bool in
            var i = 0
            while i < b.count - 6 {
                let c = b[i]
                if !((c >= 0x30 && c <= 0x39) || c == 0x2C || c == 0x2E || c == 0x2D || c == 0x2B) { return true }
                i += 1
            }
            return false
        } ?? false
    }

    /// The marks' UTF-8 bytes.
    private static let notApplicableMarkBytes: [[UInt8]] = notApplicableMarks.map { Array($0.utf8) }

    /// `notApplicableMarks.contains(key)` on the bytes of a match key. Byte equality is String
    /// equality here: no mark holds a scalar with a canonical decomposition or a combining mark,
    /// and a match key holds no canonical singleton (compatibility ideographs such as U+F967 不 go
    /// through NFKC when the key is made), so no key other than the mark's own bytes equals it.
    @inline(__always)
    static func isNotApplicableMark(_ key: String) -> Bool {
        let found = key.utf8.withContiguousStorageIfAvailable { b -> Bool in
            guard b.count <= 9 else { return false }  // 不适用, the longest mark
            for m in notApplicableMarkBytes where m.count == b.count {
                var i = 0
                while i < b.count, m[i] == b[i] { i += 1 }
                if i == b.count { return true }
            }
            return false
        }
        return found ?? notApplicableMarks.contains(key)
    }

    /// Whether the UTF-8 bytes of `text` end with those of `suffix`.
    @inline(__always)
    static func bytesEnd(_ text: Substring, with suffix: String) -> Bool {
        let contiguous = text.utf8.withContiguousStorageIfAvailable { t in
            suffix.utf8.withContiguousStorageIfAvailable { s -> Bool in
                guard s.count <= t.count else { return false }
                let offset = t.count - s.count
                var j = 0
                while j < s.count, t[offset + j] == s[j] { j += 1 }
                return j == s.count
            }
        }
        if let contiguous, let result = contiguous { return result }
        let t = text.utf8, s = suffix.utf8
        guard s.count <= t.count else { return false }
        var i = t.endIndex, j = s.endIndex
        while j > s.startIndex {
            t.formIndex(before: &i)
            s.formIndex(before: &j)
            if t[i] != s[j] { return false }
        }
        return true
    }

    /// First scalar of a number or a not-applicable mark in non-ASCII text: full-width digits and
    /// signs, dashes, slashes, 无, 不(适用), 空, ×.
    static func startsLikeNumberOrMark(_ text: String) -> Bool {
        guard let v = text.unicodeScalars.first?.value else { return false }
        return startsLikeNumberOrMark(scalar: v)
    }

    /// ``startsLikeNumberOrMark(_:)`` of a text whose first scalar is `v`.
    static func startsLikeNumberOrMark(scalar v: UInt32) -> Bool {
        switch v {
        case 0xFF10...0xFF19, 0xFF0B, 0xFF0D, 0xFF0F, 0x2010...0x2015, 0x2212, 0xFE63, 0xFE58, 0x00D7, 0x3000, 0x00A0: return true
        case 0x65E0, 0x4E0D, 0x7A7A: return true  // 无 不 空
        default: return v < 0x80
        }
    }

    /// Whether ``read(_:)`` of text whose UTF-8 bytes start at `i` of `b` is `.text` by its first
    /// scalar alone: a CJK ideograph (U+4E00–U+9FFF: never part of a space's Character) that
    /// starts no mark such as 无 or 不适用.
    @inline(__always)
    static func isLabelByFirstScalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i < b.count, b[i] >= 0xE4, b[i] <= 0xE9 else { return false }
        let v = b.scalar(at: i).value
        return v >= 0x4E00 && v <= 0x9FFF && !startsLikeNumberOrMark(scalar: v)
    }

    static func hasSpaceBetweenDigits(_ text: String) -> Bool {
        var lastDigit = false, spaceAfterDigit = false
        for c in text.unicodeScalars {
            let digit = (c.value >= 0x30 && c.value <= 0x39) || (c.value >= 0xFF10 && c.value <= 0xFF19)
            if digit && spaceAfterDigit { return true }
            if c == " " { spaceAfterDigit = spaceAfterDigit || lastDigit } else { spaceAfterDigit = false }
            if c != " " { lastDigit = digit }
        }
        return false
    }

    /// `-12`, `+3`, `1,024`, `7730.28`; nil for anything else (`1,0468` has a bad digit group).
    static func parseNumber(_ s: Substring) -> DecimalNumber? {
        parseNumber(s.utf8)
    }

    /// ``parseNumber(_:)-(Substring)`` on UTF-8 bytes in place. Bytes that are one to 18 digits
    /// (most value cells: `0` … `9999`) are read straight: no sign, comma or point to track, and
    /// 18 digits cannot overflow (at most 10¹⁸ − 1), so the number is the general reading's
    /// (``parseNumber(general:)``). Any other bytes go to the general reading.
    @inline(__always)
    static func parseNumber(_ b: UnsafeBufferPointer<UInt8>) -> DecimalNumber? {
        let n = b.count
        if n > 0 && n <= 18 {
            var units: Int64 = 0
            var i = 0
            while i < n {
                let d = b[i] &- 0x30
                if d > 9 { break }
                units = units &* 10 &+ Int64(d)
                i += 1
            }
            if i == n { return DecimalNumber(units: units, scale: 0) }
        }
        return parseNumber(general: b)
    }

    /// ``parseNumber(_:)-(Substring)`` on UTF-8 bytes.
    @inline(__always)
    static func parseNumber<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> DecimalNumber? {
        parseNumber(general: bytes)
    }

    /// The general reading of ``parseNumber(_:)-(Substring)`` on UTF-8 bytes: sign, digits,
    /// thousands commas and a decimal point.
    @inline(__always)
    static func parseNumber<Bytes: Sequence<UInt8>>(general bytes: Bytes) -> DecimalNumber? {
        var units: Int64 = 0
        var scale = 0
        var negative = false
        var digits = 0
        var sawPoint = false
        var lastWasComma = false
        var first = true
        var groupDigits = -1  // digits since the last thousands comma; -1 before any comma
        for c in bytes {
            defer { first = false }
            switch c {
            case UInt8(ascii: "-") where first: negative = true
            case UInt8(ascii: "+") where first: break
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (m, o1) = units.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(c - UInt8(ascii: "0")))
                if o1 || o2 { return nil }
                units = a
                digits += 1
                if sawPoint { scale += 1 } else if groupDigits >= 0 { groupDigits += 1; if groupDigits > 3 { return nil } }
                lastWasComma = false
            case UInt8(ascii: ",") where digits > 0 && !sawPoint && !lastWasComma && (groupDigits == -1 ? digits <= 3 : groupDigits == 3):
                lastWasComma = true
                groupDigits = 0
            case UInt8(ascii: ".") where digits > 0 && !sawPoint && !lastWasComma && (groupDigits == -1 || groupDigits == 3):
                sawPoint = true
            default:
                return nil
            }
        }
        if digits == 0 || lastWasComma || (sawPoint && scale == 0) || (groupDigits >= 0 && groupDigits != 3 && !sawPoint) { return nil }
        return DecimalNumber(units: negative ? -units : units, scale: scale)
    }
}
