/// The pretty JSON of the `keys` member of each identity check the plan makes, written once: a
/// check's keys are the plan's own array (``IdentityChecker`` passes ``IdentityPlan/Operands/keys``
/// on), so its storage address finds the bytes; ``ReportJSONWriter`` writes the keys one by one
/// for any other array (the batch's cross-year checks, a decoded report).
enum CheckKeysJSON {
    /// The bytes of every plan array, end to end, found by the array's storage address.
    struct Table: Sendable {
        /// Per plan array, in the order the plans list their steps (single, split, Table 四's):
        /// the address of its first element.
        let addresses: [Int]
        /// Array `i`'s bytes are `bytes[keyStarts[i]..<starts[i + 1]]`; `bytes[starts[i]..<starts[i + 1]]`
        /// are those of its step's id and keys together, from the id's first byte on (the id's
        /// JSON string body, then ``ReportJSONWriter/checkKeys``, then the keys).
        let starts: [Int]
        let keyStarts: [Int]
        let bytes: [UInt8]
        /// Per plan array, the id of its step.
        let ids: [String]
        /// Address → index in ``addresses``, for an array not at the index tried first.
        let index: [Int: Int]

        init() {
            var addresses: [Int] = []
            var starts = [0]
            var keyStarts: [Int] = []
            var bytes: [UInt8] = []
            var ids: [String] = []
            var index: [Int: Int] = [:]
            for step in IdentityPlan.single + IdentityPlan.split + IdentityPlan.reviewLitigation {
                let id: String, keys: [String]
                switch step {
                case .balance(let i, let o), .sum(let i, let o): (id, keys) = (i, o.keys)
                }
                guard let address = CheckKeysJSON.address(keys) else { continue }
                // The same array twice (steps sharing their operands) has the same bytes: the
                // dictionary keeps the last, as the dictionary of arrays did.
                index[address] = addresses.count
                addresses.append(address)
                ids.append(id)
                var quoted: [UInt8] = []
                JSONValue.writeString(id, into: &quoted)
                bytes += quoted.dropFirst().dropLast()
                let between = ReportJSONWriter.checkKeys
                bytes += UnsafeBufferPointer(start: between.utf8Start, count: between.utf8CodeUnitCount)
                keyStarts.append(bytes.count)
                bytes += CheckKeysJSON.bytes(keys)
                starts.append(bytes.count)
            }
            self.addresses = addresses
            self.starts = starts
            self.keyStarts = keyStarts
            self.bytes = bytes
            self.ids = ids
            self.index = index
        }

        /// Whether `id` is the id of plan array `k`'s step as the same String value (its two
        /// words equal): a small string holds its bytes in them, a large one its storage's
        /// address and length, and both values are alive here, so equal words are equal bytes.
        /// (The checker hands the plan's ids on; an equal id that is another value is not found,
        /// and is written byte by byte.)
        @inline(__always)
        func isID(_ id: String, of k: Int) -> Bool {
            let a = unsafeBitCast(id, to: (UInt64, UInt64).self), b = unsafeBitCast(ids[k], to: (UInt64, UInt64).self)
            return a == b
        }

        /// The index of the plan array that is `keys` (nil for any other array). `hint` is tried
        /// first: the checks of a report come in plan order, so the array after the previous
        /// check's is most often the next one (an address compared, no hashing). An address
        /// holds one plan array only, so the index found either way has the same bytes.
        @inline(__always)
        func find(_ keys: [String], hint: Int) -> Int? {
            guard let a = CheckKeysJSON.address(keys) else { return nil }
            if hint >= 0 && hint < addresses.count && addresses[hint] == a { return hint }
            return index[a]
        }
    }

    /// The table for pretty output (depth 2).
    static let pretty = Table()

    /// The plan arrays are static: alive for the whole process, so no other array can have their
    /// storage, and an array with the same first element address is the same array.
    @inline(__always)
    static func address(_ keys: [String]) -> Int? {
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
    static func planBytes(_ keys: [String]) -> [UInt8]? {
        let table = pretty
        guard let i = table.find(keys, hint: -1) else { return nil }
        return Array(table.bytes[table.keyStarts[i]..<table.starts[i + 1]])
    }
}
