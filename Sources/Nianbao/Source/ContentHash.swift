import Crypto

/// SHA-256 as lowercase hex: the `source.sha256` of a report, and the batch's state keys.
package enum ContentHash {
    package static func sha256Hex(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    package static func hex(_ digest: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in digest {
            out.append(digit(b >> 4))
            out.append(digit(b & 15))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The lowercase hex digit of a nibble (0–15): `0`–`9`, then `a`–`f` (0x57 + 10 = `a`),
    /// computed instead of read from an array of the digits made per call.
    @inline(__always)
    static func digit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x57 + nibble
    }
}
