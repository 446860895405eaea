/// Table 二 sub-tables (第二十条第（一）/（五）/（六）/（八）项 …) whose values a converter printed apart
/// from their row labels: a column header line (`本年处理决定数量`) followed by lines of bare values,
/// the labels elsewhere (tesseract's text of a borderless table writes a page's labels as one
/// block and each sub-table's header and values as another), or a value line right under the
/// header whose label OCR lost.
///
/// Each such group is matched to the sub-tables in template order by its header's words and its
/// number of values: a group fits a sub-table when it holds exactly the cells of all its rows (rows
/// the reading has must then agree, unless the reading took them from one of the blocks), or exactly the cells of the rows the reading left open when
/// those come first (the group printed before the rows read) or last (after them). The groups are
/// placed only when exactly one assignment of groups to sub-tables, in order, fits every group.
enum DetachedSubTables {
    struct SubTable {
        var rows: [Int]
        /// The kind of column header over it (sub-tables of one kind share their header words).
        var kind: Int
    }

    /// The header words of each kind of sub-table; a header line is of the first kind whose words it holds.
    static func kinds(_ generation: Generation) -> [[String]] {
        generation == .g2019
            ? [["新制作数量", "新公开数量", "公开总数量"], ["上一年项目数量", "处理决定数量"], ["采购项目数量", "采购总金额"]]
            : [["制发件数", "废止件数", "有效件数"], ["处理决定数量"], ["收费金额"]]
    }

    static func subTables(_ generation: Generation) -> [SubTable] {
        generation == .g2019
            ? [SubTable(rows: [0, 1], kind: 0), SubTable(rows: [2, 3], kind: 1), SubTable(rows: [4, 5], kind: 1), SubTable(rows: [6], kind: 1), SubTable(rows: [7], kind: 2)]
            : [SubTable(rows: [0, 1], kind: 0), SubTable(rows: [2], kind: 1), SubTable(rows: [3, 4], kind: 1), SubTable(rows: [5], kind: 2)]
    }

    /// Which kind of header a line's match key is, if any.
    static func kind(_ key: String, _ kinds: [[String]]) -> Int? {
        kinds.firstIndex { words in words.contains { key.includes($0) } }
    }

    struct Group {
        var kind: Int
        var values: [(reading: CellReading, at: Location)] = []
        var line: Int
    }

    /// A line of bare printed numbers (no label, no mark).
    static func values(_ row: GridRow) -> [CellReading]? {
        var out: [CellReading] = []
        for piece in row.text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }) {
            let r = CellReading.read(String(piece))
            guard r.kind == .number, r.unit == nil else { return nil }
            out.append(r)
            if out.count > 8 { return nil }
        }
        return out.isEmpty ? nil : out
    }

    /// The Table 二 cells of `reading` with the detached groups placed, the rows placed and the
    /// lines of the groups; nil when no group can be placed with certainty.
    static func activeDisclosure(
        _ rows: ArraySlice<GridRow>, reading cells: [Cell], generation: Generation, diagnostics: inout [Diagnostic]
    ) -> (cells: [Cell], rows: [RowSpec], lines: Set<Location>)? {
        let layout = ActiveDisclosureLayout.rows(generation)
        let tables = subTables(generation)
        let kinds = kinds(generation)
        let matcher = ActiveDisclosureLayout.matcher(generation)
        var byKey: [String: Cell] = [:]
        for c in cells where byKey[c.key] == nil { byKey[c.key] = c }
        let cellKeys = ActiveDisclosureLayout.plan(generation).cellKeys
        func key(_ r: Int, _ c: Int) -> String { cellKeys[r][c] }
        // Rows the reading has complete (every column a value), with the region line they came from.
        var lineOf: [Location: Int] = [:]
        for (i, row) in zip(rows.indices, rows) {
            for c in row.cells where lineOf[c.at] == nil { lineOf[c.at] = i }
            if lineOf[row.at] == nil { lineOf[row.at] = i }
        }
        let read: [Bool] = layout.indices.map { r in layout[r].columns.indices.allSatisfy { byKey[key(r, $0)]?.value != nil } }
        func line(_ r: Int) -> Int? { layout[r].columns.indices.compactMap { byKey[key(r, $0)].flatMap { lineOf[$0.at] } }.min() }

        // Header lines followed by value lines.
        var groups: [Group] = []
        var current: Group? = nil
        for i in rows.indices {
            if var g = current, let v = values(rows[i]) {
                g.values += v.map { ($0, rows[i].at) }
                current = g
                continue
            }
            if let g = current, !g.values.isEmpty { groups.append(g) }
            current = nil
            let k = TextNormalizer.matchKey(rows[i].text)
            // A header line: a sub-table's column words and no row's label (`收费` of 本年收费金额 is the header's).
            guard let kind = kind(k, kinds), values(rows[i]) == nil else { continue }
            let rest = kinds[kind].reduce(k) { $0.replacing($1, with: "") }
            guard matcher.priority.allSatisfy({ !$0.matches(rest) }) else { continue }
            current = Group(kind: kind, line: i)
        }
        if let g = current, !g.values.isEmpty { groups.append(g) }
        guard !groups.isEmpty, groups.count <= tables.count else { return nil }
        let blockValues = Set(groups.flatMap { $0.values.map(\.at) })

        // The rows of sub-table `t` a group of `n` values printed at `line` holds, or nil.
        func fit(_ g: Group, _ t: SubTable) -> [Int]? {
            guard g.kind == t.kind else { return nil }
            let slots = { (rs: [Int]) in rs.reduce(0) { $0 + layout[$1].columns.count } }
            if g.values.count == slots(t.rows) {
                // Every row: those the reading has must read the same.
                var k = 0
                for r in t.rows {
                    for c in layout[r].columns.indices {
                        // (A value the reading took from one of the blocks is no evidence: it is placed anew.)
                        if let have = byKey[key(r, c)], let v = have.value, v != g.values[k].reading.value, !blockValues.contains(have.at) {
                            return nil
                        }
                        k += 1
                    }
                }
                return t.rows
            }
            let open = t.rows.filter { !read[$0] }
            guard !open.isEmpty, open.count < t.rows.count, g.values.count == slots(open) else { return nil }
            let done = t.rows.filter { read[$0] }
            let doneLines = done.compactMap(line)
            guard doneLines.count == done.count else { return nil }
            if open == Array(t.rows.prefix(open.count)), doneLines.allSatisfy({ $0 > g.line }) { return open }
            if open == Array(t.rows.suffix(open.count)), doneLines.allSatisfy({ $0 < g.line }) { return open }
            return nil
        }
        // Every assignment of the groups, in order, to increasing sub-tables: exactly one must fit.
        var found: [[Int]]? = nil
        var count = 0
        var chosen: [[Int]] = []
        func go(_ g: Int, _ from: Int) {
            if count > 1 { return }
            if g == groups.count { count += 1; found = chosen; return }
            guard from < tables.count else { return }
            for t in from..<tables.count {
                guard let rs = fit(groups[g], tables[t]) else { continue }
                chosen.append(rs)
                go(g + 1, t + 1)
                chosen.removeLast()
            }
        }
        go(0, 0)
        guard count == 1, let assignment = found else { return nil }

        var placed: [Int: [Cell]] = [:]
        for (g, rs) in zip(groups, assignment) {
            var k = 0
            for r in rs {
                placed[r] = layout[r].columns.indices.map { c in
                    defer { k += 1 }
                    let v = g.values[k]
                    return Cell(key: key(r, c), value: v.reading.value, raw: v.reading.raw, kind: .number, at: v.at)
                }
            }
        }
        let names = placed.keys.sorted().map { layout[$0].spec.label }.joined(separator: ", ")
        diagnostics.append(
            Diagnostic(
                .note, .valuesDetached,
                "Table 二: the values under the column headers printed apart from the row labels are the rows \(names), the only placement of those header blocks in the sub-tables' order",
                at: rows[groups[0].line].at))
        var merged: [Cell] = []
        var keys = Set<String>()
        for r in layout.indices {
            if let new = placed[r] {
                merged += new
            } else {
                merged += layout[r].columns.indices.compactMap { byKey[key(r, $0)] }
            }
            for c in layout[r].columns.indices { keys.insert(key(r, c)) }
        }
        merged += cells.filter { !keys.contains($0.key) }
        let lines = Set(groups.flatMap { g in [rows[g.line].at] + g.values.map(\.at) })
        return (merged, placed.keys.sorted().map { layout[$0].spec }, lines)
    }
}
