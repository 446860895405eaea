/// The identities I1–I4 of the format (see annual-report-format.md), over the extracted cells.
/// A check whose inputs are not all numbers is `not_assessable`; a printed error is a `fail`, never corrected.
package struct IdentityChecker: Sendable {
    package init() {}

    /// What the cells say of one plan key: whether a cell has it, and the value of the last such cell.
    private struct Operand {
        var present = false
        var value: DecimalNumber? = nil
    }

    package func check(_ cells: [Cell]) -> [Check] {
        guard !cells.isEmpty else { return [] }
        // The plan's tables read once (each static access checks its lazy initialization).
        let slotKeys = IdentityPlan.slotKeys, slotOf = IdentityPlan.slot
        let isApplications = IdentityPlan.isApplications, isSplitOther = IdentityPlan.isSplitOther
        // One operand per key a check reads, in one buffer on the stack (the table readers call
        // this for every candidate reading: no arrays to allocate and free per call).
        return withUnsafeTemporaryAllocation(of: Operand.self, capacity: slotKeys.count) { buffer -> [Check] in
            let operands = buffer.baseAddress!
            operands.initialize(repeating: Operand(), count: slotKeys.count)
            var hasApplications = false, splitOther = false, anyPresent = false
            var next = 0
            // By index: a cell bound in a `for … in` loop is a copy (its strings retained and released).
            for i in cells.indices {
                // Every plan key and every `applications.` key starts with `ap` or `re`: a key that does
                // not (Table 二's `active_disclosure.…`) has no slot and no such prefix, told without hashing it.
                if !IdentityPlan.mayBePlanKey(cells[i].key) { continue }
                // As IdentityPlan.slot(of:after:); later cells win, as they did in a dictionary of key → value.
                if let s = next < slotKeys.count && slotKeys[next] == cells[i].key ? next : slotOf[cells[i].key] {
                    next = s + 1
                    operands[s].present = true
                    operands[s].value = cells[i].value
                    anyPresent = true
                    // The prefix tests below, made once per plan key.
                    if isApplications[s] {
                        hasApplications = true
                        if isSplitOther[s] { splitOther = true }
                    }
                } else if cells[i].key.hasPrefix("applications.") {
                    hasApplications = true
                    if cells[i].key.hasPrefix("applications.other.") && !cells[i].key.hasPrefix("applications.other.total.") { splitOther = true }
                }
            }
            // No key of any check (Table 二's cells alone): Table 四's sums are skipped when none of
            // their keys has a cell, and Table 三's steps run only with an `applications.` key.
            if !hasApplications && !anyPresent { return [] }
            var checks: [Check] = []
            let review = IdentityPlan.compiledReviewLitigation
            if hasApplications {
                let plan = splitOther ? IdentityPlan.compiledSplit : IdentityPlan.compiledSingle
                checks.reserveCapacity(plan.entries.count + review.entries.count)
                Self.run(plan, operands, into: &checks)
            } else {
                checks.reserveCapacity(review.entries.count)
            }
            Self.run(review, operands, into: &checks)
            return checks
        }
    }

    private static func run(_ plan: IdentityPlan.Compiled, _ operands: UnsafeMutablePointer<Operand>, into checks: inout [Check]) {
        plan.slots.withUnsafeBufferPointer { slots in
            for e in plan.entries.indices {
                let first = plan.entries[e].first, count = plan.entries[e].count
                let lhs: DecimalNumber?, rhs: DecimalNumber?
                if plan.entries[e].balance {
                    // I1: 一 + 二 = （七）总计 + 四
                    let a = operands[slots[first]].value, b = operands[slots[first + 1]].value
                    let c = operands[slots[first + 2]].value, d = operands[slots[first + 3]].value
                    lhs = a.flatMap { a in b.flatMap { a.adding($0) } }
                    rhs = c.flatMap { c in d.flatMap { c.adding($0) } }
                } else {
                    // I2: （七）总计 = Σ result rows; I3: a row's 总计 = Σ its columns; I4: 总计 = Σ results
                    var any = false
                    for k in first..<(first + count) where operands[slots[k]].present { any = true; break }
                    guard any else { continue }  // the rows are absent altogether
                    lhs = operands[slots[first]].value
                    // A sum that overflows is no number: not assessable, never a pass. A part that
                    // is no number leaves it nil too (summed in place: no arrays per check).
                    var sum: DecimalNumber? = DecimalNumber(0)
                    for k in (first + 1)..<(first + count) {
                        guard let s = sum, let v = operands[slots[k]].value, let t = s.adding(v) else { sum = nil; break }
                        sum = t
                    }
                    rhs = sum
                }
                var check = plan.entries[e].check
                check.status = lhs == nil || rhs == nil ? .notAssessable : (lhs! == rhs! ? .pass : .fail)
                check.lhs = lhs
                check.rhs = rhs
                checks.append(check)
            }
        }
    }
}
