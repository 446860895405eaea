#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The shape of the `tables` object for one list of expected keys (a generation's fixed tables),
/// built once: the nesting and the member order that ``ReportJSON/Tree`` gives those keys, with a
/// slot per key. A report whose cells all have expected keys fills the slots instead of building
/// and sorting a tree of dictionaries; the value is the same, member for member.
struct TablesShape: Sendable {
    indirect enum Node: Sendable {
        /// A value: the slot of its key (nil: an empty object, as the tree writes a node without leaf).
        case leaf(Int?)
        /// Member names, their JSON string bytes (quoted, escaped: written as they are), and values.
        case members([(String, [UInt8], Node)])
    }

    let root: Node
    /// Slot of each expected key.
    let slots: [String: Int]
    /// The key of each slot (``slots`` inverted): cells come in the order of the expected keys, so
    /// the next slot's key is tried before the dictionary (``slot(of:after:)``).
    let keysBySlot: [String]

    init(keys: [String]) {
        var slots: [String: Int] = [:]
        var tree = ReportJSON.Tree()
        for key in keys {
            let slot = slots[key] ?? slots.count
            slots[key] = slot
            tree.insert(ReportJSON.path(key)[...], .int(slot))
        }
        self.slots = slots
        var keysBySlot = [String](repeating: "", count: slots.count)
        for (key, slot) in slots { keysBySlot[slot] = key }
        self.keysBySlot = keysBySlot
        var keyBytes: [UInt8] = []
        var keyStarts = [0]
        for key in keysBySlot {
            keyBytes += key.utf8
            keyStarts.append(keyBytes.count)
        }
        self.keyBytes = keyBytes
        self.keyStarts = keyStarts
        // The bytes JSONByteBuffer escapes: below 0x20, `"` and `\`.
        keysNeedNoEscape = keyBytes.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }
        root = Self.node(tree)
    }

    /// The keys' UTF-8 bytes end to end: slot i's are `keyBytes[keyStarts[i]..<keyStarts[i + 1]]`.
    let keyBytes: [UInt8]
    let keyStarts: [Int]
    /// No key holds a byte JSON escapes: a key's bytes are its JSON string body as they are (the
    /// flat keys are ASCII names; checked once here, not assumed).
    let keysNeedNoEscape: Bool

    /// The cells against the slots, in one pass: what ``slot(of:after:)`` gives each cell in turn.
    struct Match {
        /// Per slot, the value of the cell that has its key.
        var values: [DecimalNumber?]
        /// Every cell has a slot.
        var complete: Bool
        /// Per cell: the slot whose key has the very bytes of the cell's key, when that was the
        /// slot after the previous cell's and ``keysNeedNoEscape`` holds (its bytes can then be
        /// written for the cell's key); -1 otherwise.
        var keySlots: [Int]
    }

    /// The slot of each cell as the loop `slot = slot(of: key, after: next); next = slot + 1` finds
    /// it (stopping at the first cell without a slot), the key bytes compared in the array's storage.
    func match(_ cells: [Cell]) -> Match {
        var values = [DecimalNumber?](repeating: nil, count: slots.count)
        var keySlots = [Int](repeating: -1, count: cells.count)
        var complete = true
        let n = keysBySlot.count
        keyBytes.withUnsafeBufferPointer { flat in
            cells.withUnsafeBufferPointer { cells in
                var next = 0
                for i in cells.indices {
                    let slot: Int
                    if next < n && Self.same(cells[i].key, flat, keyStarts[next], keyStarts[next + 1]) {
                        slot = next
                        if keysNeedNoEscape { keySlots[i] = slot }
                    } else if let found = slots[cells[i].key] {
                        slot = found
                    } else {
                        complete = false
                        break
                    }
                    values[slot] = cells[i].value
                    next = slot + 1
                }
            }
        }
        return Match(values: values, complete: complete, keySlots: keySlots)
    }

    /// Whether `key` has the bytes `flat[from..<to]` (``KeyBytes/same(_:_:)`` against stored bytes:
    /// equal bytes are equal Strings).
    @inline(__always)
    private static func same(_ key: String, _ flat: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        guard key.utf8.count == to - from else { return false }
        return key.utf8.withContiguousStorageIfAvailable { b in
            b.isEmpty || memcmp(b.baseAddress!, flat.baseAddress! + from, b.count) == 0
        } ?? false
    }

    /// `slots[key]`, found without hashing when the key has the bytes of slot `next`'s key (the
    /// slot after the previous cell's): equal keys have the same slot, so the result is the
    /// dictionary's.
    @inline(__always)
    func slot(of key: String, after next: Int) -> Int? {
        if next < keysBySlot.count && KeyBytes.same(keysBySlot[next], key) { return next }
        return slots[key]
    }

    private static func node(_ tree: ReportJSON.Tree) -> Node {
        if tree.children.isEmpty {
            if case .int(let slot)? = tree.leaf { return .leaf(slot) }
            return .leaf(nil)
        }
        return .members(
            tree.children.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { child in
                var bytes: [UInt8] = []
                JSONValue.writeString(child.key, into: &bytes)
                return (child.key, bytes, node(child.value))
            })
    }

    /// The shapes of ``ExpectedKeys/variants``, in the same order.
    static let variants: [TablesShape] = ExpectedKeys.variants.map(TablesShape.init(keys:))

    /// The `tables` value, or nil when a cell's key is not one of the shape's keys.
    func json(_ cells: [Cell]) -> JSONValue? {
        var values = [JSONValue](repeating: .null, count: slots.count)
        for c in cells {
            guard let slot = slots[c.key] else { return nil }
            values[slot] = c.value.map(JSONValue.number) ?? .null
        }
        func render(_ node: Node) -> JSONValue {
            switch node {
            case .leaf(let slot): return slot.map { values[$0] } ?? .fields([])
            case .members(let members): return .fields(members.map { ($0.0, render($0.2)) })
            }
        }
        return render(root)
    }
}
