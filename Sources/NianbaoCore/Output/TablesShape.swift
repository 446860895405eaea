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
        root = Self.node(tree)
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
