import NianbaoCore
/// Narrows the laid-out rows of a page to the report: the smallest element holding both the
/// start of the report (its title, or the first 一、 heading) and its end (the last section
/// heading or data table). Site navigation, banners and footers outside that element are left out.
/// When no report structure is found, the whole `<body>` is kept (minus header/footer).
struct HTMLReportScope {
    let tree: HTMLTree

    struct Result {
        var rows: [HTMLFlattener.Row]
        var diagnostics: [Diagnostic]
    }

    func narrow(_ rows: [HTMLFlattener.Row]) -> Result {
        let keys = rows.map { $0.row.table == nil ? TextNormalizer.matchKey($0.row.text) : "" }
        let firstHeading = keys.indices.first { isHeading(keys[$0], numerals: ["一"]) }
        let searchEnd = firstHeading ?? rows.firstIndex { $0.row.table != nil } ?? rows.count
        var title = (0..<searchEnd).reversed().first { Self.isTitle(keys[$0]) }
        if title == nil { title = keys.indices.first { Self.isTitle(keys[$0]) } }
        let start = title ?? firstHeading
        let tail = rows.indices.last { i in
            rows[i].row.table != nil || isHeading(keys[i], numerals: ["二", "三", "四", "五", "六", "七", "八"])
        }
        let body = tree.body
        guard let start, let end = tail, end > start else {
            let kept = rows.filter { $0.chrome < 0 || isAncestor(chrome: $0.chrome, of: body) }
            return Result(
                rows: kept,
                diagnostics: [
                    Diagnostic(
                        .note, .htmlNoReportBody,
                        "no report title or section headings found in the page; the whole body was read")
                ])
        }
        let container = lowestCommonAncestor(rows[start].origin, rows[end].origin)
        var kept: [HTMLFlattener.Row] = []
        for (i, row) in rows.enumerated() {
            guard i == title || (row.origin >= 0 && tree.isAncestor(container, of: row.origin)) else { continue }
            if row.chrome >= 0 && i != title {
                // A page-level header/footer is chrome; one inside the report's own article is not.
                let inside = container != body && tree.isAncestor(container, of: row.chrome) && container != row.chrome
                if !inside && !tree.isAncestor(row.chrome, of: container) { continue }
            }
            kept.append(row)
        }
        return Result(rows: kept, diagnostics: [])
    }

    private func isAncestor(chrome: Int, of node: Int) -> Bool {
        node >= 0 && tree.isAncestor(chrome, of: node)
    }

    /// `一、…`, `一．…`, `一.…` (match keys fold full-width punctuation).
    private func isHeading(_ key: String, numerals: [Character]) -> Bool {
        guard let first = key.first, numerals.contains(first) else { return false }
        let second = key.dropFirst().first
        return second == "、" || second == "." || second == ","
    }

    /// A title line: names the report, is short, and is not a sentence (the preface
    /// 本年度报告根据《条例》… also names the report).
    static func isTitle(_ key: String) -> Bool {
        key.count <= 80 && (key.contains("年度报告") || key.contains("年报"))
            && (key.contains("信息公开") || key.contains("政务公开"))
            && !key.contains("。") && !key.hasPrefix("本")
    }

    private func lowestCommonAncestor(_ a: Int, _ b: Int) -> Int {
        guard a >= 0, b >= 0 else { return max(tree.body, 0) }
        var x = a
        while x >= 0 && !tree.isAncestor(x, of: b) { x = tree.nodes[x].parent }
        return x >= 0 ? x : max(tree.body, 0)
    }
}
