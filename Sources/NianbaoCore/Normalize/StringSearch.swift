#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension String {
    /// Byte-wise substring test on UTF-8 (match keys are already normalized, so no Unicode-aware
    /// comparison is needed); much faster than Foundation's `contains(_:)`. Native strings are
    /// searched in their own storage (neither string copied or retained for the search).
    @inline(__always)
    package func includes(_ needle: String) -> Bool {
        let inPlace: Bool?? = utf8.withContiguousStorageIfAvailable { h in
            needle.utf8.withContiguousStorageIfAvailable { n in Self.includes(h, n) }
        }
        if let inPlace, let found = inPlace { return found }
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { h in needle.withUTF8 { n in Self.includes(h, n) } }
    }

    /// Whether the bytes `h` hold the bytes `n`: the search of ``includes(_:)``.
    @inline(__always)
    static func includes(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
        firstOffset(of: n, in: h) != nil
    }

    /// Where the bytes `n` first occur in the bytes `h` (the offset of their first byte), or `nil`
    /// where they do not; 0 for no bytes.
    @inline(__always)
    static func firstOffset(of n: UnsafeBufferPointer<UInt8>, in h: UnsafeBufferPointer<UInt8>) -> Int? {
        if n.isEmpty { return 0 }
        if n.count > h.count { return nil }
        let base = h.baseAddress!
        // The next place of the needle's last byte (memchr), then the rest (memcmp). The last
        // byte, not the first: in Chinese text the first byte of the needle (a UTF-8 lead byte,
        // E4–E9) starts nearly every character; its last byte (a continuation byte) is many times
        // rarer, so memcmp runs far less often.
        // The first match found is the first in the text: every match has the needle's length, so
        // the one that ends first starts first.
        let tail = n.count - 1
        let lastByte = Int32(n[tail])
        var i = tail  // the place of the needle's last byte in the haystack
        while i < h.count {
            guard let hit = memchr(base + i, lastByte, h.count - i) else { return nil }
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + (i - tail), n.baseAddress!, n.count) == 0 { return i - tail }
            i += 1
        }
        return nil
    }

    /// The number of Unicode scalars (`unicodeScalars.count`) counted on the UTF-8 bytes: every byte
    /// that is not a continuation byte (10xxxxxx) starts a scalar.
    @inline(__always)
    package var scalarCount: Int {
        if let n = utf8.withContiguousStorageIfAvailable({ b in
            var n = 0
            for byte in b where byte & 0xC0 != 0x80 { n += 1 }
            return n
        }) {
            return n
        }
        return unicodeScalars.count
    }

    /// One bit per byte value modulo 64 that occurs in the UTF-8 bytes. A string that holds
    /// another as a byte substring (``includes(_:)``) has every bit of the other's mask, so
    /// `needle.byteMask & ~haystack.byteMask != 0` proves that `haystack.includes(needle)` is false.
    /// For Chinese text the bits come mostly from continuation bytes (their low six bits vary).
    package var byteMask: UInt64 {
        if let mask = utf8.withContiguousStorageIfAvailable(Self.byteMask) { return mask }
        var text = self
        return text.withUTF8(Self.byteMask)
    }

    /// ``byteMask`` of the bytes `b`.
    @inline(__always)
    package static func byteMask(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var mask: UInt64 = 0
        for byte in b { mask |= 1 &<< UInt64(byte & 63) }
        return mask
    }

    /// Whether the UTF-8 bytes of this string start with those of `prefix` (`utf8.starts(with:)`
    /// without the generic views). A byte test: `hasPrefix` compares Characters.
    @inline(__always)
    func startsWithBytes(_ prefix: String) -> Bool {
        holdsBytes(of: prefix, atEnd: false)
    }

    /// Whether the UTF-8 bytes of this string end with those of `suffix` (a byte test: `hasSuffix`
    /// compares Characters).
    @inline(__always)
    func endsWithBytes(_ suffix: String) -> Bool {
        holdsBytes(of: suffix, atEnd: true)
    }

    /// Whether the UTF-8 bytes of `part` are this string's first (`atEnd` false) or last bytes:
    /// the one comparison behind ``startsWithBytes(_:)`` and ``endsWithBytes(_:)``.
    @inline(__always)
    private func holdsBytes(of part: String, atEnd: Bool) -> Bool {
        @inline(__always) func holds(_ t: UnsafeBufferPointer<UInt8>, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
            guard p.count <= t.count else { return false }
            let offset = atEnd ? t.count - p.count : 0
            for j in 0..<p.count where t[offset + j] != p[j] { return false }
            return true
        }
        // In the strings' own storage when native, as ``includes(_:)``.
        let inPlace: Bool?? = utf8.withContiguousStorageIfAvailable { t in part.utf8.withContiguousStorageIfAvailable { p in holds(t, p) } }
        if let inPlace, let found = inPlace { return found }
        var text = self
        var part = part
        return text.withUTF8 { t in part.withUTF8 { p in holds(t, p) } }
    }

    /// Whether the string holds this ASCII byte. Searched in the string's own storage when native,
    /// as ``includes(_:)``: copied into a `var` for `withUTF8`, the string was retained and
    /// released at each test.
    @inline(__always)
    func includesByte(_ byte: UInt8) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ Self.holdsByte($0, byte) }) { return found }
        var s = self
        return s.withUTF8 { Self.holdsByte($0, byte) }
    }

    /// Whether the bytes `b` hold `byte`: the search of ``includesByte(_:)``.
    @inline(__always)
    static func holdsByte(_ b: UnsafeBufferPointer<UInt8>, _ byte: UInt8) -> Bool {
        b.isEmpty ? false : memchr(b.baseAddress!, Int32(byte), b.count) != nil
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The scalar whose UTF-8 bytes start at `i` (the bytes are valid: they come from a String)
    /// and the index after them; decoded in place, for loops over a text's bytes.
    @inline(__always)
    package func scalar(at i: Int) -> (value: UInt32, next: Int) {
        let b0 = self[i]
        if b0 < 0x80 { return (UInt32(b0), i + 1) }
        if b0 < 0xE0 { return ((UInt32(b0 & 0x1F) << 6) | UInt32(self[i + 1] & 0x3F), i + 2) }
        if b0 < 0xF0 {
            return ((UInt32(b0 & 0x0F) << 12) | (UInt32(self[i + 1] & 0x3F) << 6) | UInt32(self[i + 2] & 0x3F), i + 3)
        }
        let v = (UInt32(b0 & 0x07) << 18) | (UInt32(self[i + 1] & 0x3F) << 12) | (UInt32(self[i + 2] & 0x3F) << 6) | UInt32(self[i + 3] & 0x3F)
        return (v, i + 4)
    }

    /// Whether the bytes at `i` start a CJK unified ideograph U+4E00–U+9FFF (three bytes in valid
    /// UTF-8): a lead byte E5–E9 (U+5000–U+9FFF), or E4 with a second byte from B8 (U+4E00–U+4FFF).
    /// The one test of the byte paths that take such a scalar as it is, without decoding it.
    @inline(__always)
    package func isIdeographLead(at i: Int) -> Bool {
        let c = self[i]
        return (c >= 0xE5 && c <= 0xE9) || (c == 0xE4 && i + 1 < count && self[i + 1] >= 0xB8)
    }
}

extension UnsafeMutableBufferPointer where Element == UInt8 {
    /// Copies the bytes `b` to `self[k..<(k + b.count)]` and returns their bits or-ed together
    /// (in each byte of the result: bit 7 is set where some byte is not ASCII), for the short
    /// pieces of a String being assembled (a cell, a label), where a call to memmove and a scan
    /// for ASCII cost more than the bytes. Sixteen bytes at a time, the last sixteen overlapping
    /// those before; fewer by two overlapping words of eight or four, or the first, middle and
    /// last of one to three bytes (every byte read and written, none outside the two buffers).
    @inline(__always)
    package func copy(_ b: UnsafeBufferPointer<UInt8>, at k: Int) -> UInt64 {
        let n = b.count
        precondition(k >= 0 && n <= count &- k, "no room for the bytes")
        guard n > 0, let source = b.baseAddress, let base = baseAddress else { return 0 }
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(base + k)
        if n >= 16 {
            var bits = SIMD16<UInt8>()
            var i = 0
            while i &+ 16 <= n {
                let v = from.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                to.storeBytes(of: v, toByteOffset: i, as: SIMD16<UInt8>.self)
                bits |= v
                i &+= 16
            }
            if i < n {
                let v = from.loadUnaligned(fromByteOffset: n &- 16, as: SIMD16<UInt8>.self)
                to.storeBytes(of: v, toByteOffset: n &- 16, as: SIMD16<UInt8>.self)
                bits |= v
            }
            let words = unsafeBitCast(bits, to: SIMD2<UInt64>.self)
            return words[0] | words[1]
        }
        if n >= 8 {
            let first = from.loadUnaligned(as: UInt64.self)
            let last = from.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
            to.storeBytes(of: first, as: UInt64.self)
            to.storeBytes(of: last, toByteOffset: n &- 8, as: UInt64.self)
            return first | last
        }
        if n >= 4 {
            let first = from.loadUnaligned(as: UInt32.self)
            let last = from.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
            to.storeBytes(of: first, as: UInt32.self)
            to.storeBytes(of: last, toByteOffset: n &- 4, as: UInt32.self)
            return UInt64(first | last)
        }
        let first = source[0]
        let middle = source[n &>> 1]
        let last = source[n &- 1]
        base[k] = first
        base[k &+ (n &>> 1)] = middle
        base[k &+ n &- 1] = last
        return UInt64(first | middle | last)
    }
}
