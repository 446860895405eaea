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
            case .known(let v): return .some(v[c])           // nil inside: blank, the identity is not assessable
            case .choices(let ch): return ch.count == 1 ? .some(ch[0][c]) : nil
            }
        }
        func matches(_ x: Int64?, _ lhs: Int64, _ rhs: Int64, onLeft: Bool) -> Bool {
            guard let x else { return true }   // a blank: not assessable
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
        var product = 1
        for o in open { if case .choices(let c) = state[o] { product *= c.count; if product > maxAssignments { break } } }
        var used = [Int: Set<Int>]()
        if product <= maxAssignments {
            var pick = state
            var found = false
            func go(_ k: Int) {
                if k == open.count {
                    if holds(pick, columns: columns, identities: identities) {
                        found = true
                        for o in open { if case .choices(let c) = pick[o], case .choices(let all) = state[o], let i = all.firstIndex(of: c[0]) { used[o, default: []].insert(i) } }
                    }
                    return
                }
                guard case .choices(let c) = state[open[k]] else { return }
                for choice in c { pick[open[k]] = .choices([choice]); go(k + 1) }
            }
            go(0)
            if !found { return nil }
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
