/// Puts a row's value readings into its value columns, using reader-known column positions when
/// there are any. Returns nil when the row cannot be placed without guessing.
enum RowPlacement {
    static func place(_ values: [PlacedReading], slots n: Int, canonicalColumns: [Int]?) -> [PlacedReading?]? {
        var values = values
        // Blank cells beyond the columns: label columns spanned over (leading) or a trailing tab.
        while values.count > n {
            if values.first?.reading.kind == .empty { values.removeFirst() }
            else if values.last?.reading.kind == .empty { values.removeLast() }
            else { break }
        }
        if values.count == n { return values }
        guard values.count < n, let canon = canonicalColumns, canon.count == n,
              values.allSatisfy({ $0.column != nil }) else { return nil }
        var slots = [PlacedReading?](repeating: nil, count: n)
        for v in values {
            guard let idx = canon.firstIndex(of: v.column!), slots[idx] == nil else { return nil }
            slots[idx] = v
        }
        return slots
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
