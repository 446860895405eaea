/// The pretty JSON of the `keys` member of each identity check the plan makes, written once: a
/// check's keys are the plan's own array (``IdentityChecker`` passes ``IdentityPlan/Operands/keys``
/// on), so its storage address finds the bytes; ``ReportJSONWriter`` writes the keys one by one
/// for any other array (the batch's cross-year checks, a decoded report).
enum CheckKeysJSON {
    /// By the address of the plan array's first element: the bytes from after `"keys": [` to
    /// the closing `]` (its indent included), as ``ReportJSONWriter`` writes them at depth 2.
    private static let pretty: [Int: [UInt8]] = {
        var out: [Int: [UInt8]] = [:]
        for step in IdentityPlan.single + IdentityPlan.split + IdentityPlan.reviewLitigation {
            let keys: [String]
            switch step {
            case .balance(_, let o), .sum(_, let o): keys = o.keys
            }
            guard let address = address(keys) else { continue }
            out[address] = bytes(keys)
        }
        return out
    }()

    /// The plan arrays are static: alive for the whole process, so no other array can have their
    /// storage, and an array with the same first element address is the same array.
    @inline(__always)
    private static func address(_ keys: [String]) -> Int? {
        keys.withUnsafeBufferPointer { b in b.baseAddress.map { Int(bitPattern: $0) } }
    }

    /// The keys' bytes as ``ReportJSONWriter`` writes a check's keys at depth 2.
    static func bytes(_ keys: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for (i, k) in keys.enumerated() {
            if i > 0 { out.append(0x2C) }
            out.append(contentsOf: Array("\n        ".utf8))
            JSONValue.writeString(k, into: &out)
        }
        if !keys.isEmpty { out.append(contentsOf: Array("\n      ]".utf8)) } else { out.append(0x5D) }
        return out
    }

    /// The bytes of a plan array's keys, or nil for any other array.
    @inline(__always)
    static func planBytes(_ keys: [String]) -> [UInt8]? {
        guard let a = address(keys) else { return nil }
        return pretty[a]
    }
}
