/// Which columns hold values printed in order when the blank cells between them vanished: every
/// choice of `k` of `n` columns. Shared by the whole-table solver (``CellPlacementSolver``) and
/// the value lines printed apart from their labels (``DetachedValueRows``).
enum ColumnChoice {
    /// Every choice of `k` of `n` columns, each in increasing order, in lexicographic order; one
    /// empty choice when `k` is 0, none when `k` is more than `n`.
    static func all(_ k: Int, of n: Int) -> [[Int]] {
        guard k >= 0, k <= n else { return [] }
        var out: [[Int]] = []
        var pick: [Int] = []
        func go(_ from: Int) {
            if pick.count == k {
                out.append(pick)
                return
            }
            for c in from..<n where n - c >= k - pick.count {
                pick.append(c)
                go(c + 1)
                pick.removeLast()
            }
        }
        go(0)
        return out
    }
}
