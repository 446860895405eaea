#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension String {
    /// Byte-wise substring test on UTF-8 (match keys are already normalized, so no Unicode-aware
    /// comparison is needed); much faster than Foundation's `contains(_:)`.
    @inline(__always)
    package func includes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                if n.isEmpty { return true }
                if n.count > h.count { return false }
                let base = h.baseAddress!
                let first = Int32(n[0])
                let last = h.count - n.count
                var i = 0
                while i <= last {
                    // The next place of the first byte (memchr), then the rest (memcmp).
                    guard let hit = memchr(base + i, first, last - i + 1) else { return false }
                    i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + i, n.baseAddress!, n.count) == 0 { return true }
                    i += 1
                }
                return false
            }
        }
    }

    /// Whether the string holds this ASCII byte.
    @inline(__always)
    func includesByte(_ byte: UInt8) -> Bool {
        var s = self
        return s.withUTF8 { b in b.isEmpty ? false : memchr(b.baseAddress!, Int32(byte), b.count) != nil }
    }
}
