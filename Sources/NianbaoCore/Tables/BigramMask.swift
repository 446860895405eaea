/// The adjacent byte pairs of a text's UTF-8, hashed into 256 bits: a necessary condition for a
/// byte substring. When a keyword's bytes occur in a key, every pair of the keyword is a pair of
/// the key, so a keyword whose mask has a bit the key's lacks cannot be in it. Chinese text uses
/// few distinct single bytes (lead bytes E4–E9, continuation bytes 80–BF), so a mask of bytes
/// lets most keywords through to the substring search; pairs tell them apart.
struct BigramMask: Sendable, Equatable {
    var a: UInt64 = 0
    var b: UInt64 = 0
    var c: UInt64 = 0
    var d: UInt64 = 0

    init() {}

    init(_ text: String) {
        var text = text
        self = text.withUTF8 { Self(bytes: $0) }
    }

    init(bytes p: UnsafeBufferPointer<UInt8>) {
        guard p.count >= 2 else { return }
        var previous = UInt32(p[0])
        for i in 1..<p.count {
            let current = UInt32(p[i])
            insert(((previous &<< 8) | current) &* 0x9E37_79B1)
            previous = current
        }
    }

    /// Sets the bit of a pair's hash (its top 8 bits).
    @inline(__always)
    private mutating func insert(_ hash: UInt32) {
        let bit = UInt64(1) &<< UInt64((hash >> 24) & 63)
        switch hash >> 30 {
        case 0: a |= bit
        case 1: b |= bit
        case 2: c |= bit
        default: d |= bit
        }
    }

    /// Whether every bit of `self` is set in `other`.
    @inline(__always)
    func isSubset(of other: BigramMask) -> Bool {
        (a & ~other.a) | (b & ~other.b) | (c & ~other.c) | (d & ~other.d) == 0
    }
}
