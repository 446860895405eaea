import Foundation

/// The two strengths of normalization.
///
/// - ``display(_:)`` is what goes into the JSON: Kangxi radicals and CJK Radicals Supplement mapped to
///   unified ideographs, whitespace variants (NBSP, ideographic space, tabs) turned into plain spaces,
///   runs collapsed and the ends trimmed. Chinese punctuation such as `，：（）` stays as printed.
/// - ``matchKey(_:)`` is only used for matching labels and reading numbers: the display form,
///   NFKC-folded (full-width digits and punctuation become ASCII), quote and bracket variants unified,
///   and all whitespace removed.
package enum TextNormalizer {
    /// Maps a radical scalar to its unified ideograph, or returns it unchanged.
    @inline(__always)
    static func unifyRadical(_ v: UInt32) -> UInt32 {
        if v >= RadicalTable.first && v <= RadicalTable.last {
            let mapped = RadicalTable.ideographs[Int(v - RadicalTable.first)]
            if mapped != 0 { return mapped }
        }
        return v
    }

    @inline(__always)
    static func isSpaceLike(_ v: UInt32) -> Bool {
        switch v {
        case 0x20, 0x09, 0x0B, 0x0C, 0x0D, 0x0A, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    package static func isInvisible(_ v: UInt32) -> Bool {
        v == 0x200B || v == 0x200C || v == 0x200D || v == 0xFEFF || v == 0x00AD || v == 0x2060
    }

    /// The display form: radicals unified, whitespace cleaned and collapsed, ends trimmed.
    package static func display<S: StringProtocol>(_ text: S) -> String {
        if let unchanged = alreadyDisplay(text) { return unchanged }
        if let cleaned = text.utf8.withContiguousStorageIfAvailable(displayUTF8) { return cleaned }
        return displayOnScalars(text)
    }

    /// ``displayOnScalars(_:)`` of valid UTF-8 bytes, decoded in place and written by ``put`` straight
    /// into the new String's storage (appending scalar by scalar to a String.UnicodeScalarView cost
    /// several hundred instructions a scalar). A kept space stands for at least one space-like
    /// scalar of a byte or more, and a radical (three bytes) becomes an ideograph of three or four:
    /// the text fits in its bytes and a third more.
    static func displayUTF8(_ b: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: b.count + b.count / 3) { out in
            var n = 0
            var pendingSpace = false
            var i = 0
            while i < b.count {
                let (v, next) = b.scalar(at: i)
                i = next
                if isSpaceLike(v) {
                    pendingSpace = n > 0
                    continue
                }
                if isInvisible(v) { continue }
                if pendingSpace {
                    out[n] = 0x20
                    n += 1
                    pendingSpace = false
                }
                n = put(unifyRadical(v), into: out, at: n)
            }
            return n
        }
    }

    /// ``display(_:)`` of a text it changes, built on its scalars: the reading ``displayUTF8(_:)``
    /// stands for.
    static func displayOnScalars<S: StringProtocol>(_ text: S) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if isSpaceLike(v) {
                pendingSpace = !out.isEmpty
                continue
            }
            if isInvisible(v) { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            let mapped = unifyRadical(v)
            out.append(mapped == v ? scalar : Unicode.Scalar(mapped)!)
        }
        return String(out)
    }

    /// The text itself when display normalization would not change it (the common case), without
    /// building a new string.
    @inline(__always)
    static func alreadyDisplay<S: StringProtocol>(_ text: S) -> String? {
        var previousSpace = true  // a leading space must go
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x20 {
                if previousSpace { return nil }
                previousSpace = true
                continue
            }
            previousSpace = false
            if v < 0x20 || (v >= 0x7F && v <= 0xA0) { return nil }
            if v < 0x2000 { continue }
            if isSpaceLike(v) || isInvisible(v) || (v >= RadicalTable.first && v <= RadicalTable.last) { return nil }
        }
        if previousSpace && !text.isEmpty { return nil }  // a trailing space must go
        return String(text)
    }

    /// The text itself when folding for matching would not change it: no whitespace, no full-width
    /// forms, no quote/bracket/dash variants, no radicals.
    @inline(__always)
    static func alreadyMatchKey<S: StringProtocol>(_ text: S) -> String? {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if v <= 0x20 || v == 0x7F { return nil }
                continue
            }
            if v >= 0x4E00 && v <= 0x9FFF { continue }
            if v >= 0x3001 && v <= 0x3007 && v != 0x3000 { continue }  // 、。〃〄々〆〇
            if v == 0x300C || v == 0x300D || v == 0x300E || v == 0x300F { continue }  // 「」『』
            return nil
        }
        return String(text)
    }

    /// Whether a scalar is left alone by NFKC or handled by ``foldScalar(_:)`` directly.
    @inline(__always)
    static func isFastPath(_ v: UInt32) -> Bool {
        v < 0xA0
            || (v >= 0x4E00 && v <= 0x9FFF)
            || (v >= 0x3001 && v <= 0x3037)
            || (v >= 0xFF01 && v <= 0xFF5E)
            || (v >= 0x2E80 && v <= 0x2FDF)
            || (v >= 0x2010 && v <= 0x2027)
            || isSpaceLike(v) || isInvisible(v)
    }

    /// Folds one scalar for matching, after NFKC: full-width ASCII, quotes, brackets, dashes.
    @inline(__always)
    static func foldScalar(_ v: UInt32) -> UInt32 {
        switch v {
        case 0xFF01...0xFF5E: return v - 0xFEE0
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x301D, 0x301E, 0x301F: return 0x22  // "
        case 0x2018, 0x2019, 0x201A, 0x201B: return 0x27  // '
        case 0x3010, 0x3014, 0x3016, 0x3018, 0x301A: return 0x5B  // [
        case 0x3011, 0x3015, 0x3017, 0x3019, 0x301B: return 0x5D  // ]
        case 0x3008, 0x300A: return 0x3C  // 〈《 → <
        case 0x3009, 0x300B: return 0x3E  // 〉》 → >
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63, 0xFE58: return 0x2D  // dashes → -
        case 0x3002, 0xFF61: return 0x3002  // 。
        default: return unifyRadical(v)
        }
    }

    /// The matching form: display form, NFKC-folded, variants unified, all whitespace removed.
    package static func matchKey<S: StringProtocol>(_ text: S) -> String {
        // On the UTF-8 bytes when they are contiguous (always, for native strings): see ``byteMatchKey(_:)``.
        if let key = text.utf8.withContiguousStorageIfAvailable(byteMatchKey) {
            switch key {
            // A String is returned as it is (`String(text)` of a generic `text` was an
            // unspecialized call through the protocols' witnesses).
            case .unchanged: return text as? String ?? String(text)
            case .folded(let folded): return folded
            case .general: break
            }
        }
        return generalMatchKey(text)
    }

    /// What ``byteMatchKey(_:)`` found.
    enum ByteMatchKey {
        /// The text is its own match key (``alreadyMatchKey(_:)``).
        case unchanged
        /// The match key, folded on the bytes (no scalar needs NFKC).
        case folded(String)
        /// Some scalar needs NFKC: the general path.
        case general
    }

    /// ``matchKey(_:)`` on valid UTF-8 bytes without decoding the scalars most keys are made of
    /// (printable ASCII and CJK unified ideographs, which the key keeps as they are): a label's
    /// key is made in one pass over its bytes, and a text that is its own key allocates nothing.
    /// The same key as ``generalMatchKey(_:)`` (``ReaderShortcutTests``).
    static func byteMatchKey(_ b: UnsafeBufferPointer<UInt8>) -> ByteMatchKey {
        let n = b.count
        var i = 0
        // The scalars ``alreadyMatchKey(_:)`` accepts: ASCII 21–7E, U+4E00–U+9FFF (lead bytes E5–E9,
        // or E4 with a second byte from B8), U+3001–U+3007 and U+300C–U+300F (E3 80 81–87, 8C–8F).
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if c <= 0x20 || c == 0x7F { break }
                i &+= 1
                continue
            }
            if b.isIdeographLead(at: i) {
                i &+= 3
                continue
            }
            if c == 0xE3 && b[i &+ 1] == 0x80 {
                let t = b[i &+ 2]
                if (t >= 0x81 && t <= 0x87) || (t >= 0x8C && t <= 0x8F) {
                    i &+= 3
                    continue
                }
            }
            break
        }
        if i == n { return .unchanged }
        let prefix = i
        // Written into a buffer on the stack, then made a String without validating it again
        // (``Swift/String/init(validUTF8:isASCII:)``): the text's own scalars and the UTF-8 of
        // folded ones. Every scalar from here on must be one ``foldScalar(_:)`` handles without
        // NFKC: each is tested as it is folded (the first that is not ends it, the buffer
        // dropped), the bytes read once. The offsets stay within `n`: `&+` adds them without
        // overflow checks. Whether the key is ASCII is known from the bytes as they are written
        // (`bits`: bit 7 set by any byte that is not), not scanned for again.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { out -> ByteMatchKey in
            // The accepted prefix as it is, then the rest folded as ``foldUTF8(_:)`` folds it.
            var bits = out.copy(UnsafeBufferPointer(rebasing: b[0..<prefix]), at: 0)
            var k = prefix
            var i = prefix
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    // ASCII: spaces and line ends dropped, everything else kept as it is.
                    if c != 0x20 && !(c >= 0x09 && c <= 0x0D) {
                        out[k] = c
                        k &+= 1
                    }
                    i &+= 1
                    continue
                }
                if b.isIdeographLead(at: i) {
                    out[k] = c
                    out[k &+ 1] = b[i &+ 1]
                    out[k &+ 2] = b[i &+ 2]
                    bits |= 0x80
                    k &+= 3
                    i &+= 3
                    continue
                }
                let (v, next) = b.scalar(at: i)
                if !isFastPath(v) { return .general }
                i = next
                if isSpaceLike(v) || isInvisible(v) { continue }
                let f = foldScalar(v)
                if f >= 0x80 { bits |= 0x80 }
                k = put(f, into: out, at: k)
            }
            return .folded(String(validUTF8: UnsafeBufferPointer(rebasing: out[0..<k]), isASCII: bits & 0x8080_8080_8080_8080 == 0))
        }
    }

    /// Writes the UTF-8 bytes of scalar value `f` at `n`; returns the index after them. The one
    /// UTF-8 encoder of the byte paths (both foldings here, ``TextDecoder``'s UTF-16 transcoder).
    @inline(__always)
    static func put(_ f: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at n: Int) -> Int {
        switch f {
        case 0..<0x80:
            out[n] = UInt8(f)
            return n &+ 1
        case 0x80..<0x800:
            out[n] = UInt8(0xC0 | (f >> 6))
            out[n &+ 1] = UInt8(0x80 | (f & 0x3F))
            return n &+ 2
        case 0x800..<0x10000:
            out[n] = UInt8(0xE0 | (f >> 12))
            out[n &+ 1] = UInt8(0x80 | ((f >> 6) & 0x3F))
            out[n &+ 2] = UInt8(0x80 | (f & 0x3F))
            return n &+ 3
        default:
            out[n] = UInt8(0xF0 | (f >> 18))
            out[n &+ 1] = UInt8(0x80 | ((f >> 12) & 0x3F))
            out[n &+ 2] = UInt8(0x80 | ((f >> 6) & 0x3F))
            out[n &+ 3] = UInt8(0x80 | (f & 0x3F))
            return n &+ 4
        }
    }

    /// ``matchKey(_:)`` by the scalars: the reading ``byteMatchKey(_:)`` shortcuts, and the path of
    /// texts that need NFKC.
    static func generalMatchKey<S: StringProtocol>(_ text: S) -> String {
        if let unchanged = alreadyMatchKey(text) { return unchanged }
        var needsNFKC = false
        for scalar in text.unicodeScalars where !isFastPath(scalar.value) {
            needsNFKC = true
            break
        }
        if needsNFKC {
            let folded = String(text).precomposedStringWithCompatibilityMapping
            return foldAll(folded.unicodeScalars)
        }
        if let folded = text.utf8.withContiguousStorageIfAvailable(foldUTF8) { return folded }
        return foldAll(text.unicodeScalars)
    }

    /// ``foldAll(_:)`` of the scalars of valid UTF-8 bytes, decoded in place and written straight
    /// into the new String's storage: no scalar folds to more UTF-8 bytes than it had (full-width
    /// forms, quotes and dashes become ASCII, radicals and 。 keep three bytes) and spaces are
    /// dropped, so the folded text fits in as many bytes as the text.
    private static func foldUTF8(_ b: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: b.count) { out in
            var n = 0
            var i = 0
            while i < b.count {
                let (v, next) = b.scalar(at: i)
                i = next
                if isSpaceLike(v) || isInvisible(v) { continue }
                n = put(foldScalar(v), into: out, at: n)
            }
            return n
        }
    }

    private static func foldAll<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        // The folded scalars' UTF-8 bytes written by ``put`` straight into the new String's storage
        // (appending scalar by scalar to a String.UnicodeScalarView cost several times more); a
        // folded scalar takes at most four bytes.
        String(unsafeUninitializedCapacity: scalars.count * 4) { out in
            var n = 0
            for scalar in scalars {
                let v = scalar.value
                if isSpaceLike(v) || isInvisible(v) { continue }
                n = put(foldScalar(v), into: out, at: n)
            }
            return n
        }
    }
}
