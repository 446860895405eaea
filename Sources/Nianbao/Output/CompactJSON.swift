/// Byte-level edits of compact JSON written by ``JSONValue`` (sorted keys, no whitespace), so the
/// batch can turn a stored report into its indented form, or add the cross-year checks, without
/// parsing it into values: the results are the bytes ``JSONValue/serialized(pretty:)`` would give.
public enum CompactJSON {
    /// The two-space indented form (with a trailing newline) of compact JSON.
    public static func pretty(_ compact: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(compact.count * 2)
        compact.withUnsafeBufferPointer { input in
            let n = input.count
            var depth = 0
            var i = 0
            while i < n {
                let b = input[i]
                switch b {
                case 0x22: // a string, copied up to its closing quote
                    var j = i + 1
                    while j < n {
                        let c = input[j]
                        if c == 0x5C { j += 2; continue }
                        if c == 0x22 { break }
                        j += 1
                    }
                    j = min(j, n - 1)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: input[i...j]))
                    i = j + 1
                    continue
                case 0x7B, 0x5B:
                    out.append(b)
                    if i + 1 < n, input[i + 1] == b + 2 { // `{}`, `[]`
                        out.append(b + 2)
                        i += 2
                        continue
                    }
                    depth += 1
                    newline(&out, depth)
                case 0x7D, 0x5D:
                    depth -= 1
                    newline(&out, depth)
                    out.append(b)
                case 0x2C: out.append(b); newline(&out, depth)
                case 0x3A: out.append(b); out.append(0x20)
                default: out.append(b)
                }
                i += 1
            }
        }
        out.append(0x0A)
        return out
    }

    @inline(__always)
    private static func newline(_ out: inout [UInt8], _ depth: Int) {
        out.append(0x0A)
        for _ in 0..<depth { out.append(0x20); out.append(0x20) }
    }

    /// Appends compact items to top-level arrays of a compact JSON object (`"checks"`, `"diagnostics"`).
    /// nil when the text is not an object or a named member is missing or not an array.
    public static func appending(_ additions: [(key: String, items: [[UInt8]])], to compact: [UInt8]) -> [UInt8]? {
        var inserts: [(at: Int, bytes: [UInt8])] = []
        for (key, items) in additions where !items.isEmpty {
            guard let (open, close) = topLevelArray(key, in: compact) else { return nil }
            var bytes: [UInt8] = close == open + 1 ? [] : [0x2C]
            for (i, item) in items.enumerated() {
                if i > 0 { bytes.append(0x2C) }
                bytes += item
            }
            inserts.append((close, bytes))
        }
        inserts.sort { $0.at < $1.at }
        var out: [UInt8] = []
        out.reserveCapacity(compact.count + inserts.reduce(0) { $0 + $1.bytes.count })
        var from = 0
        for (at, bytes) in inserts {
            out += compact[from..<at]
            out += bytes
            from = at
        }
        out += compact[from...]
        return out
    }

    /// Offsets of `[` and its `]` for the member `key` of the outermost object.
    static func topLevelArray(_ key: String, in bytes: [UInt8]) -> (Int, Int)? {
        let quoted = [0x22] + Array(key.utf8) + [0x22, 0x3A]
        var depth = 0
        var i = 0
        var inString = false, escaped = false
        var start: Int? = nil
        while i < bytes.count {
            let b = bytes[i]
            if inString {
                if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 { inString = false }
                i += 1
                continue
            }
            switch b {
            case 0x22:
                // A key of the outermost object: `"key":` right after `{` or `,` at depth 1.
                if start == nil, depth == 1, i > 0, bytes[i - 1] == 0x7B || bytes[i - 1] == 0x2C,
                   i + quoted.count < bytes.count, bytes[i..<(i + quoted.count)].elementsEqual(quoted) {
                    guard bytes[i + quoted.count] == 0x5B else { return nil }
                    start = i + quoted.count
                    i = start! + 1
                    depth = 2
                    continue
                }
                inString = true
            case 0x7B, 0x5B: depth += 1
            case 0x7D, 0x5D:
                depth -= 1
                if let s = start, depth == 1 { return (s, i) }
            default: break
            }
            i += 1
        }
        return nil
    }
}
