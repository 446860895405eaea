import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Decodes the bytes of a text report: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK
/// (detected when the bytes are not valid UTF-8). Binary junk is refused.
package struct TextDecoder: Sendable {
    package struct Decoded: Sendable {
        package var text: String
        /// `UTF-8`, `UTF-8 (BOM)`, `UTF-16LE`, `UTF-16BE`, `GB18030`.
        package var encoding: String
    }

    package init() {}

    package func decode(_ bytes: [UInt8], path: String) throws(ExtractError) -> Decoded {
        if bytes.isEmpty { throw ExtractError(.empty, path: path, "the file is empty") }
        let decoded: Decoded
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let s = String(validating: bytes[3...], as: UTF8.self) else {
                throw ExtractError(.undecodable, path: path, "the file starts with a UTF-8 byte order mark but is not valid UTF-8")
            }
            decoded = Decoded(text: s, encoding: "UTF-8 (BOM)")
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            guard let s = Self.decodeUTF16(bytes[2...], littleEndian: little) else {
                throw ExtractError(.undecodable, path: path, "the file starts with a UTF-16 byte order mark but is not valid UTF-16")
            }
            decoded = Decoded(text: s, encoding: little ? "UTF-16LE" : "UTF-16BE")
        } else if let s = String(validating: bytes, as: UTF8.self) {
            decoded = Decoded(text: s, encoding: "UTF-8")
        } else if let s = Self.decodeGB18030(bytes) {
            decoded = Decoded(text: s, encoding: "GB18030")
        } else {
            throw ExtractError(.undecodable, path: path, "the bytes are neither UTF-8, UTF-16 nor GB18030 text")
        }
        try Self.refuseBinary(decoded.text, path: path)
        return decoded
    }

    /// Text with NUL bytes or many control characters is binary junk, whatever it decoded as (HTML
    /// alike: ``HTMLReader``). Text of only whitespace (ideographic spaces, no-break spaces …) is empty.
    static func refuseBinary(_ text: String, path: String) throws(ExtractError) {
        try refuse(text.utf8.withContiguousStorageIfAvailable(tally) ?? Array(text.utf8).withUnsafeBufferPointer(tally), path: path)
    }

    /// ``refuseBinary(_:path:)`` on the counts of ``tally(_:)``.
    static func refuse(_ t: Tally, path: String) throws(ExtractError) {
        if t.nul { throw nulError(path: path, line: t.line) }
        let total = t.total, control = t.control, visible = t.visible
        if total > 0 && control * 20 > total {
            throw ExtractError(.undecodable, path: path, "the file is mostly control characters: it is binary, not text")
        }
        if visible == 0 { throw ExtractError(.empty, path: path, "the file holds only whitespace") }
    }

    /// What ``refuseBinary(_:path:)`` counts over the scalars, up to the first NUL (`nul`, on `line`).
    struct Tally {
        var total = 0, control = 0, visible = 0, line = 1
        var nul = false
        /// A `<` or a `|` among all the bytes, before a NUL or after it (set by
        /// ``tally(validating:)`` only): the plain UTF-8 reading of ``TextReader`` leaves such a
        /// text to the general reading, and the tally's pass reads every byte already (two more
        /// passes looked for them with `memchr`).
        var angleOrPipe = false
    }

    /// Counts on the UTF-8 bytes (valid: they come from a String), decoding each scalar in place.
    static func tally(_ b: UnsafeBufferPointer<UInt8>) -> Tally {
        var t = Tally()
        let n = b.count
        var i = 0
        while i < n {
            // Printable ASCII and U+4000–U+9FFF (lead bytes E4–E9: CJK ideographs and hexagrams):
            // one visible scalar each, none a control, a line end or a NUL.
            let b0 = b[i]
            if b0 > 0x20 && b0 < 0x7F {
                t.total += 1; t.visible += 1; i += 1
                continue
            }
            if b0 >= 0xE4 && b0 <= 0xE9 {
                t.total += 1; t.visible += 1; i += 3
                continue
            }
            // A space (aligned text is full of them): neither visible nor a control.
            if b0 == 0x20 {
                t.total += 1; i += 1
                continue
            }
            let (v, next) = b.scalar(at: i)
            i = next
            t.total += 1
            if v == 0x0A { t.line += 1 }
            if v == 0 { t.nul = true; return t }
            if v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D && v != 0x0C { t.control += 1 }
            if v == 0xFFFD || (v >= 0xE000 && v <= 0xF8FF) { t.control += 1 }
            if v > 0x20 && !(v >= 0x7F && v < 0xA0) && !isWhitespace(Unicode.Scalar(v)!) && !TextNormalizer.isInvisible(v) { t.visible += 1 }
        }
        return t
    }

    /// ``tally(_:)`` of bytes not yet known to be UTF-8, validated in the same pass (as
    /// `String(validating:as: UTF8.self)` validates: shortest forms, no surrogates, nothing above
    /// U+10FFFF); nil when they are not valid UTF-8. Also says whether the bytes hold a `<` or a
    /// `|` (``Tally/angleOrPipe``). The plain UTF-8 reading of ``TextReader`` makes no String of
    /// the whole text (``ReaderShortcutTests``).
    ///
    /// The bytes are read through their base address: every read is at an index below `n`, checked
    /// just before it (``TextScanShortcutTests`` compares the result with the plain readings).
    static func tally(validating b: UnsafeBufferPointer<UInt8>) -> Tally? {
        guard let p = b.baseAddress else { return Tally() }
        var t = Tally()
        // The counts at the first NUL: the rest is only validated (its counts are dropped).
        var atNUL: Tally?
        // Bit 6 is the only one `<` (3C) and `|` (7C) differ in: no other byte is either with it set.
        var angleOrPipe = false
        let n = b.count
        var i = 0
        while i < n {
            let b0 = p[i]
            // Three-byte scalars that are one visible scalar each, as the general path below counts
            // them (``isVisibleThreeByte(_:)``): most of a report. Two ideographs at a time from one
            // load of eight bytes, else one scalar from the first four (the last scalar of the text
            // is left to the general path). One loop for every kind of scalar: a report switches
            // between ideographs, punctuation, digits and spaces every few scalars, and a loop per
            // run paid its setup that often. The counts stay at most `n`: no sum overflows.
            if b0 >= 0xE2 {
                if i &+ 8 <= n {
                    let w = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                    if Self.areTwoIdeographs(w) {
                        // The pairs that follow, in a loop of their own.
                        var pairs = 1
                        i &+= 6
                        while i &+ 8 <= n && Self.areTwoIdeographs(UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))) {
                            pairs &+= 1
                            i &+= 6
                        }
                        t.total &+= 2 &* pairs
                        t.visible &+= 2 &* pairs
                        continue
                    }
                    if Self.isVisibleThreeByte(UInt32(truncatingIfNeeded: w)) {
                        t.total &+= 1
                        t.visible &+= 1
                        i &+= 3
                        continue
                    }
                } else if i &+ 4 <= n && Self.isVisibleThreeByte(UInt32(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt32.self))) {
                    t.total &+= 1
                    t.visible &+= 1
                    i &+= 3
                    continue
                }
            } else if b0 > 0x20 && b0 < 0x7F {
                // Printable ASCII (numbers, Latin): a visible scalar.
                if b0 | 0x40 == 0x7C { angleOrPipe = true }
                t.total &+= 1
                t.visible &+= 1
                i &+= 1
                continue
            } else if b0 == 0x20 {
                // A run of spaces (aligned text pads its columns with long runs): neither visible
                // nor a control; eight at a time while they last.
                let k = Self.spaceRunEnd(b, from: i &+ 1)
                t.total &+= k &- i
                i = k
                continue
            } else if b0 == 0x0A {
                // A line end, a tab, a carriage return: neither visible nor a control.
                t.total &+= 1
                t.line &+= 1
                i &+= 1
                continue
            } else if b0 == 0x09 || b0 == 0x0D {
                t.total &+= 1
                i &+= 1
                continue
            }
            // Any other ASCII: a control, a line end or a NUL.
            if b0 < 0x80 {
                t.total += 1
                if b0 == 0x0A {
                    t.line += 1
                } else if b0 == 0 {
                    if atNUL == nil {
                        atNUL = t
                        atNUL?.nul = true
                    }
                } else if b0 < 0x20 && b0 != 0x09 && b0 != 0x0D && b0 != 0x0C {
                    t.control += 1
                }
                i += 1
                continue
            }
            // The second byte's range by the lead byte (Unicode Table 3-7), then continuation bytes.
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            let length: Int
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return nil
            }
            guard i + length <= n, p[i + 1] >= low, p[i + 1] <= high else { return nil }
            if length > 2 {
                guard p[i + 2] & 0xC0 == 0x80 else { return nil }
                if length > 3 {
                    guard p[i + 3] & 0xC0 == 0x80 else { return nil }
                }
            }
            t.total += 1
            if b0 >= 0xE4 && b0 <= 0xE9 {
                t.visible += 1
            } else {
                let v = b.scalar(at: i).value
                if v == 0xFFFD || (v >= 0xE000 && v <= 0xF8FF) { t.control += 1 }
                if !(v >= 0x7F && v < 0xA0) && !isWhitespace(Unicode.Scalar(v)!) && !TextNormalizer.isInvisible(v) { t.visible += 1 }
            }
            i += length
        }
        var result = atNUL ?? t
        result.angleOrPipe = angleOrPipe
        return result
    }

    /// Whether the four bytes `w` (the first in its low byte) start a well-formed three-byte
    /// scalar that ``tally(_:)`` counts as one visible scalar and no control: a CJK ideograph or
    /// hexagram (lead E4–E9: U+4000–U+9FFF), CJK punctuation (U+3001–U+3FFF: lead E3 but not the
    /// ideographic space E3 80 80), a full-width form (U+FF00–U+FF7F: EF BC, EF BD), or a dash,
    /// quote or `…` (U+2010–U+2027: E2 80 90–A7). None is whitespace (``isWhitespace(_:)``),
    /// invisible, private use or U+FFFD; their lead bytes put no shortest-form or surrogate limit
    /// on the second byte.
    @inline(__always)
    static func isVisibleThreeByte(_ w: UInt32) -> Bool {
        guard w & 0x00C0_C0F0 == 0x0080_80E0 else { return false }
        let lead = w & 0xFF
        if lead &- 0xE4 < 6 { return true }
        if lead == 0xE3 { return w & 0x00FF_FF00 != 0x0080_8000 }
        if lead == 0xEF { return (w >> 8) & 0xFE == 0xBC }
        return w & 0x00F8_FFFF == 0x0090_80E2 || w & 0x00F8_FFFF == 0x0098_80E2 || w & 0x00F8_FFFF == 0x00A0_80E2
    }

    /// The end of the run of spaces (0x20) that starts at `i` (`i` itself when `b[i]` is none;
    /// `i` at most `b.count`): eight bytes a step, and in the first word that holds something else
    /// its first byte that is not a space, found at the lowest set bit of the word XOR eight spaces
    /// (no byte loop whose exit the branch predictor misses at every run's end).
    @inline(__always)
    static func spaceRunEnd(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        guard let p = b.baseAddress else { return i }
        let n = b.count
        var k = i
        while k &+ 8 <= n {
            let x = UInt64(littleEndian: UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self)) ^ 0x2020_2020_2020_2020
            if x != 0 { return k &+ (x.trailingZeroBitCount &>> 3) }
            k &+= 8
        }
        while k < n && p[k] == 0x20 { k &+= 1 }
        return k
    }

    /// Whether the first six of the eight bytes `w` (the first in its low byte) are two
    /// well-formed three-byte scalars with lead bytes E4–E9 (CJK ideographs and hexagrams, each a
    /// visible scalar for ``isVisibleThreeByte(_:)``).
    @inline(__always)
    static func areTwoIdeographs(_ w: UInt64) -> Bool {
        w & 0x0000_C0C0_F0C0_C0F0 == 0x0000_8080_E080_80E0 && (w & 0xFF) &- 0xE4 < 6 && ((w >> 24) & 0xFF) &- 0xE4 < 6
    }

    /// Unicode White_Space without the property lookup for the scalars that cannot have it (ASCII
    /// letters and punctuation, CJK): those are most of a report.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x85 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v > 0x3000 { return false }
        return scalar.properties.isWhitespace
    }

    /// The one behaviour for a NUL in a text or HTML file, wherever it is: the file is refused
    /// (`undecodable`), never read in part.
    package static func nulError(path: String, line: Int) -> ExtractError {
        ExtractError(.undecodable, path: path, "the file holds NUL bytes (the first on line \(line)): it is binary, not text")
    }

    /// UTF-16 code units transcoded straight into the UTF-8 storage of the new String (a unit
    /// takes at most three bytes, a surrogate pair four); nil at an unpaired surrogate, as
    /// `String(validating:as: UTF16.self)`.
    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var valid = true
        let text = bytes.withUnsafeBufferPointer { b in
            String(unsafeUninitializedCapacity: b.count / 2 * 3) { out in
                let n = b.count
                var i = 0
                var k = 0
                @inline(__always) func unit(_ at: Int) -> UInt32 {
                    littleEndian ? UInt32(b[at]) | UInt32(b[at + 1]) << 8 : UInt32(b[at]) << 8 | UInt32(b[at + 1])
                }
                while i < n {
                    let u = unit(i)
                    i += 2
                    if u < 0xD800 || u > 0xDFFF {
                        k = TextNormalizer.put(u, into: out, at: k)
                    } else {
                        // A high surrogate followed by a low one; anything else is invalid.
                        guard u <= 0xDBFF, i < n else {
                            valid = false
                            return 0
                        }
                        let low = unit(i)
                        guard low >= 0xDC00 && low <= 0xDFFF else {
                            valid = false
                            return 0
                        }
                        i += 2
                        k = TextNormalizer.put(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), into: out, at: k)
                    }
                }
                return k
            }
        }
        return valid ? text : nil
    }

    /// GB18030 (a superset of GBK and GB2312) through iconv. Returns nil when the bytes are not valid GB18030.
    package static func decodeGB18030(_ bytes: [UInt8]) -> String? {
        let cd = iconv_open("UTF-8", "GB18030")
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        let capacity = bytes.count * 2 + 16
        var output = [UInt8](repeating: 0, count: capacity)
        var written = -1
        input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if r != -1 && inLeft == 0 { written = capacity - outLeft }
            }
        }
        guard written >= 0 else { return nil }
        return String(validating: output[0..<written], as: UTF8.self)
    }
}
