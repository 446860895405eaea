/// Byte-level edits of compact JSON written by ``JSONValue`` (sorted keys, no whitespace), so the
/// batch can turn a stored report into its indented form, or add the cross-year checks, without
/// parsing it into values: the results are the bytes ``JSONValue/serialized(pretty:)`` would give.
package enum CompactJSON {
    /// The two-space indented form (with a trailing newline) of compact JSON.
    package static func pretty(_ compact: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(compact.count * 2)
        compact.withUnsafeBufferPointer { input in
            let n = input.count
            var depth = 0
            var i = 0
            while i < n {
                let b = input[i]
                switch b {
                case 0x22:  // a string, copied up to its closing quote
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
                    if i + 1 < n, input[i + 1] == b + 2 {  // `{}`, `[]`
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
    package static func appending(_ additions: [(key: String, items: [[UInt8]])], to compact: [UInt8]) -> [UInt8]? {
        let wanted = additions.filter { !$0.items.isEmpty }
        guard !wanted.isEmpty else { return compact }
        let arrays = topLevelArrays(wanted.map(\.key), in: compact)
        var inserts: [(at: Int, bytes: [UInt8])] = []
        for (k, (_, items)) in wanted.enumerated() {
            guard let (open, close) = arrays[k] else { return nil }
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

    /// Offsets of `[` and its `]` for members of the outermost object, in one pass (nil: missing or not an array).
    static func topLevelArrays(_ keys: [String], in bytes: [UInt8]) -> [(Int, Int)?] {
        let quoted = keys.map { [0x22] + Array($0.utf8) + [0x22, 0x3A] }
        var found = [(Int, Int)?](repeating: nil, count: keys.count)
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var depth = 0
            var i = 0
            var open: (key: Int, at: Int)? = nil
            var remaining = keys.count
            while i < n && remaining > 0 {
                let c = b[i]
                switch c {
                case 0x22:
                    // A key of the outermost object: `"key":` right after `{` or `,` at depth 1.
                    if open == nil, depth == 1, i > 0, b[i - 1] == 0x7B || b[i - 1] == 0x2C {
                        for (k, q) in quoted.enumerated() where found[k] == nil && i + q.count < n {
                            var same = true
                            for j in 0..<q.count where b[i + j] != q[j] { same = false; break }
                            if same && b[i + q.count] == 0x5B {
                                open = (k, i + q.count)
                                break
                            }
                        }
                        if let o = open, o.at > i {
                            i = o.at + 1
                            depth = 2
                            continue
                        }
                    }
                    // Skip the string.
                    i += 1
                    while i < n {
                        let d = b[i]
                        if d == 0x5C { i += 2; continue }
                        if d == 0x22 { break }
                        i += 1
                    }
                case 0x7B, 0x5B: depth += 1
                case 0x7D, 0x5D:
                    depth -= 1
                    if let o = open, depth == 1 {
                        found[o.key] = (o.at, i)
                        open = nil
                        remaining -= 1
                    }
                default: break
                }
                i += 1
            }
        }
        return found
    }
}
