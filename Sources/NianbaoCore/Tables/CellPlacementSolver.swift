/// Places the values of the rows of one table whose cell separators or blank cells were lost in
/// text extraction, by solving the whole table at once.
///
/// Each such row (an *open* row) arrives with its candidate readings: its printed values placed in
/// order into the template's columns, a vanished blank being a column without a value
/// (``placements(_:slots:identities:)``), or the splits of a run of digits (``DigitSplitter``).
/// The other rows arrive as read. A candidate is *possible* when some choice of one candidate per
/// open row containing it makes every column identity hold; an open row is settled only when
/// exactly one of its candidates is possible. Two or more possible candidates: ambiguous. None:
/// the document's arithmetic is off (or the row was misread) and nothing is settled.
///
/// The identities are judged on the hypothesis that a blank counts nothing (a report leaves a
/// cell blank where it has nothing to count): a blank in a sum adds 0. A blank *total* (a row
/// alone making one side of an identity, or a row's 总计 column) makes the identity not assessable
/// (reports leave whole 总计 columns blank), as does a cell not read at all or a mark (`/`).
/// Values are never changed: the solver only chooses among readings of what is printed.
///
/// The search is bounded: for each candidate of each open row it looks for one assignment of the
/// other open rows (depth first, rows with fewest candidates first, pruned by interval bounds on
/// every identity: counts are never negative), reusing every assignment found, and stops after
/// ``maxNodes`` nodes in all. A candidate the search could not judge in time leaves its row
/// undecided, never settled.
enum CellPlacementSolver {
    enum Cell: Sendable, Hashable {
        case number(Int64)
        case blank
        /// Not read, or a mark: an identity holding it is not assessable.
        case unknown
    }

    enum Row: Sendable {
        case known([Cell])
        case open([[Cell]])
    }

    enum Result: Sendable, Equatable {
        case settled(Int)
        /// Indexes of the possible candidates (two or more).
        case ambiguous([Int])
        case impossible
        /// The search budget ran out before the row could be judged.
        case undecided
    }

    static let maxNodes = 100_000
    /// A short row with more placements than this is not tried.
    static let maxPlacements = 10_000
    /// Values above this are read as not assessable (sums stay far from overflow).
    static let maxValue: Int64 = 1_000_000_000_000

    static func cell(_ v: Int64?) -> Cell {
        guard let v else { return .blank }
        return v >= 0 && v <= maxValue ? .number(v) : .unknown
    }

    /// Whether a row's identities (`total = Σ parts`) hold, a blank part counting nothing, a blank
    /// or unknown total (or an unknown part) leaving the identity not assessable.
    static func rowHolds(_ v: [Cell], identities: [RowIdentity]) -> Bool {
        for id in identities {
            guard id.total < v.count, case .number(let t) = v[id.total] else { continue }
            var sum: Int64 = 0
            var assessable = true
            for p in id.parts where p < v.count {
                switch v[p] {
                case .number(let x): sum += x
                case .blank: break
                case .unknown: assessable = false
                }
            }
            if assessable && sum != t { return false }
        }
        return true
    }

    /// Whether every row identity is assessable and holds: each total printed, its parts numbers
    /// or blanks (counting nothing).
    static func rowConfirms(_ v: [Cell], identities: [RowIdentity]) -> Bool {
        identities.allSatisfy { id in
            guard id.total < v.count, case .number = v[id.total] else { return false }
            return id.parts.allSatisfy { $0 < v.count && v[$0] != .unknown } && rowHolds(v, identities: [id])
        }
    }

    /// The readings of a row whose row identities hold as printed, when there are any: a reading
    /// that leaves the row's total blank beside counted parts (the identity not assessable) is
    /// kept only for a row none of whose readings confirms its identities. Otherwise the whole
    /// table could shift, every row's total read as its last part and the 总计 column blank.
    static func preferConfirmed<T>(_ readings: [T], identities: [RowIdentity], vector: (T) -> [Cell]) -> [T] {
        guard !identities.isEmpty else { return readings }
        let confirmed = readings.filter { rowConfirms(vector($0), identities: identities) }
        return confirmed.isEmpty ? readings : confirmed
    }

    /// The placements of `printed` values, in order, into `slots` columns, the other columns
    /// blank, under which the row identities hold (``preferConfirmed(_:identities:vector:)``):
    /// each the column of every printed value. Nil when there are more than ``maxPlacements``
    /// placements to try.
    static func placements(_ printed: [Cell], slots: Int, identities: [RowIdentity]) -> [[Int]]? {
        let k = printed.count
        guard k <= slots else { return [] }
        var count = 1.0
        for i in 0..<k { count = count * Double(slots - i) / Double(i + 1) }
        guard count <= Double(maxPlacements) else { return nil }
        let out = ColumnChoice.all(k, of: slots).filter { rowHolds(vector(printed, at: $0, slots: slots), identities: identities) }
        return preferConfirmed(out, identities: identities) { Self.vector(printed, at: $0, slots: slots) }
    }

    /// The vector of a placement: the printed values at their columns, blanks elsewhere.
    static func vector(_ printed: [Cell], at positions: [Int], slots: Int) -> [Cell] {
        var v = [Cell](repeating: .blank, count: slots)
        for (value, p) in zip(printed, positions) { v[p] = value }
        return v
    }

    /// One result per row: nil for known rows. `rowIdentities`: a blank total of a row whose parts
    /// count something was not printed (it is no zero), and leaves its column's identities not
    /// assessable.
    static func solve(_ rows: [Row], columns: Int, identities: [ColumnIdentity], rowIdentities: [RowIdentity] = []) -> [Result?] {
        var search = Search(rows: rows.map { missingTotals($0, rowIdentities) }, columns: columns, identities: identities)
        return search.run()
    }

    static func missingTotals(_ row: Row, _ identities: [RowIdentity]) -> Row {
        func mark(_ v: [Cell]) -> [Cell] {
            var v = v
            for id in identities where id.total < v.count && v[id.total] == .blank {
                let counts = id.parts.contains { p in
                    guard p < v.count else { return false }
                    if case .number(let x) = v[p] { return x > 0 }
                    return v[p] == .unknown
                }
                if counts { v[id.total] = .unknown }
            }
            return v
        }
        guard !identities.isEmpty else { return row }
        switch row {
        case .known(let v): return .known(mark(v))
        case .open(let c): return .open(c.map(mark))
        }
    }

    private struct Bound {
        var lo: Int64 = 0
        var hi: Int64 = 0
        var mayBlank = false
        var mayUnknown = false
    }

    private struct Instance {
        var lhs: [Int]
        var rhs: [Int]
        var column: Int
    }

    private struct Search {
        let columns: Int
        let open: [Int]
        /// Candidates of every row (a known row: one), indexes into the original lists.
        var domain: [[Int]]
        let candidates: [[[Cell]]]
        var bounds: [[Bound]]
        let anchors: Set<Int>
        var instances: [Instance] = []
        var touching: [[Int]]
        var assigned: [Int?]
        var nodes = 0

        init(rows: [Row], columns: Int, identities: [ColumnIdentity]) {
            self.columns = columns
            var candidates: [[[Cell]]] = []
            var open: [Int] = []
            for (i, row) in rows.enumerated() {
                switch row {
                case .known(let v): candidates.append([Self.padded(v, columns)])
                case .open(let c):
                    candidates.append(c.map { Self.padded($0, columns) })
                    open.append(i)
                }
            }
            self.candidates = candidates
            self.open = open
            domain = candidates.map { Array($0.indices) }
            anchors = Set(identities.flatMap { ($0.lhs.count == 1 ? $0.lhs : []) + ($0.rhs.count == 1 ? $0.rhs : []) })
            touching = [[Int]](repeating: [], count: rows.count)
            assigned = rows.map { if case .known = $0 { return 0 } else { return nil } }
            bounds = []
            let openSet = Set(open)
            for id in identities where (id.lhs + id.rhs).allSatisfy({ $0 < rows.count }) && !(id.lhs + id.rhs).allSatisfy({ !openSet.contains($0) }) {
                for c in 0..<columns {
                    let k = instances.count
                    instances.append(Instance(lhs: id.lhs, rhs: id.rhs, column: c))
                    for m in Set(id.lhs + id.rhs) where openSet.contains(m) { touching[m].append(k) }
                }
            }
            bounds = candidates.indices.map { bound(of: $0) }
        }

        static func padded(_ v: [Cell], _ n: Int) -> [Cell] {
            v.count >= n ? Array(v.prefix(n)) : v + [Cell](repeating: .unknown, count: n - v.count)
        }

        func bound(of r: Int) -> [Bound] {
            (0..<columns).map { c in
                var b = Bound()
                var first = true
                for k in domain[r] {
                    switch candidates[r][k][c] {
                    case .unknown: b.mayUnknown = true
                    case .blank:
                        b.mayBlank = true
                        if first { b.lo = 0; b.hi = 0 } else { b.lo = min(b.lo, 0) }
                        first = false
                    case .number(let x):
                        if first { b.lo = x; b.hi = x } else { b.lo = min(b.lo, x); b.hi = max(b.hi, x) }
                        first = false
                    }
                }
                return b
            }
        }

        /// Whether the identity instance can still hold given the assigned rows and the bounds of
        /// the others.
        func feasible(_ i: Instance) -> Bool {
            guard let l = side(i.lhs, i.column), let r = side(i.rhs, i.column) else { return true }
            return l.lo <= r.hi && r.lo <= l.hi
        }

        /// The range of one side's sum; nil when a member makes the identity not assessable.
        func side(_ members: [Int], _ c: Int) -> (lo: Int64, hi: Int64)? {
            var lo: Int64 = 0, hi: Int64 = 0
            for m in members {
                if let k = assigned[m] {
                    switch candidates[m][k][c] {
                    case .unknown: return nil
                    case .blank: if anchors.contains(m) { return nil }
                    case .number(let x): lo += x; hi += x
                    }
                } else {
                    let b = bounds[m][c]
                    if b.mayUnknown || (b.mayBlank && anchors.contains(m)) { return nil }
                    lo += b.lo; hi += b.hi
                }
            }
            return (lo, hi)
        }

        func consistent(_ r: Int) -> Bool { touching[r].allSatisfy { feasible(instances[$0]) } }

        /// Drops candidates that no bound allows, until nothing changes. False when a row is left
        /// without candidates.
        mutating func propagate() -> Bool {
            var changed = true
            while changed {
                changed = false
                for r in open {
                    let before = domain[r].count
                    domain[r] = domain[r].filter { k in
                        assigned[r] = k
                        defer { assigned[r] = nil }
                        return consistent(r)
                    }
                    if domain[r].isEmpty { return false }
                    if domain[r].count != before {
                        bounds[r] = bound(of: r)
                        changed = true
                    }
                }
            }
            return true
        }

        /// One assignment of the unassigned open rows `order[from...]` under which every identity
        /// holds; nil when there is none, or when the budget ran out (`cutOff`).
        mutating func find(_ order: [Int], _ from: Int, _ cutOff: inout Bool) -> [Int: Int]? {
            if from == order.count { return [:] }
            let r = order[from]
            if assigned[r] != nil { return find(order, from + 1, &cutOff) }
            for k in domain[r] {
                nodes += 1
                if nodes > CellPlacementSolver.maxNodes { cutOff = true; return nil }
                assigned[r] = k
                if consistent(r), var rest = find(order, from + 1, &cutOff) {
                    assigned[r] = nil
                    rest[r] = k
                    return rest
                }
                assigned[r] = nil
                if cutOff { return nil }
            }
            return nil
        }

        mutating func run() -> [Result?] {
            var results = [Result?](repeating: nil, count: candidates.count)
            guard !open.isEmpty else { return results }
            guard propagate() else {
                for r in open { results[r] = .impossible }
                return results
            }
            let order = open.sorted { domain[$0].count < domain[$1].count || (domain[$0].count == domain[$1].count && $0 < $1) }
            var possible = [Int: Set<Int>]()
            var unjudged = [Int: Set<Int>]()
            for r in order {
                for k in domain[r] where !(possible[r]?.contains(k) ?? false) {
                    // Two possible candidates already: the row is ambiguous whatever else holds.
                    if (possible[r]?.count ?? 0) >= 2 { break }
                    var cutOff = false
                    assigned[r] = k
                    let found = consistent(r) ? find(order, 0, &cutOff) : nil
                    assigned[r] = nil
                    if var solution = found {
                        solution[r] = k
                        for (row, choice) in solution { possible[row, default: []].insert(choice) }
                    } else if cutOff {
                        unjudged[r, default: []].insert(k)
                    }
                }
            }
            for r in open {
                let p = possible[r] ?? [], u = unjudged[r] ?? []
                if p.count >= 2 {
                    results[r] = .ambiguous(p.sorted())
                } else if !u.isEmpty {
                    results[r] = .undecided
                } else if let k = p.first {
                    results[r] = .settled(k)
                } else {
                    results[r] = .impossible
                }
            }
            return results
        }
    }
}
