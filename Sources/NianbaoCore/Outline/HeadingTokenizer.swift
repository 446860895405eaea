/// Recognizes heading markers. Works on display text; a small hand-written reader, no regular expressions.
package enum HeadingTokenizer {
    /// Value of a Chinese numeral character (一 … 十, 〇, 零); a switch, not a dictionary: this runs for every line.
    struct Numerals {
        @inline(__always)
        subscript(_ c: Unicode.Scalar) -> Int? {
            switch c {
            case "一": return 1
            case "二": return 2
            case "三": return 3
            case "四": return 4
            case "五": return 5
            case "六": return 6
            case "七": return 7
            case "八": return 8
            case "九": return 9
            case "十": return 10
            case "〇", "零": return 0
            default: return nil
            }
        }
    }

    static let numerals = Numerals()

    /// Value of a Chinese numeral 一 … 九十九.
    static func chineseNumber(_ scalars: [Unicode.Scalar]) -> Int? {
        guard !scalars.isEmpty, scalars.count <= 3 else { return nil }
        let values = scalars.compactMap { numerals[$0] }
        guard values.count == scalars.count else { return nil }
        switch values.count {
        case 1: return values[0] == 0 ? nil : values[0]
        case 2:
            if values[0] == 10 { return 10 + values[1] }  // 十一
            if values[1] == 10 { return values[0] * 10 }  // 二十
            return nil
        default:
            if values[1] == 10 && values[0] < 10 && values[2] < 10 { return values[0] * 10 + values[2] }  // 二十一
            return nil
        }
    }

    package static func token(_ text: String) -> HeadingToken? {
        // Quick rejection without allocating: a marker starts with a numeral, a bracket or a digit.
        guard let f = text.unicodeScalars.first,
            numerals[f] != nil || f == "（" || f == "(" || asciiDigit(f) != nil
        else { return nil }
        let s = Array(text.unicodeScalars)
        guard let first = s.first else { return nil }
        var i = 0
        func skipSpaces() { while i < s.count, s[i] == " " { i += 1 } }

        if numerals[first] != nil {
            while i < s.count, numerals[s[i]] != nil { i += 1 }
            let digits = Array(s[0..<i])
            skipSpaces()
            guard i < s.count, ["、", "．", ".", "，"].contains(s[i]), let n = chineseNumber(digits) else { return nil }
            if s[i] == "，" { return nil }
            i += 1
            return make(.section, n, s, i)
        }
        if first == "（" || first == "(" {
            i = 1
            skipSpaces()
            let startDigits = i
            while i < s.count, numerals[s[i]] != nil { i += 1 }
            guard let n = chineseNumber(Array(s[startDigits..<i])) else { return nil }
            skipSpaces()
            guard i < s.count, s[i] == "）" || s[i] == ")" else { return nil }
            i += 1
            if i < s.count, ["、", "．", "."].contains(s[i]) { i += 1 }
            return make(.subsection, n, s, i)
        }
        if let d = asciiDigit(first) {
            var n = d
            i = 1
            while i < s.count, let d2 = asciiDigit(s[i]), i < 2 { n = n * 10 + d2; i += 1 }
            skipSpaces()
            guard i < s.count, ["、", "．", "."].contains(s[i]) else { return nil }
            // 1.5万元 is a number, not a marker.
            if s[i] != "、", i + 1 < s.count, asciiDigit(s[i + 1]) != nil { return nil }
            i += 1
            return make(.item, n, s, i)
        }
        return nil
    }

    @inline(__always)
    static func asciiDigit(_ c: Unicode.Scalar) -> Int? {
        if c.value >= 0x30 && c.value <= 0x39 { return Int(c.value - 0x30) }
        if c.value >= 0xFF10 && c.value <= 0xFF19 { return Int(c.value - 0xFF10) }
        return nil
    }

    private static func make(_ level: HeadingToken.Level, _ n: Int, _ s: [Unicode.Scalar], _ end: Int) -> HeadingToken {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s[0..<end])
        var j = end
        while j < s.count, s[j] == " " { j += 1 }
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: s[j...])
        return HeadingToken(level: level, number: n, marker: String(view).trimmingTrailingSpaces(), rest: String(rest))
    }
}
