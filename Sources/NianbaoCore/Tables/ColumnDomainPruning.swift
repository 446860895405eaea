/// Narrows the open rows of a ``DigitTableSolver`` table before its search, column by column: a
/// row's choice is dropped when, in some column, no values the other rows of a column identity can
/// still take there (each row's possible values in that column, taken independently) make the
/// identity hold with it. Only choices that no full assignment can use are dropped (the column
/// values of a real assignment are among those possible values), so the solutions are the same;
/// the search that follows is smaller and is no longer cut off on tables where many rows split
/// several ways (lxml's text, where every row's cells run together and each row alone splits
/// 3–35 ways).
///
/// A column where a row may be blank (nil) is not assessable for that identity and is skipped.
/// The sums the other rows can make are listed up to ``maxSums`` values; beyond, the bounds of the
/// sum (non-negative counts) are used instead.
enum ColumnDomainPruning {
    static let maxSums = 16384
    static let maxRounds = 16

    /// False when some row is left without a choice (the identities cannot all hold).
    static func prune(_ state: inout [DigitTableSolver.Row], columns: Int, identities: [ColumnIdentity]) -> Bool {
        var changed = true
        var rounds = 0
        while changed && rounds < maxRounds {
            changed = false
            rounds += 1
            for id in identities {
                let members = id.lhs + id.rhs
                guard Set(members).count == members.count else { continue }
                let signs = id.lhs.map { _ in Int64(1) } + id.rhs.map { _ in Int64(-1) }
                for c in 0..<columns {
                    for (k, o) in members.enumerated() {
                        guard case .choices(let choices) = state[o], choices.count > 1 else { continue }
                        // The values every other member can take in column c.
                        var blank = false
                        var others: [[Int64]] = []
                        for (j, m) in members.enumerated() where j != k {
                            let d = domain(state[m], c)
                            if d.contains(where: { $0 == nil }) || d.isEmpty { blank = true; break }
                            others.append(d.map { signs[j] * $0! })
                        }
                        if blank { continue }
                        let sums = sumset(others)
                        let low = others.reduce(Int64(0)) { $0 + ($1.min() ?? 0) }
                        let high = others.reduce(Int64(0)) { $0 + ($1.max() ?? 0) }
                        let kept = choices.filter { choice in
                            guard c < choice.count, let x = choice[c] else { return true }
                            let need = -signs[k] * x
                            if let sums { return sums.contains(need) }
                            return need >= low && need <= high
                        }
                        if kept.isEmpty { return false }
                        if kept.count < choices.count {
                            state[o] = .choices(kept)
                            changed = true
                        }
                    }
                }
            }
        }
        return true
    }

    /// The distinct values a row can take in column c (nil: blank).
    static func domain(_ row: DigitTableSolver.Row, _ c: Int) -> [Int64?] {
        switch row {
        case .known(let v): return [c < v.count ? v[c] : nil]
        case .choices(let ch):
            var seen = Set<Int64?>()
            var out: [Int64?] = []
            for x in ch where seen.insert(c < x.count ? x[c] : nil).inserted { out.append(c < x.count ? x[c] : nil) }
            return out
        }
    }

    /// Every sum of one value from each list; nil when there are more than ``maxSums``.
    static func sumset(_ lists: [[Int64]]) -> Set<Int64>? {
        var sums: Set<Int64> = [0]
        for list in lists {
            if list.count == 1 {
                sums = Set(sums.map { $0 + list[0] })
                continue
            }
            var next = Set<Int64>()
            for s in sums {
                for x in list {
                    next.insert(s + x)
                    if next.count > maxSums { return nil }
                }
            }
            sums = next
        }
        return sums
    }
}
