import Nianbao
/// A state entry's key (SHA-256, see ``BatchStateStore/key(id:sha256:fingerprint:)``) held in 32 bytes
/// inline: the batch keeps one per input until the end, so it must not cost a heap string each.
package struct StateKey: Hashable, Sendable {
    var words: (UInt64, UInt64, UInt64, UInt64)

    /// From 64 lowercase or uppercase hex digits.
    package init?(hex: String) {
        let u = Array(hex.utf8)
        guard u.count == 64 else { return nil }
        var w: [UInt64] = [0, 0, 0, 0]
        for (i, c) in u.enumerated() {
            let v: UInt64
            switch c {
            case 0x30...0x39: v = UInt64(c - 0x30)
            case 0x61...0x66: v = UInt64(c - 0x61 + 10)
            case 0x41...0x46: v = UInt64(c - 0x41 + 10)
            default: return nil
            }
            w[i / 16] = w[i / 16] << 4 | v
        }
        words = (w[0], w[1], w[2], w[3])
    }

    package var hex: String {
        ContentHash.hex([words.0, words.1, words.2, words.3].flatMap { w in (0..<8).map { UInt8(truncatingIfNeeded: w >> UInt64(56 - 8 * $0)) } })
    }

    package static func == (a: StateKey, b: StateKey) -> Bool {
        a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2 && a.words.3 == b.words.3
    }

    package func hash(into h: inout Hasher) {
        h.combine(words.0); h.combine(words.1); h.combine(words.2); h.combine(words.3)
    }
}
