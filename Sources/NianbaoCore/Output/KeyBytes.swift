#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tests on the UTF-8 bytes of flat keys (ASCII in practice), for the JSON writer's per-cell work,
/// each giving the answer of the String operation it stands for: where the bytes cannot decide
/// it, the String operation is asked.
enum KeyBytes {
    /// True when the two strings have the same UTF-8 bytes (then they are equal as Strings too);
    /// false says only that the bytes differ (canonically equivalent spellings still compare equal
    /// with `==`).
    @inline(__always)
    static func same(_ a: String, _ b: String) -> Bool {
        let n = a.utf8.count
        guard b.utf8.count == n else { return false }
        let r: Bool? =
            a.utf8.withContiguousStorageIfAvailable { x in
                b.utf8.withContiguousStorageIfAvailable { y in
                    n == 0 || memcmp(x.baseAddress!, y.baseAddress!, n) == 0
                }
            } ?? nil
        return r ?? false
    }

    /// `s.hasPrefix(p)` for an ASCII prefix that ends in `.`: no other spelling of such a prefix
    /// exists, so differing bytes mean false; equal bytes mean true unless the next byte starts a
    /// non-ASCII scalar (a combining mark would join the `.` into another Character), which is left
    /// to `hasPrefix`.
    @inline(__always)
    static func hasPrefix(_ s: String, _ p: StaticString) -> Bool {
        let n = p.utf8CodeUnitCount
        let r: Bool?? = s.utf8.withContiguousStorageIfAvailable { b -> Bool? in
            guard b.count >= n, memcmp(b.baseAddress!, p.utf8Start, n) == 0 else { return false }
            if b.count == n || b[n] < 0x80 { return true }
            return nil
        }
        if let decided = r ?? nil { return decided }
        return s.hasPrefix(p.description)
    }
}
