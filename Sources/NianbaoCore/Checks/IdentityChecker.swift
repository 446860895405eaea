/// The identities I1–I4 of the format (see annual-report-format.md), over the extracted cells.
/// A check whose inputs are not all numbers is `not_assessable`; a printed error is a `fail`, never corrected.
package struct IdentityChecker: Sendable {
    package init() {}

    /// The keys a check reads, as it sees them: per slot (``IdentityPlan/slot``), the index of the
    /// last cell with the key (later cells win, as they did in a dictionary of key → value), or
    /// ``absent``. Four bytes a slot on the stack, the values read from the cells where a step
    /// needs them: no heap buffer per call, no optional decimal copied per key.
    private struct Operands {
        /// No cell has the key.
        static let absent = UInt32.max

        var last: UnsafeMutableBufferPointer<UInt32>
        var cells: UnsafeBufferPointer<Cell>

        /// Whether a cell has the slot's key.
        @inline(__always)
        func present(_ s: Int) -> Bool { last[s] != Self.absent }

        /// The value of the slot's cell (nil for none, or no cell).
        @inline(__always)
        func value(_ s: Int) -> DecimalNumber? {
            let i = last[s]
            return i == Self.absent ? nil : cells[Int(i)].value
        }
    }

    package func check(_ cells: [Cell]) -> [Check] {
        var checks: [Check] = []
        Self.evaluate(
            cells, reserve: { checks.reserveCapacity($0) },
            visit: { plan, e, status, lhs, rhs in
                checks.append(Check(id: plan.ids[e], status: status, keys: plan.keys[e], lhs: lhs, rhs: rhs))
            })
        return checks
    }

    /// The verdicts ``check(_:)`` gives, counted: the same checks decided the same way, no
    /// ``Check`` made (the table readers score every candidate reading by these alone).
    package func tally(_ cells: [Cell]) -> IdentityTally {
        var tally = IdentityTally()
        Self.evaluate(
            cells, reserve: { _ in },
            visit: { plan, e, status, _, _ in
                if status == .fail {
                    tally.fails += 1
                } else if status == .pass {
                    tally.passed.insert(plan.numbers[e])
                }
            })
        return tally
    }

    /// Decides every check of the cells in the order ``check(_:)`` reports them, handing each to
    /// `visit` (its plan, its step there, its status and sides); `reserve` is told how many
    /// checks at most are coming, before the first.
    @inline(__always)
    private static func evaluate(
        _ cells: [Cell], reserve: (Int) -> Void,
        visit: (borrowing IdentityPlan.Compiled, Int, Check.Status, DecimalNumber?, DecimalNumber?) -> Void
    ) {
        guard !cells.isEmpty else { return }
        // Every plan key and every `applications.` key starts with `ap` or `re`: cells without one
        // (Table 二's alone) leave Table 三's steps unrun and Table 四's skipped (none of their keys
        // has a cell), so no check at all, told before any operand is set up.
        guard cells.contains(where: { IdentityPlan.mayBePlanKey($0.key) }) else { return }
        // The plan's tables read once (each static access checks its lazy initialization).
        let slotKeys = IdentityPlan.slotKeys, slotOf = IdentityPlan.slot
        let isApplications = IdentityPlan.isApplications, isSplitOther = IdentityPlan.isSplitOther
        // Cell indices fit the slots' four bytes (a report has far fewer cells).
        precondition(cells.count < Operands.absent)
        // One cell index per key a check reads, on the stack (at most 1024 bytes: 256 slots, checked
        // where they are numbered): the table readers call this for every candidate reading.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: slotKeys.count) { last in
            last.initialize(repeating: Operands.absent)
            cells.withUnsafeBufferPointer { cellBuffer in
                let operands = Operands(last: last, cells: cellBuffer)
                var hasApplications = false, splitOther = false, anyPresent = false
                var next = 0
                // By index: a cell bound in a `for … in` loop is a copy (its strings retained and released).
                for i in cellBuffer.indices {
                    // Every plan key and every `applications.` key starts with `ap` or `re`: a key that does
                    // not (Table 二's `active_disclosure.…`) has no slot and no such prefix, told without hashing it.
                    if !IdentityPlan.mayBePlanKey(cellBuffer[i].key) { continue }
                    // As IdentityPlan.slot(of:after:); later cells win, as they did in a dictionary of key → value.
                    if let s = next < slotKeys.count && slotKeys[next] == cellBuffer[i].key ? next : slotOf[cellBuffer[i].key] {
                        next = s + 1
                        last[s] = UInt32(i)
                        anyPresent = true
                        // The prefix tests below, made once per plan key.
                        if isApplications[s] {
                            hasApplications = true
                            if isSplitOther[s] { splitOther = true }
                        }
                    } else if cellBuffer[i].key.hasPrefix("applications.") {
                        hasApplications = true
                        if cellBuffer[i].key.hasPrefix("applications.other.") && !cellBuffer[i].key.hasPrefix("applications.other.total.") {
                            splitOther = true
                        }
                    }
                }
                // No key of any check (Table 二's cells alone): Table 四's sums are skipped when none of
                // their keys has a cell, and Table 三's steps run only with an `applications.` key.
                if !hasApplications && !anyPresent { return }
                let review = IdentityPlan.compiledReviewLitigation
                if hasApplications {
                    let plan = splitOther ? IdentityPlan.compiledSplit : IdentityPlan.compiledSingle
                    reserve(plan.ids.count + review.ids.count)
                    run(plan, operands, visit)
                } else {
                    reserve(review.ids.count)
                }
                run(review, operands, visit)
            }
        }
    }

    /// `a + b` as ``DecimalNumber/adding(_:)`` gives it; two whole numbers (every count) added
    /// in place, where `adding` aligns scales and drops trailing zeros for nothing.
    @inline(__always)
    private static func plus(_ a: DecimalNumber, _ b: DecimalNumber) -> DecimalNumber? {
        guard a.scale == 0 && b.scale == 0 else { return a.adding(b) }
        let (r, o) = a.units.addingReportingOverflow(b.units)
        return o ? nil : DecimalNumber(units: r, scale: 0)
    }

    @inline(__always)
    private static func run(
        _ plan: IdentityPlan.Compiled, _ operands: Operands,
        _ visit: (borrowing IdentityPlan.Compiled, Int, Check.Status, DecimalNumber?, DecimalNumber?) -> Void
    ) {
        plan.layout.withUnsafeBufferPointer { layout in
            plan.slots.withUnsafeBufferPointer { slots in
                for e in 0..<plan.ids.count {
                    let first = layout[3 * e + 1], end = first + layout[3 * e + 2]
                    let lhs: DecimalNumber?, rhs: DecimalNumber?
                    if layout[3 * e] == 1 {
                        // I1: 一 + 二 = （七）总计 + 四
                        let a = operands.value(slots[first]), b = operands.value(slots[first + 1])
                        let c = operands.value(slots[first + 2]), d = operands.value(slots[first + 3])
                        lhs = a.flatMap { a in b.flatMap { plus(a, $0) } }
                        rhs = c.flatMap { c in d.flatMap { plus(c, $0) } }
                    } else {
                        // I2: （七）总计 = Σ result rows; I3: a row's 总计 = Σ its columns; I4: 总计 = Σ results
                        var any = false
                        for k in first..<end where operands.present(slots[k]) { any = true; break }
                        guard any else { continue }  // the rows are absent altogether
                        lhs = operands.value(slots[first])
                        // A sum that overflows is no number: not assessable, never a pass. A part that
                        // is no number leaves it nil too, and the parts after it are not read. Whole
                        // parts are added as integers (``plus(_:_:)`` adds two whole numbers so);
                        // from the first part with decimals on, the sum is a decimal added by `plus`.
                        var whole: Int64 = 0
                        var decimal: DecimalNumber? = nil
                        var assessable = true
                        for k in (first + 1)..<end {
                            guard let v = operands.value(slots[k]) else { assessable = false; break }
                            if decimal == nil && v.scale == 0 {
                                let (r, overflow) = whole.addingReportingOverflow(v.units)
                                guard !overflow else { assessable = false; break }
                                whole = r
                                continue
                            }
                            guard let t = plus(decimal ?? DecimalNumber(units: whole, scale: 0), v) else {
                                assessable = false
                                break
                            }
                            decimal = t
                        }
                        rhs = assessable ? (decimal ?? DecimalNumber(units: whole, scale: 0)) : nil
                    }
                    let status: Check.Status = lhs == nil || rhs == nil ? .notAssessable : (lhs! == rhs! ? .pass : .fail)
                    visit(plan, e, status, lhs, rhs)
                }
            }
        }
    }
}
