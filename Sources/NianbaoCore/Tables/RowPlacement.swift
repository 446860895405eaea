/// Puts a row's value readings into its value columns, using reader-known column positions when
/// there are any. Returns nil when the row cannot be placed without guessing.
enum RowPlacement {
    static func place(_ values: [PlacedReading], slots n: Int, canonicalColumns: [Int]?, centers: [Double]? = nil) -> [PlacedReading?]? {
        var values = Array(values[blankTrimmed(values, slots: n)])
        // Blank cells a merged cell left behind (markdown of a colspan: `| 0 | 0 | | 0 |`): when the
        // blanks are exactly the surplus, every one of them is such a gap.
        if values.count > n, values.filter({ $0.reading.kind == .empty }).count == values.count - n {
            values.removeAll { $0.reading.kind == .empty }
        }
        // Wrapped by map: the implicit [PlacedReading] → [PlacedReading?] conversion went through
        // a generic array cast, element by element.
        if values.count == n { return values.map { Optional($0) } }
        guard values.count < n else { return nil }
        if let centers, centers.count == n, values.allSatisfy({ $0.x != nil }), let placed = placeByPosition(values, centers: centers) {
            return placed
        }
        guard let canon = canonicalColumns ?? scannedSpan(values, slots: n), canon.count == n,
            values.allSatisfy({ $0.column != nil })
        else { return nil }
        var slots = [PlacedReading?](repeating: nil, count: n)
        for v in values {
            guard let idx = canon.firstIndex(of: v.column!), slots[idx] == nil else { return nil }
            slots[idx] = v
        }
        return slots
    }

    /// The values of a row of more than `n` left when blank cells beyond the columns are cut off
    /// at either end (label columns spanned over, leading; a trailing tab), one at a time while
    /// more than `n` are left: ``place(_:slots:canonicalColumns:centers:)``'s first step, and
    /// ``RowFiller/fill(taking:at:name:judge:diagnostics:)``'s test for a row it places as it
    /// stands. (Indices, not removeFirst: linear however many blanks a hostile row holds.)
    static func blankTrimmed(_ values: [PlacedReading], slots n: Int) -> Range<Int> {
        var lo = values.startIndex, hi = values.endIndex
        while hi - lo > n {
            if values[lo].reading.kind == .empty { lo += 1 } else if values[hi - 1].reading.kind == .empty { hi -= 1 } else { break }
        }
        return lo..<hi
    }

    /// The value columns of a scanned ruled row whose first and last values sit `n - 1` ruled
    /// columns apart: OCR lost cells between them (`10 ] 0 … 5 u n0 0 0`), the rulings kept their
    /// columns.
    static func scannedSpan(_ values: [PlacedReading], slots n: Int) -> [Int]? {
        guard values.allSatisfy({ $0.at.isScan && $0.column != nil }),
            let lo = values.first?.column, let hi = values.last?.column, hi - lo == n - 1
        else { return nil }
        return Array(lo...hi)
    }

    /// Places values under the column centres by position: the order-keeping assignment with the
    /// least total distance, accepted only if every value sits clearly under its column (within
    /// 40% of the narrowest gap between neighbouring centres).
    static func placeByPosition(_ values: [PlacedReading], centers: [Double]) -> [PlacedReading?]? {
        let n = centers.count, k = values.count
        guard k <= n, n >= 2 else { return nil }
        var gap = Double.infinity
        for i in 1..<n { gap = min(gap, centers[i] - centers[i - 1]) }
        guard gap > 0 else { return nil }
        let tolerance = gap * 0.4
        // cost[i][j]: best cost placing the first i values into the first j slots.
        let inf = Double.infinity
        var cost = [[Double]](repeating: [Double](repeating: inf, count: n + 1), count: k + 1)
        var take = [[Bool]](repeating: [Bool](repeating: false, count: n + 1), count: k + 1)
        for j in 0...n { cost[0][j] = 0 }
        for i in 1...k {
            for j in i...n {
                let skip = cost[i][j - 1]
                let d = abs(values[i - 1].x! - centers[j - 1])
                let use = d <= tolerance ? cost[i - 1][j - 1] + d : inf
                if use <= skip { cost[i][j] = use; take[i][j] = use < inf } else { cost[i][j] = skip }
            }
        }
        guard cost[k][n] < inf else { return nil }
        var slots = [PlacedReading?](repeating: nil, count: n)
        var i = k, j = n
        while i > 0 && j > 0 {
            if take[i][j] { slots[j - 1] = values[i - 1]; i -= 1; j -= 1 } else { j -= 1 }
        }
        return i == 0 ? slots : nil
    }

    /// Column centres from complete rows whose values carry positions: the median per column.
    static func columnCenters(_ rows: [[PlacedReading]], slots n: Int) -> [Double]? {
        // By index: `allSatisfy` copied every reading whole to look at its position.
        let complete = rows.filter { r in
            r.count == n && r.withUnsafeBufferPointer { b in !b.indices.contains { b[$0].x == nil } }
        }
        guard !complete.isEmpty else { return clusteredCenters(rows, slots: n) }
        var centers: [Double] = []
        centers.reserveCapacity(n)
        // One buffer for every column's positions.
        var xs: [Double] = []
        xs.reserveCapacity(complete.count)
        for c in 0..<n {
            xs.removeAll(keepingCapacity: true)
            for r in complete { r.withUnsafeBufferPointer { xs.append($0[c].x!) } }
            xs.sort()
            centers.append(xs[xs.count / 2])
        }
        for c in 1..<n where centers[c] <= centers[c - 1] { return nil }
        return centers
    }

    /// Column centres when no row is complete (a table with many blanks): the positions of all
    /// values fall into exactly `n` clusters, split at the `n - 1` widest gaps, and only when those
    /// gaps are clearly wider (2×) than any gap inside a cluster.
    static func clusteredCenters(_ rows: [[PlacedReading]], slots n: Int) -> [Double]? {
        // By index (`flatMap`/`compactMap` copied every reading whole); the same positions in the same order.
        var xs: [Double] = []
        for r in rows {
            r.withUnsafeBufferPointer { b in
                for i in b.indices where b[i].reading.kind != .empty {
                    if let x = b[i].x { xs.append(x) }
                }
            }
        }
        xs.sort()
        guard xs.count >= n, n >= 2 else { return nil }
        let gaps = (1..<xs.count).map { (gap: xs[$0] - xs[$0 - 1], at: $0) }.sorted { $0.gap > $1.gap }
        guard gaps.count >= n - 1 else { return nil }
        let splits = gaps.prefix(n - 1)
        let inner = gaps.dropFirst(n - 1).first?.gap ?? 0
        guard let narrowestSplit = splits.last?.gap, narrowestSplit > 0, narrowestSplit >= 2 * inner else { return nil }
        var bounds = splits.map(\.at).sorted()
        bounds.append(xs.count)
        var start = 0
        var centers: [Double] = []
        for end in bounds {
            let cluster = xs[start..<end]
            centers.append(cluster[cluster.startIndex + cluster.count / 2])
            start = end
        }
        return centers
    }

    /// The most common column tuple among complete rows that carry column positions.
    static func canonicalColumns(_ rows: [[PlacedReading]], slots n: Int) -> [Int]? {
        var counts: [[Int]: Int] = [:]
        for r in rows where r.count == n && r.allSatisfy({ $0.column != nil }) {
            counts[r.map { $0.column! }, default: 0] += 1
        }
        return counts.max { a, b in a.value < b.value || (a.value == b.value && a.key.lexicographicallyPrecedes(b.key)) }?.key
    }
}
