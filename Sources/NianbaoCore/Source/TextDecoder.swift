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
    /// U+10FFFF); nil when they are not valid UTF-8. The plain UTF-8 reading of ``TextReader``
    /// makes no String of the whole text (``ReaderShortcutTests``).
    static func tally(validating b: UnsafeBufferPointer<UInt8>) -> Tally? {
        var t = Tally()
        var tallying = true  // until the first NUL; the rest is only validated
        let n = b.count
        var i = 0
        while i < n {
            let b0 = b[i]
            // A CJK ideograph (most of a report): a lead byte E4–E9 (no shortest-form or surrogate
            // limit on its second byte) and two continuation bytes; a visible scalar.
            // A run of them counted at once, each checked as the one before.
            if b0 >= 0xE4 && b0 <= 0xE9 {
                var k = i
                repeat {
                    guard k + 3 <= n, b[k + 1] & 0xC0 == 0x80, b[k + 2] & 0xC0 == 0x80 else { return nil }
                    k += 3
                } while k < n && b[k] >= 0xE4 && b[k] <= 0xE9
                if tallying {
                    t.total += (k - i) / 3
                    t.visible += (k - i) / 3
                }
                i = k
                continue
            }
            // A run of printable ASCII (numbers, Latin): one visible scalar each.
            if b0 > 0x20 && b0 < 0x7F {
                var k = i + 1
                while k < n && b[k] > 0x20 && b[k] < 0x7F { k += 1 }
                if tallying {
                    t.total += k - i
                    t.visible += k - i
                }
                i = k
                continue
            }
            // A run of spaces (aligned text is full of them, in runs of any length): neither
            // visible nor a control; eight at a time while they last.
            if b0 == 0x20 {
                var k = i + 1
                if let base = b.baseAddress {
                    while k + 8 <= n && UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 { k += 8 }
                }
                while k < n && b[k] == 0x20 { k += 1 }
                if tallying { t.total += k - i }
                i = k
                continue
            }
            // CJK punctuation (U+3001–U+3FFF: lead E3 but not the ideographic space E3 80 80) and
            // full-width forms (U+FF00–U+FF7F: EF BC, EF BD), the rest of a report's scalars above
            // ASCII: no shortest-form or surrogate limit on their second byte, and each one visible
            // scalar as the general path below counts it (none is whitespace: ``isWhitespace(_:)``
            // is false above U+3000; nor invisible, private use or U+FFFD).
            if (b0 == 0xE3 || b0 == 0xEF) && i + 3 <= n {
                let b1 = b[i + 1]
                let b2 = b[i + 2]
                if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 && (b0 == 0xE3 ? b1 != 0x80 || b2 != 0x80 : b1 == 0xBC || b1 == 0xBD) {
                    if tallying {
                        t.total += 1
                        t.visible += 1
                    }
                    i += 3
                    continue
                }
            }
            if b0 < 0x80 {
                if tallying {
                    t.total += 1
                    if b0 > 0x20 && b0 < 0x7F {
                        t.visible += 1
                    } else if b0 == 0x0A {
                        t.line += 1
                    } else if b0 == 0 {
                        t.nul = true
                        tallying = false
                    } else if b0 < 0x20 && b0 != 0x09 && b0 != 0x0D && b0 != 0x0C {
                        t.control += 1
                    }
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
            guard i + length <= n, b[i + 1] >= low, b[i + 1] <= high else { return nil }
            if length > 2 {
                guard b[i + 2] & 0xC0 == 0x80 else { return nil }
                if length > 3 {
                    guard b[i + 3] & 0xC0 == 0x80 else { return nil }
                }
            }
            if tallying {
                t.total += 1
                if b0 >= 0xE4 && b0 <= 0xE9 {
                    t.visible += 1
                } else {
                    let v = b.scalar(at: i).value
                    if v == 0xFFFD || (v >= 0xE000 && v <= 0xF8FF) { t.control += 1 }
                    if !(v >= 0x7F && v < 0xA0) && !isWhitespace(Unicode.Scalar(v)!) && !TextNormalizer.isInvisible(v) { t.visible += 1 }
                }
            }
            i += length
        }
        return t
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
