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
    static func chineseNumber<C: Collection<Unicode.Scalar>>(_ scalars: C) -> Int? {
        guard !scalars.isEmpty, scalars.count <= 3 else { return nil }
        // The (at most three) values in place of an array.
        var values = (0, 0, 0)
        var count = 0
        for s in scalars {
            guard let v = numerals[s] else { return nil }
            switch count {
            case 0: values.0 = v
            case 1: values.1 = v
            default: values.2 = v
            }
            count += 1
        }
        return chineseNumber(values, count: count)
    }

    /// ``chineseNumber(_:)`` of `count` numerals whose values (the first three) are `values`.
    @inline(__always)
    static func chineseNumber(_ values: (Int, Int, Int), count: Int) -> Int? {
        let first = values.0
        switch count {
        case 0: return nil
        case 1: return first == 0 ? nil : first
        case 2:
            if first == 10 { return 10 + values.1 }  // 十一
            if values.1 == 10 { return first * 10 }  // 二十
            return nil
        case 3:
            if values.1 == 10 && first < 10 && values.2 < 10 { return first * 10 + values.2 }  // 二十一
            return nil
        default: return nil
        }
    }

    package static func token(_ text: String) -> HeadingToken? {
        guard let (level, n, end) = marker(text) else { return nil }
        return make(level, n, text, end)
    }

    /// ``token(_:)`` when its level is `level`, else nil: the token's strings are made only for
    /// the level asked for.
    static func token(_ text: String, level: HeadingToken.Level) -> HeadingToken? {
        guard let (l, n, end) = marker(text), l == level else { return nil }
        return make(l, n, text, end)
    }

    /// Whether the text starts with a heading marker (``token(_:)`` is not nil), without making the token.
    static func startsWithMarker(_ text: String) -> Bool {
        marker(text) != nil
    }

    /// The level, number and end (in scalars) of the marker the text starts with.
    static func marker(_ text: String) -> (HeadingToken.Level, Int, Int)? {
        // On the UTF-8 bytes in place (a native string's); the scalar reading below otherwise.
        if let found = text.utf8.withContiguousStorageIfAvailable({ marker(utf8: $0) }) { return found }
        // Quick rejection without allocating: a marker starts with a numeral, a bracket or a digit.
        guard let f = text.unicodeScalars.first,
            numerals[f] != nil || f == "（" || f == "(" || asciiDigit(f) != nil
        else { return nil }
        // The punctuation each reading below requires after the numerals and spaces, looked for on
        // the scalars in place (most lines starting with a numeral, a bracket or a digit are prose
        // or table rows and fail it) before any array is made: a necessary condition only.
        var it = text.unicodeScalars.makeIterator()
        var c = it.next()
        if numerals[f] != nil {
            while let d = c, numerals[d] != nil { c = it.next() }
            while let d = c, d == " " { c = it.next() }
            guard let d = c, d == "、" || d == "．" || d == "." || d == "，" else { return nil }
        } else if f == "（" || f == "(" {
            c = it.next()
            while let d = c, d == " " { c = it.next() }
            while let d = c, numerals[d] != nil { c = it.next() }
            while let d = c, d == " " { c = it.next() }
            guard let d = c, d == "）" || d == ")" else { return nil }
        } else {
            // A digit (a table row's `0 0 0`, a date): one more digit at most, spaces, then 、．.
            c = it.next()
            if let d = c, asciiDigit(d) != nil { c = it.next() }
            while let d = c, d == " " { c = it.next() }
            guard let d = c, d == "、" || d == "．" || d == "." else { return nil }
        }
        // A marker is decided within its first few scalars: they are read first, and the whole
        // text only when the reading ran past them (then the answer is the whole text's).
        // The first scalars in a buffer on the stack (an array per candidate line cost more than
        // the reading).
        let first: (found: (HeadingToken.Level, Int, Int)?, rereadWhole: Bool) = withUnsafeTemporaryAllocation(
            of: Unicode.Scalar.self, capacity: markerScan
        ) { buffer in
            var count = 0
            for scalar in text.unicodeScalars {
                if count == markerScan { break }
                buffer.initializeElement(at: count, to: scalar)
                count += 1
            }
            let (found, ranOut) = marker(in: UnsafeBufferPointer(rebasing: buffer[0..<count]))
            return (found, ranOut && count == markerScan)
        }
        if first.rereadWhole {
            return marker(in: Array(text.unicodeScalars)).found
        }
        return first.found
    }

    /// ``marker(in:_:)`` on the scalars of the whole text (the answer of ``marker(_:)``), read from
    /// the text's UTF-8 bytes one scalar at a time (its end counted in scalars): no scalars are
    /// copied, no closure asked per index.
    static func marker(utf8 b: UnsafeBufferPointer<UInt8>) -> (HeadingToken.Level, Int, Int)? {
        // A marker's first scalar is a numeral (一 … 十 between U+4E00 and U+5341, 〇 U+3007, 零
        // U+96F6: lead bytes E3, E4, E5, E9), a bracket (`(`, （ U+FF08: EF) or a digit (ASCII, or
        // U+FF10–U+FF19: EF): a text that starts with any other byte is rejected before decoding.
        guard let lead = b.first, lead == 0x28 || (lead >= 0x30 && lead <= 0x39) || (lead >= 0xE3 && lead <= 0xE5) || lead == 0xE9 || lead == 0xEF else {
            return nil
        }
        var s = ScalarCursor(b: b)
        guard let first = s.current else { return nil }
        if numerals[first] != nil {
            let (values, count) = s.numeralRun()
            s.skipSpaces()
            guard let c = s.current, c == "、" || c == "．" || c == "." || c == "，", let number = chineseNumber(values, count: count) else {
                return nil
            }
            if c == "，" { return nil }
            return (.section, number, s.i + 1)
        }
        if first == "（" || first == "(" {
            s.advance()
            s.skipSpaces()
            let (values, count) = s.numeralRun()
            guard let number = chineseNumber(values, count: count) else { return nil }
            s.skipSpaces()
            guard let c = s.current, c == "）" || c == ")" else { return nil }
            s.advance()
            if let c = s.current, c == "、" || c == "．" || c == "." { return (.subsection, number, s.i + 1) }
            return (.subsection, number, s.i)
        }
        if let d = asciiDigit(first) {
            var number = d
            s.advance()
            while let c = s.current, let d2 = asciiDigit(c), s.i < 2 {
                number = number * 10 + d2
                s.advance()
            }
            s.skipSpaces()
            guard let c = s.current, c == "、" || c == "．" || c == "." else { return nil }
            // 1.5万元 is a number, not a marker.
            if c != "、" {
                s.advance()
                if let next = s.current, asciiDigit(next) != nil { return nil }
                return (.item, number, s.i)
            }
            return (.item, number, s.i + 1)
        }
        return nil
    }

    /// Reads a text's UTF-8 bytes one scalar at a time for ``marker(utf8:)``, counting scalars.
    private struct ScalarCursor {
        let b: UnsafeBufferPointer<UInt8>
        /// The byte offset of scalar ``i``.
        var p = 0
        var i = 0

        init(b: UnsafeBufferPointer<UInt8>) {
            self.b = b
        }

        /// The scalar at ``i``, nil at the end.
        @inline(__always)
        var current: Unicode.Scalar? {
            p < b.count ? Unicode.Scalar(b.scalar(at: p).value).unsafelyUnwrapped : nil
        }

        @inline(__always)
        mutating func advance() {
            p = b.scalar(at: p).next
            i += 1
        }

        @inline(__always)
        mutating func skipSpaces() {
            while p < b.count, b[p] == 0x20 {
                p += 1
                i += 1
            }
        }

        /// The run of numerals from here: the first three values and how many.
        @inline(__always)
        mutating func numeralRun() -> ((Int, Int, Int), Int) {
            var values = (0, 0, 0)
            var count = 0
            while let c = current, let v = HeadingTokenizer.numerals[c] {
                switch count {
                case 0: values.0 = v
                case 1: values.1 = v
                case 2: values.2 = v
                default: break
                }
                count += 1
                advance()
            }
            return (values, count)
        }
    }

    /// The plain reading ``marker(utf8:)`` stands for: ``marker(in:_:)`` on all the text's scalars.
    static func markerOnScalars(_ text: String) -> (HeadingToken.Level, Int, Int)? {
        marker(in: Array(text.unicodeScalars)).found
    }

    /// How many scalars are read first for a marker (markers are at most about six).
    static let markerScan = 16

    /// The marker at the start of `s`; `ranOut`: the reading looked past the end of `s`.
    private static func marker<S: RandomAccessCollection<Unicode.Scalar>>(in s: S) -> (found: (HeadingToken.Level, Int, Int)?, ranOut: Bool)
    where S.Index == Int {
        var ranOut = false
        func has(_ k: Int) -> Bool {
            if k < s.count { return true }
            ranOut = true
            return false
        }
        return (marker(in: s, has), ranOut)
    }

    private static func marker<S: RandomAccessCollection<Unicode.Scalar>>(in s: S, _ has: (Int) -> Bool) -> (HeadingToken.Level, Int, Int)?
    where S.Index == Int {
        guard let first = s.first else { return nil }
        var i = 0
        func skipSpaces() { while has(i), s[i] == " " { i += 1 } }

        if numerals[first] != nil {
            while has(i), numerals[s[i]] != nil { i += 1 }
            let digits = s[0..<i]
            skipSpaces()
            guard has(i), ["、", "．", ".", "，"].contains(s[i]), let n = chineseNumber(digits) else { return nil }
            if s[i] == "，" { return nil }
            i += 1
            return (.section, n, i)
        }
        if first == "（" || first == "(" {
            i = 1
            skipSpaces()
            let startDigits = i
            while has(i), numerals[s[i]] != nil { i += 1 }
            guard let n = chineseNumber(s[startDigits..<i]) else { return nil }
            skipSpaces()
            guard has(i), s[i] == "）" || s[i] == ")" else { return nil }
            i += 1
            if has(i), ["、", "．", "."].contains(s[i]) { i += 1 }
            return (.subsection, n, i)
        }
        if let d = asciiDigit(first) {
            var n = d
            i = 1
            while has(i), let d2 = asciiDigit(s[i]), i < 2 { n = n * 10 + d2; i += 1 }
            skipSpaces()
            guard has(i), ["、", "．", "."].contains(s[i]) else { return nil }
            // 1.5万元 is a number, not a marker.
            if s[i] != "、", has(i + 1), asciiDigit(s[i + 1]) != nil { return nil }
            i += 1
            return (.item, n, i)
        }
        return nil
    }

    @inline(__always)
    static func asciiDigit(_ c: Unicode.Scalar) -> Int? {
        if c.value >= 0x30 && c.value <= 0x39 { return Int(c.value - 0x30) }
        if c.value >= 0xFF10 && c.value <= 0xFF19 { return Int(c.value - 0xFF10) }
        return nil
    }

    /// The token of `text` whose marker (``marker(_:)``) is `level`, `n`, `end`: cut on the bytes,
    /// the marker's `end` scalars stepped over in place, the parts copied as they are (a String's
    /// bytes cut at scalar boundaries: not validated again).
    static func make(_ level: HeadingToken.Level, _ n: Int, _ text: String, _ end: Int) -> HeadingToken {
        var text = text
        return text.withUTF8 { b in
            let (i, j) = cut(b, end)
            let marker = String(validUTF8: UnsafeBufferPointer(rebasing: b[..<i]))
            return HeadingToken(
                level: level, number: n, marker: marker.trimmingTrailingSpaces(),
                rest: String(validUTF8: UnsafeBufferPointer(rebasing: b[j...])))
        }
    }

    /// Where ``make(_:_:_:_:)`` cuts the valid UTF-8 bytes `b` of a text whose marker ends after
    /// `end` scalars: the byte offset after the marker, and that of the rest (the spaces after the
    /// marker stepped over).
    static func cut(_ b: UnsafeBufferPointer<UInt8>, _ end: Int) -> (markerEnd: Int, restStart: Int) {
        var i = 0
        for _ in 0..<end {
            precondition(i < b.count, "a marker longer than its text")
            i = b.scalar(at: i).next
        }
        var j = i
        while j < b.count && b[j] == 0x20 { j += 1 }
        return (i, j)
    }
}
