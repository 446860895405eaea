import NianbaoCore
/// A table drawn with ruling lines: the grid of distinct line positions and its merged cells.
package struct RuledTable: Sendable {
    /// Distinct x positions of vertical lines, left to right (column boundaries).
    var xs: [Double]
    /// Distinct y positions of horizontal lines, top to bottom (row boundaries).
    var ys: [Double]
    /// Merged cells: fine rows `top...bottom`, fine columns `left...right`.
    var cells: [Cell]
    /// For each fine grid position `[row][column]`, the index of its merged cell.
    var cellAt: [[Int]]

    struct Cell: Sendable {
        var top: Int, bottom: Int, left: Int, right: Int
        var box: Box
    }

    var box: Box { Box(x0: xs.first!, y0: ys.first!, x1: xs.last!, y1: ys.last!) }

    /// The merged cell holding a point, or nil outside the table.
    func cellIndex(x: Double, y: Double) -> Int? {
        guard x >= xs.first! && x <= xs.last! && y >= ys.first! && y <= ys.last! else { return nil }
        let col = RuledTable.slot(xs, x), row = RuledTable.slot(ys, y)
        return cellAt[row][col]
    }

    static func slot(_ bounds: [Double], _ v: Double) -> Int {
        var lo = 0, hi = bounds.count - 2
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if bounds[mid] <= v { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}

/// Finds ruled tables among a page's ruling lines.
package enum RuledTableFinder {
    static let tolerance = 2.0

    package static func tables(in rulings: [Ruling]) -> [RuledTable] {
        let merged = mergeCollinear(rulings)
        guard merged.count >= 4 else { return [] }
        // connected components of touching lines
        var parent = Array(0..<merged.count)
        func find(_ a: Int) -> Int {
            var a = a
            while parent[a] != a { parent[a] = parent[parent[a]]; a = parent[a] }
            return a
        }
        let t = tolerance + 0.5
        for i in 0..<merged.count {
            for j in (i + 1)..<merged.count {
                let a = merged[i], b = merged[j]
                var touch = false
                if a.axis != b.axis {
                    let (h, v) = a.axis == .horizontal ? (a, b) : (b, a)
                    touch = v.position >= h.from - t && v.position <= h.to + t && h.position >= v.from - t && h.position <= v.to + t
                } else {
                    touch = abs(a.position - b.position) <= t && a.from <= b.to + t && b.from <= a.to + t
                }
                if touch { parent[find(i)] = find(j) }
            }
        }
        var groups: [Int: [Ruling]] = [:]
        for i in 0..<merged.count { groups[find(i), default: []].append(merged[i]) }
        var out: [RuledTable] = []
        for (_, lines) in groups {
            if let table = grid(lines) { out.append(table) }
        }
        return out.sorted { $0.box.y0 < $1.box.y0 }
    }

    /// Joins overlapping or touching segments on the same line (borders drawn cell by cell).
    static func mergeCollinear(_ rulings: [Ruling]) -> [Ruling] {
        var out: [Ruling] = []
        for axis in [Ruling.Axis.horizontal, .vertical] {
            let list = rulings.filter { $0.axis == axis }.sorted { ($0.position, $0.from) < ($1.position, $1.from) }
            var lines: [[Ruling]] = []
            for r in list {
                if let last = lines.last?.first, abs(last.position - r.position) <= 1.0 {
                    lines[lines.count - 1].append(r)
                } else {
                    lines.append([r])
                }
            }
            for group in lines {
                let pos = group.map(\.position).reduce(0, +) / Double(group.count)
                var spans = group.map { ($0.from, $0.to) }.sorted { $0.0 < $1.0 }
                var cur = spans.removeFirst()
                for s in spans {
                    if s.0 <= cur.1 + tolerance {
                        cur.1 = max(cur.1, s.1)
                    } else {
                        out.append(Ruling(axis: axis, position: pos, from: cur.0, to: cur.1))
                        cur = s
                    }
                }
                out.append(Ruling(axis: axis, position: pos, from: cur.0, to: cur.1))
            }
        }
        return out
    }

    private static func cluster(_ values: [Double]) -> [Double] {
        let sorted = values.sorted()
        var out: [[Double]] = []
        for v in sorted {
            if let last = out.last?.last, v - last <= tolerance { out[out.count - 1].append(v) } else { out.append([v]) }
        }
        return out.map { $0.reduce(0, +) / Double($0.count) }
    }

    static func grid(_ lines: [Ruling]) -> RuledTable? {
        let hs = lines.filter { $0.axis == .horizontal }
        let vs = lines.filter { $0.axis == .vertical }
        guard hs.count >= 2, vs.count >= 2 else { return nil }
        var ys = cluster(hs.map(\.position))
        var xs = cluster(vs.map(\.position))
        // the outer frame where the table has no side borders: extend to the line ends
        let left = hs.map(\.from).min()!, right = hs.map(\.to).max()!
        let top = vs.map(\.from).min()!, bottom = vs.map(\.to).max()!
        if left < xs.first! - 3 * tolerance { xs.insert(left, at: 0) }
        if right > xs.last! + 3 * tolerance { xs.append(right) }
        if top < ys.first! - 3 * tolerance { ys.insert(top, at: 0) }
        if bottom > ys.last! + 3 * tolerance { ys.append(bottom) }
        let nx = xs.count - 1, ny = ys.count - 1
        guard nx >= 1, ny >= 1, nx * ny >= 2 else { return nil }

        func hasVertical(_ x: Double, y0: Double, y1: Double) -> Bool {
            let mid = (y0 + y1) / 2
            return vs.contains { abs($0.position - x) <= tolerance && $0.from <= mid && $0.to >= mid }
        }
        func hasHorizontal(_ y: Double, x0: Double, x1: Double) -> Bool {
            let mid = (x0 + x1) / 2
            return hs.contains { abs($0.position - y) <= tolerance && $0.from <= mid && $0.to >= mid }
        }
        var parent = Array(0..<(nx * ny))
        func find(_ a: Int) -> Int {
            var a = a
            while parent[a] != a { parent[a] = parent[parent[a]]; a = parent[a] }
            return a
        }
        for r in 0..<ny {
            for c in 0..<nx {
                if c + 1 < nx && !hasVertical(xs[c + 1], y0: ys[r], y1: ys[r + 1]) {
                    parent[find(r * nx + c)] = find(r * nx + c + 1)
                }
                if r + 1 < ny && !hasHorizontal(ys[r + 1], x0: xs[c], x1: xs[c + 1]) {
                    parent[find(r * nx + c)] = find((r + 1) * nx + c)
                }
            }
        }
        var index: [Int: Int] = [:]
        var cells: [RuledTable.Cell] = []
        var cellAt = Array(repeating: Array(repeating: 0, count: nx), count: ny)
        for r in 0..<ny {
            for c in 0..<nx {
                let root = find(r * nx + c)
                if let k = index[root] {
                    cells[k].top = min(cells[k].top, r); cells[k].bottom = max(cells[k].bottom, r)
                    cells[k].left = min(cells[k].left, c); cells[k].right = max(cells[k].right, c)
                    cellAt[r][c] = k
                } else {
                    index[root] = cells.count
                    cellAt[r][c] = cells.count
                    cells.append(RuledTable.Cell(top: r, bottom: r, left: c, right: c, box: Box(x0: 0, y0: 0, x1: 0, y1: 0)))
                }
            }
        }
        for k in cells.indices {
            let c = cells[k]
            cells[k].box = Box(x0: xs[c.left], y0: ys[c.top], x1: xs[c.right + 1], y1: ys[c.bottom + 1])
        }
        // A lone box (a frame around text) is not a table.
        guard cells.count >= 2 else { return nil }
        return RuledTable(xs: xs, ys: ys, cells: cells, cellAt: cellAt)
    }
}
