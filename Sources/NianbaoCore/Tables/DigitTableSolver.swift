/// An identity between rows that holds in every column: `Σ lhs rows = Σ rhs rows` (I1, I2).
struct ColumnIdentity: Sendable {
    var lhs: [Int]
    var rhs: [Int]
}

/// Chooses the splits of run-together rows of one table. Each row arrives either known (printed
/// values, blanks as nil) or with the list of its valid splits (``DigitSplitter``); the column
/// identities couple the rows. A row is settled only when every assignment of the whole table that
/// satisfies the column identities gives it the same values; otherwise it stays ambiguous. When no
/// assignment satisfies them (the document's own arithmetic is off), only rows with a single valid
/// split of their own are settled.
enum DigitTableSolver {
    enum Row: Sendable, Equatable {
        case known([Int64?])
        case choices([[Int64?]])
    }

    enum Result: Sendable, Equatable {
        case settled([Int64?])
        case ambiguous([[Int64?]])
        case impossible
    }

    /// Exhaustive search is bounded by the product of the open rows' choice counts.
    static let maxAssignments = 50_000

    static func solve(_ rows: [Row], columns: Int, identities: [ColumnIdentity]) -> [Result?] {
        // A row with no valid split stays null; the others are judged without it.
        let impossible = Set(rows.indices.filter { if case .choices(let c) = rows[$0] { return c.isEmpty } else { return false } })
        var state = rows
        for i in impossible { state[i] = .known([Int64?](repeating: nil, count: columns)) }
        if var solved = propagateAndSearch(&state, columns: columns, identities: identities) {
            for i in impossible { solved[i] = .impossible }
            return solved
        }
        // Inconsistent under the column identities: row-level uniqueness only.
        return rows.map { row in
            switch row {
            case .known: return nil
            case .choices(let c): return c.isEmpty ? .impossible : (c.count == 1 ? .settled(c[0]) : .ambiguous(c))
            }
        }
    }

    /// Nil when the column identities cannot all hold.
    private static func propagateAndSearch(_ state: inout [Row], columns: Int, identities: [ColumnIdentity]) -> [Result?]? {
        func value(_ row: Row, _ c: Int) -> Int64?? {
            switch row {
            case .known(let v): return .some(v[c])  // nil inside: blank, the identity is not assessable
            case .choices(let ch): return ch.count == 1 ? .some(ch[0][c]) : nil
            }
        }
        func matches(_ x: Int64?, _ lhs: Int64, _ rhs: Int64, onLeft: Bool) -> Bool {
            guard let x else { return true }  // a blank: not assessable
            return onLeft ? lhs + x == rhs : lhs == rhs + x
        }
        // Propagation: an identity with one open row and every other cell known fixes that row's column.
        var changed = true
        while changed {
            changed = false
            for id in identities {
                let members = id.lhs + id.rhs
                let open = Set(members.filter { if case .choices(let c) = state[$0] { return c.count > 1 } else { return false } })
                guard open.count == 1, let o = open.first, members.filter({ $0 == o }).count == 1 else { continue }
                guard case .choices(let choices) = state[o] else { continue }
                var kept = choices
                for c in 0..<columns {
                    var lhs: Int64 = 0, rhs: Int64 = 0, blank = false
                    for m in id.lhs where m != o { if let v = value(state[m], c), let x = v { lhs += x } else { blank = true } }
                    for m in id.rhs where m != o { if let v = value(state[m], c), let x = v { rhs += x } else { blank = true } }
                    if blank { continue }
                    let onLeft = id.lhs.contains(o)
                    kept = kept.filter { matches($0[c], lhs, rhs, onLeft: onLeft) }
                }
                if kept.isEmpty { return nil }
                if kept.count < choices.count { state[o] = .choices(kept); changed = true }
            }
        }
        // Every identity whose cells are all known must hold.
        let open = state.indices.filter { if case .choices(let c) = state[$0] { return c.count > 1 } else { return false } }
        if open.isEmpty {
            guard holds(state, columns: columns, identities: identities) else { return nil }
            return state.map { if case .choices(let c) = $0 { return .settled(c[0]) } else { return nil } }
        }
        // Search: open rows with the fewest choices first; an identity prunes as soon as one side is
        // complete and the other side's partial sum (non-negative counts) already exceeds it.
        // Rows that alone make one side of an identity (a total) first: they bound the other side.
        let totals = Set(identities.flatMap { ($0.lhs.count == 1 ? $0.lhs : []) + ($0.rhs.count == 1 ? $0.rhs : []) })
        let order = open.sorted { a, b in
            guard case .choices(let x) = state[a], case .choices(let y) = state[b] else { return false }
            let ta = totals.contains(a), tb = totals.contains(b)
            if ta != tb { return ta }
            return x.count < y.count
        }
        // mayBeBlank[row][c]: some choice (or the known value) of the row is blank in column c.
        var mayBeBlank = [[Bool]](repeating: [Bool](repeating: false, count: columns), count: state.count)
        for i in state.indices {
            for c in 0..<columns {
                switch state[i] {
                case .known(let v): mayBeBlank[i][c] = c < v.count ? v[c] == nil : true
                case .choices(let ch): mayBeBlank[i][c] = ch.contains { c < $0.count ? $0[c] == nil : true }
                }
            }
        }
        var assigned = [Bool](repeating: true, count: state.count)
        for o in open { assigned[o] = false }
        var pick = state
        var used = [Int: Set<Int>]()
        var found = false
        var steps = 0
        var cutOff = false
        func feasible() -> Bool {
            for id in identities {
                for c in 0..<columns {
                    var lhs: Int64 = 0, rhs: Int64 = 0, lhsDone = true, rhsDone = true, skip = false
                    for (side, members) in [(0, id.lhs), (1, id.rhs)] {
                        for m in members {
                            if assigned[m] {
                                guard let v = single(pick[m], c) else { skip = true; break }
                                if side == 0 { lhs += v } else { rhs += v }
                            } else {
                                if mayBeBlank[m][c] { skip = true; break }
                                if side == 0 { lhsDone = false } else { rhsDone = false }
                            }
                        }
                        if skip { break }
                    }
                    if skip { continue }
                    if lhsDone && rhsDone && lhs != rhs { return false }
                    if lhsDone && rhs > lhs { return false }
                    if rhsDone && lhs > rhs { return false }
                }
            }
            return true
        }
        func go(_ k: Int) {
            if cutOff { return }
            if k == order.count {
                found = true
                for o in order {
                    if case .choices(let c) = pick[o], case .choices(let all) = state[o], let i = all.firstIndex(of: c[0]) { used[o, default: []].insert(i) }
                }
                return
            }
            let r = order[k]
            guard case .choices(let c) = state[r] else { return }
            assigned[r] = true
            for choice in c {
                pick[r] = .choices([choice])
                steps += 1
                if steps > maxAssignments { cutOff = true; break }
                if feasible() { go(k + 1) }
                if cutOff { break }
            }
            assigned[r] = false
            pick[r] = state[r]
        }
        if feasible() { go(0) }
        if cutOff {
            // Too many assignments to judge: nothing is settled by the search.
            used = [:]
        } else if !found {
            return nil
        }
        return state.indices.map { i in
            guard case .choices(let c) = state[i] else { return nil }
            if c.count == 1 { return .settled(c[0]) }
            guard let u = used[i] else { return .ambiguous(c) }
            return u.count == 1 ? .settled(c[u.first!]) : .ambiguous(u.sorted().map { c[$0] })
        }
    }

    private static func holds(_ state: [Row], columns: Int, identities: [ColumnIdentity]) -> Bool {
        for id in identities {
            for c in 0..<columns {
                var lhs: Int64 = 0, rhs: Int64 = 0, blank = false
                for m in id.lhs { if let v = single(state[m], c) { lhs += v } else { blank = true } }
                for m in id.rhs { if let v = single(state[m], c) { rhs += v } else { blank = true } }
                if !blank && lhs != rhs { return false }
            }
        }
        return true
    }

    private static func single(_ row: Row, _ c: Int) -> Int64? {
        switch row {
        case .known(let v): return v[c]
        case .choices(let ch): return ch.count == 1 ? ch[0][c] : nil
        }
    }
}
