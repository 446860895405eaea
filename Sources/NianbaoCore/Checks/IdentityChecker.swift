/// The identities I1–I4 of the format (see annual-report-format.md), over the extracted cells.
/// A check whose inputs are not all numbers is `not_assessable`; a printed error is a `fail`, never corrected.
package struct IdentityChecker: Sendable {
    package init() {}

    package func check(_ cells: [Cell]) -> [Check] {
        guard !cells.isEmpty else { return [] }
        // One slot per key a check reads: whether a cell has the key, and the value of the last
        // such cell (later cells win, as they did in a dictionary of key → value).
        var present = [Bool](repeating: false, count: IdentityPlan.slot.count)
        var values = [DecimalNumber?](repeating: nil, count: IdentityPlan.slot.count)
        var hasApplications = false, splitOther = false
        var next = 0
        // The plan's tables read once (each static access checks its lazy initialization).
        let slotKeys = IdentityPlan.slotKeys, slotOf = IdentityPlan.slot
        let isApplications = IdentityPlan.isApplications, isSplitOther = IdentityPlan.isSplitOther
        for c in cells {
            // Every plan key and every `applications.` key starts with `ap` or `re`: a key that does
            // not (Table 二's `active_disclosure.…`) has no slot and no such prefix, told without hashing it.
            if !IdentityPlan.mayBePlanKey(c.key) { continue }
            // As IdentityPlan.slot(of:after:).
            if let s = next < slotKeys.count && slotKeys[next] == c.key ? next : slotOf[c.key] {
                next = s + 1
                present[s] = true
                values[s] = c.value
                // The prefix tests below, made once per plan key.
                if isApplications[s] {
                    hasApplications = true
                    if isSplitOther[s] { splitOther = true }
                }
            } else if c.key.hasPrefix("applications.") {
                hasApplications = true
                if c.key.hasPrefix("applications.other.") && !c.key.hasPrefix("applications.other.total.") { splitOther = true }
            }
        }
        var checks: [Check] = []
        checks.reserveCapacity(64)

        func run(_ steps: [IdentityPlan.Step]) {
            for step in steps {
                switch step {
                case .balance(let id, let o):
                    // I1: 一 + 二 = （七）总计 + 四
                    let lhs = values[o.slots[0]].flatMap { a in values[o.slots[1]].flatMap { a.adding($0) } }
                    let rhs = values[o.slots[2]].flatMap { a in values[o.slots[3]].flatMap { a.adding($0) } }
                    checks.append(
                        Check(
                            id: id, status: lhs == nil || rhs == nil ? .notAssessable : (lhs! == rhs! ? .pass : .fail),
                            lhs: lhs, rhs: rhs, keys: o.keys))
                case .sum(let id, let o):
                    // I2: （七）总计 = Σ result rows; I3: a row's 总计 = Σ its columns; I4: 总计 = Σ results
                    guard o.slots.contains(where: { present[$0] }) else { continue }  // the rows are absent altogether
                    let t = values[o.slots[0]]
                    // A sum that overflows is no number: not assessable, never a pass. A part that
                    // is no number leaves it nil too (summed in place: no arrays per check).
                    var rhs: DecimalNumber? = DecimalNumber(0)
                    for k in 1..<o.slots.count where values[o.slots[k]] == nil { rhs = nil; break }
                    if rhs != nil {
                        for k in 1..<o.slots.count {
                            guard let sum = rhs!.adding(values[o.slots[k]]!) else { rhs = nil; break }
                            rhs = sum
                        }
                    }
                    let status: Check.Status = (t == nil || rhs == nil) ? .notAssessable : (t! == rhs! ? .pass : .fail)
                    checks.append(Check(id: id, status: status, lhs: t, rhs: rhs, keys: o.keys))
                }
            }
        }

        if hasApplications { run(splitOther ? IdentityPlan.split : IdentityPlan.single) }
        run(IdentityPlan.reviewLitigation)
        return checks
    }
}
