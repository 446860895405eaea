import NianbaoArchive
import Nianbao
import Crypto
import Foundation

/// `--shard K/N`: input `id` belongs to shard K when the first 8 bytes of SHA-256(id), read as a
/// big-endian integer, are ≡ K−1 (mod N). Depends only on the report id (the path relative to the
/// archive folder), so every machine computes the same split, whatever it mounts the archive as.
package struct BatchShard: Sendable, Hashable, CustomStringConvertible {
    package var index: Int
    package var count: Int

    package init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        index = k
        count = n
    }

    package func contains(_ input: BatchInput) -> Bool {
        let digest = Array(SHA256.hash(data: Array(input.id.utf8)))
        var v: UInt64 = 0
        for b in digest.prefix(8) { v = v << 8 | UInt64(b) }
        return Int(v % UInt64(count)) == index - 1
    }

    package var description: String { "\(index)/\(count)" }
}
