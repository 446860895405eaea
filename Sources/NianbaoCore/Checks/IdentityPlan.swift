/// The identities I1–I4 spelled out once: check ids, flat keys and a slot per key, built at first
/// use instead of on every call of ``IdentityChecker/check(_:)`` (the table readers call it for
/// every candidate reading). The steps are in the order the checks are reported.
struct IdentityPlan: Sendable {
    /// Keys as slots: `keys` are the flat keys (reported in the check), `slots` their indices in
    /// ``IdentityPlan/slot``.
    struct Operands: Sendable {
        var keys: [String]
        var slots: [Int]
    }

    enum Step: Sendable {
        /// I1: [0] + [1] = [2] + [3]; always reported.
        case balance(id: String, Operands)
        /// [0] (the total) = Σ the rest; reported when any of its keys has a cell.
        case sum(id: String, Operands)
    }

    /// Table 三's checks (I1–I3) when 其他处理情况 is one row (`single`) or three (`split`).
    static let single: [Step] = applications(singleOther: true)
    static let split: [Step] = applications(singleOther: false)
    /// Table 四's checks (I4).
    static let reviewLitigation: [Step] = ReviewLitigationLayout.blocks.enumerated().map { b, block in
        let keys = Array(ReviewLitigationLayout.keys[(b * 5)..<(b * 5 + 5)])
        return .sum(id: KeyLiterals.interned("I4.\(block)"), operands([keys[4]] + keys[0..<4]))
    }

    /// A plan's steps in the form ``IdentityChecker/check(_:)`` runs them: integers in flat arrays
    /// (no ``Step`` copied per run, with its id and two arrays retained and released) and each
    /// step's id and keys ready for its ``Check``.
    struct Compiled: Sendable {
        /// Per step, three integers: 1 for a ``Step/balance(id:_:)`` (else a ``Step/sum(id:_:)``),
        /// the index of its first operand in ``slots``, its number of operands.
        var layout: [Int]
        /// The steps' operand slots, one step after the other.
        var slots: [Int]
        var ids: [String]
        var keys: [[String]]
        /// Per step, its id's number in ``IdentityPlan/idNumber`` (for ``IdentityTally``).
        var numbers: [Int]

        init(_ steps: [Step]) {
            (layout, slots, ids, keys, numbers) = ([], [], [], [], [])
            for step in steps {
                let balance: Bool, id: String, o: Operands
                switch step {
                case .balance(let i, let ops): (balance, id, o) = (true, i, ops)
                case .sum(let i, let ops): (balance, id, o) = (false, i, ops)
                }
                // A balance reads four operands, a sum its total and at least one part.
                precondition(balance ? o.slots.count == 4 : o.slots.count >= 2)
                layout += [balance ? 1 : 0, slots.count, o.slots.count]
                slots += o.slots
                ids.append(id)
                keys.append(o.keys)
                numbers.append(IdentityPlan.idNumber[id]!)
            }
        }
    }

    /// Every check id of ``single``, ``split`` and ``reviewLitigation``, numbered (one number per
    /// distinct id): ``IdentityTally`` holds the passing ones as bits.
    static let idNumber: [String: Int] = {
        var all: [String: Int] = [:]
        for step in single + split + reviewLitigation {
            switch step {
            case .balance(let id, _), .sum(let id, _): if all[id] == nil { all[id] = all.count }
            }
        }
        precondition(all.count <= IdentityTally.IDs.capacity)
        return all
    }()

    /// ``single``, ``split`` and ``reviewLitigation`` compiled.
    static let compiledSingle = Compiled(single)
    static let compiledSplit = Compiled(split)
    static let compiledReviewLitigation = Compiled(reviewLitigation)

    /// The most slots ``IdentityChecker`` keeps a cell index for on the stack (four bytes each, in
    /// the 1024 bytes a temporary allocation takes there without asking).
    static let maxSlots = 256

    /// Every key a check reads, numbered.
    static let slot: [String: Int] = {
        var all: [String: Int] = [:]
        let rows = ApplicationsLayout.rows2021.map(\.key) + ["other.total"]
        for key in rows.flatMap({ row in ApplicationsLayout.columns.map { ApplicationsLayout.key(row, $0) } }) + ReviewLitigationLayout.keys
        where all[key] == nil {
            all[key] = all.count
        }
        precondition(all.count <= maxSlots)
        return all
    }()

    /// Per slot: the key starts with `applications.` (IdentityChecker's test, made once).
    static let isApplications: [Bool] = slotKeys.map { $0.hasPrefix("applications.") }
    /// Per slot: a key of the three （六） sub-rows (`applications.other.` but not `applications.other.total.`).
    static let isSplitOther: [Bool] = slotKeys.map { $0.hasPrefix("applications.other.") && !$0.hasPrefix("applications.other.total.") }
    /// The keys in slot order.
    static let slotKeys: [String] = {
        var keys = [String](repeating: "", count: slot.count)
        for (key, s) in slot { keys[s] = key }
        return keys
    }()

    /// `slot[key]`, found without hashing when the key is that of slot `next` (cells come in the
    /// order of the tables' rows and columns, the order the slots were numbered in): equal keys
    /// have the same slot, so the result is the dictionary's.
    @inline(__always)
    static func slot(of key: String, after next: Int) -> Int? {
        if next < slotKeys.count && slotKeys[next] == key { return next }
        return slot[key]
    }

    /// False only for a key whose first two bytes are neither `ap` (`applications.`) nor `re`
    /// (`review_litigation.`): then it has no slot and does not start with `applications.` (ASCII
    /// letters have no other canonically equivalent spelling).
    @inline(__always)
    static func mayBePlanKey(_ key: String) -> Bool {
        key.utf8.withContiguousStorageIfAvailable { b in
            b.count < 2 || (b[0] == 0x61 && b[1] == 0x70) || (b[0] == 0x72 && b[1] == 0x65)
        } ?? true
    }

    private static func operands(_ keys: [String]) -> Operands {
        Operands(keys: keys, slots: keys.map { slot[$0]! })
    }

    private static func applications(singleOther: Bool) -> [Step] {
        var steps: [Step] = []
        let results = ApplicationsLayout.resultRows(singleOther: singleOther)
        for col in ApplicationsLayout.columns {
            let k = { (row: String) in ApplicationsLayout.key(row, col) }
            steps.append(.balance(id: KeyLiterals.interned("I1.\(col)"), operands(["new_received", "carried_over", "total_processed", "carried_forward"].map(k))))
            steps.append(.sum(id: KeyLiterals.interned("I2.\(col)"), operands([k("total_processed")] + results.map(k))))
        }
        var rowOrder = ApplicationsLayout.rows2021.map(\.key)
        rowOrder.insert("other.total", at: rowOrder.firstIndex(of: "total_processed")!)
        for row in rowOrder {
            let totalKey = ApplicationsLayout.key(row, "total")
            let partKeys = ApplicationsLayout.columns.dropLast().map { ApplicationsLayout.key(row, $0) }
            steps.append(.sum(id: KeyLiterals.interned("I3.\(row)"), operands([totalKey] + partKeys)))
        }
        return steps
    }
}
