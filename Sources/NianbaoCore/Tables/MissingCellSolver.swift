/// An identity inside one row of values: `slots[total] = Σ slots[parts]`.
struct RowIdentity: Sendable {
    var parts: [Int]
    var total: Int

    /// Whether `slot` is one of the identity's cells, a part or the total (asked per gap tried: no
    /// array of them made for it).
    func involves(_ slot: Int) -> Bool { total == slot || parts.contains(slot) }

    /// Whether the identity holds on a row's cells `v` (nil or ``DigitSplitter/markValue`` where no
    /// number stands); nil when a cell it needs is no number or lies beyond `v` (not assessable).
    func holds(on v: [Int64?]) -> Bool? {
        guard total < v.count, let t = DigitSplitter.number(v[total]) else { return nil }
        var sum: Int64 = 0
        for p in parts {
            guard p < v.count, let x = DigitSplitter.number(v[p]) else { return nil }
            sum += x
        }
        return sum == t
    }
}

/// Solves a row that lost exactly one cell in text extraction. Every position the gap could be at is
/// tried; the missing value is solved from the row identity, must be a non-negative count, and the
/// row (and whatever the caller checks across rows) must then be consistent. The row is filled only
/// when every consistent placement gives the same values: the document decides, never a guess.
enum MissingCellSolver {
    struct Candidate: Sendable {
        var gap: Int
        var values: [DecimalNumber]
    }

    enum Outcome: Sendable {
        /// One set of values fits. `gap` is the cell marked inferred; `positions` how many placements
        /// gave these values; `overlooked` the columns whose identity failed whichever cell was
        /// missing (each holding one value in every placement), so they could not tell the
        /// placements apart and were set aside.
        case filled(values: [DecimalNumber], gap: Int, positions: Int, overlooked: [Int])
        /// Several different value sets fit.
        case ambiguous(Int)
        /// No placement fits (the document's own numbers do not add up, or a printed cell is not a number).
        case impossible
    }

    static func solve(
        printed: [DecimalNumber], slots: Int, allowedGaps: [Int]? = nil,
        identities: [RowIdentity], judge: ([DecimalNumber]) -> ColumnVerdicts = { _ in .none }
    ) -> Outcome {
        guard printed.count == slots - 1 else { return .impossible }
        var holding: [(candidate: Candidate, verdicts: ColumnVerdicts)] = []
        // One vector for every gap, refilled (made anew per gap, it was an array allocated and
        // freed each time); the sums are folded over the cells in place (`map` made an array per
        // sum). The same cells summed in the same order: the same sums.
        var vector = [DecimalNumber?](repeating: nil, count: slots)
        for gap in allowedGaps ?? Array(0..<slots) {
            var k = 0
            for s in 0..<slots {
                if s == gap {
                    vector[s] = nil
                } else {
                    vector[s] = printed[k]
                    k += 1
                }
            }
            // The first identity that holds the gap.
            guard let found = identities.firstIndex(where: { $0.involves(gap) }) else { continue }
            let parts = identities[found].parts
            let total = identities[found].total
            // Checked arithmetic: a sum that overflows determines nothing (never a wrapped value).
            let missing: DecimalNumber
            if total == gap {
                guard let sum = DecimalNumber.sum(parts.lazy.map { vector[$0]! }) else { continue }
                missing = sum
            } else {
                guard let others = DecimalNumber.sum(parts.lazy.filter { $0 != gap }.map { vector[$0]! }),
                    let difference = vector[total]!.subtracting(others)
                else { continue }
                missing = difference
            }
            if missing.isNegative { continue }
            vector[gap] = missing
            let holds = identities.allSatisfy { id in DecimalNumber.sum(id.parts.lazy.map { vector[$0]! }).map { $0 == vector[id.total]! } ?? false }
            // The full row made only for a placement that holds (the one the judge and the candidate keep).
            if holds {
                let full = vector.map { $0! }
                holding.append((Candidate(gap: gap, values: full), judge(full)))
            }
        }
        var candidates = holding.filter { $0.verdicts.failing.isEmpty }.map(\.candidate)
        // A column identity that fails whichever cell is missing, with the same value in that column
        // in every placement (or in the one placement the positions allow), cannot tell placements
        // apart: the document's own sum, or a misread elsewhere in that column. It is set aside only
        // for a placement whose gap column's identity holds: the inferred value then satisfies both
        // its row and its column, and the failing columns hold none of it.
        var overlooked: [Int] = []
        if candidates.isEmpty, let first = holding.first {
            let common = first.verdicts.failing.filter { c in
                holding.allSatisfy { $0.verdicts.failing.contains(c) && $0.candidate.values[c] == first.candidate.values[c] }
            }
            if !common.isEmpty {
                candidates = holding.filter { h in
                    h.verdicts.failing.allSatisfy(common.contains) && h.verdicts.holding.contains(h.candidate.gap)
                }.map(\.candidate)
                overlooked = common
            }
        }
        guard let first = candidates.first else { return .impossible }
        let distinct = candidates.reduce(into: [[DecimalNumber]]()) { acc, c in if !acc.contains(c.values) { acc.append(c.values) } }
        if distinct.count > 1 { return .ambiguous(distinct.count) }
        let gap = candidates.map(\.gap).max() ?? first.gap
        return .filled(values: first.values, gap: gap, positions: candidates.count, overlooked: overlooked)
    }
}
