import NianbaoCore
/// Walks an ``HTMLTree`` (iteratively) and lays it out as grid rows: one row per block or
/// `<br>`-separated line of prose, one row per `<tr>` of each leaf data table.
package struct HTMLFlattener {
    /// A row together with the facts the report-scope step needs.
    struct Row {
        var row: GridRow
        /// The element the row's text came from (a text node's parent, or the `<table>`).
        var origin: Int
        /// The outermost open `<header>`/`<footer>` around the row, or -1.
        var chrome: Int
    }

    let tree: HTMLTree
    private(set) var rows: [Row] = []
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var dataTableCount = 0

    /// Elements whose content is never report text.
    static let skipped: Set<String> = [
        "head", "title", "script", "style", "noscript", "template", "meta", "link", "base",
        "nav", "aside", "iframe", "frame", "frameset", "object", "embed", "svg", "math", "canvas",
        "audio", "video", "select", "option", "textarea", "button", "input", "map",
    ]

    /// Elements that start and end a block (a paragraph of their own).
    static let blocks: Set<String> = [
        "html", "body", "address", "article", "blockquote", "center", "dd", "details", "dialog", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "ol", "p", "pre", "section", "summary",
        "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "ul", "legend", "listing", "xmp",
        "plaintext",
    ]

    static let chrome: Set<String> = ["header", "footer"]

    init(tree: HTMLTree) {
        self.tree = tree
    }

    // MARK: - Prose state

    private var buffer = ""
    private var bufferOrigin = -1
    private var bufferLine = 0
    private var pendingParagraph = true
    private var chromeStack: [Int] = []
    private var preDepth = 0

    /// Lays out the subtree under `root` (normally `<body>`).
    mutating func run(from root: Int) {
        guard root >= 0 && root < tree.nodes.count else { return }
        let dataTables = findDataTables()
        var open: [Int] = []
        var cur = root
        while cur >= 0 {
            let node = tree.nodes[cur]
            var descend = false
            switch node.kind {
            case .text:
                addText(node.text, node: cur)
            case .element:
                if node.hidden || Self.skipped.contains(node.name) {
                    break
                } else if node.name == "br" {
                    flush()
                } else if node.name == "table" && dataTables.contains(cur) {
                    flush()
                    emitTable(cur)
                    pendingParagraph = true
                } else {
                    enter(cur)
                    if node.firstChild >= 0 {
                        descend = true
                    } else {
                        exit(cur)
                    }
                }
            }
            if descend {
                open.append(cur)
                cur = node.firstChild
                continue
            }
            var m = cur
            while true {
                if m == root { cur = -1; break }
                let next = tree.nodes[m].nextSibling
                if next >= 0 { cur = next; break }
                guard let p = open.popLast() else { cur = -1; break }
                exit(p)
                m = p
            }
        }
        flush()
    }

    private mutating func enter(_ i: Int) {
        let name = tree.nodes[i].name
        if Self.blocks.contains(name) {
            flush()
            pendingParagraph = true
        }
        if Self.chrome.contains(name) { chromeStack.append(i) }
        if name == "pre" || name == "listing" || name == "xmp" || name == "plaintext" { preDepth += 1 }
    }

    private mutating func exit(_ i: Int) {
        let name = tree.nodes[i].name
        if Self.blocks.contains(name) {
            flush()
            pendingParagraph = true
        }
        if Self.chrome.contains(name), chromeStack.last == i { chromeStack.removeLast() }
        if name == "pre" || name == "listing" || name == "xmp" || name == "plaintext" { preDepth -= 1 }
    }

    private mutating func addText(_ text: String, node: Int) {
        if preDepth > 0 && text.contains(where: { $0 == "\n" || $0 == "\r\n" }) {
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            for (k, line) in lines.enumerated() {
                if k > 0 { flush() }
                addText(String(line), node: node)
            }
            return
        }
        if buffer.isEmpty {
            bufferOrigin = tree.nodes[node].parent
            bufferLine = tree.nodes[node].line
        }
        buffer += text
    }

    /// Ends the current line: emits it as a prose row when it holds any text.
    private mutating func flush() {
        defer { buffer = ""; bufferOrigin = -1 }
        guard !buffer.isEmpty else { return }
        let text = HTMLText.clean(buffer)
        guard !text.isEmpty else { return }
        let at: Location = bufferLine > 0 ? .line(bufferLine) : .none
        let row = GridRow(cells: [GridCell(text: text, at: at)], text: text, at: at, startsParagraph: pendingParagraph)
        rows.append(Row(row: row, origin: bufferOrigin, chrome: chromeStack.first ?? -1))
        pendingParagraph = false
    }

    // MARK: - Tables

    /// Leaf tables (no table inside) that have a row of two or more cells. Other tables are
    /// layout: their content flows as blocks.
    private func findDataTables() -> Set<Int> {
        var containers = Set<Int>()
        var tables: [Int] = []
        for (i, n) in tree.nodes.enumerated() where n.kind == .element && n.name == "table" {
            tables.append(i)
            if n.tableAncestor >= 0 { containers.insert(n.tableAncestor) }
        }
        var result = Set<Int>()
        for t in tables where !containers.contains(t) && !tree.nodes[t].hidden {
            if tableUnits(t).contains(where: { $0.count >= 2 }) && !holdsProse(t) { result.insert(t) }
        }
        return result
    }

    /// A leaf table with a cell of more than 500 characters is a page layout holding the article
    /// (data table cells are labels and numbers), so it flows as prose.
    private func holdsProse(_ t: Int) -> Bool {
        var lengths: [Int: Int] = [:]
        for k in (t + 1)..<tree.nodes[t].end {
            let n = tree.nodes[k]
            guard n.kind == .text, n.cellAncestor >= 0 else { continue }
            let total = lengths[n.cellAncestor, default: 0] + n.text.unicodeScalars.count
            if total > 500 { return true }
            lengths[n.cellAncestor] = total
        }
        return false
    }

    /// The rows of a leaf table, each as its cells (node indices), in document order.
    /// Cells outside any `<tr>` (malformed pages) are grouped into rows of their own.
    private func tableUnits(_ t: Int) -> [[Int]] {
        var units: [[Int]] = []
        var rowIndex: [Int: Int] = [:]  // tr node → unit index
        var orphanOpen = false
        var k = t + 1
        let end = tree.nodes[t].end
        while k < end {
            let n = tree.nodes[k]
            guard n.kind == .element else { k += 1; continue }
            if n.hidden || Self.skipped.contains(n.name) { k = n.end; continue }
            if n.name == "tr" {
                rowIndex[k] = units.count
                units.append([])
                orphanOpen = false
            } else if n.name == "td" || n.name == "th" {
                if n.rowAncestor >= 0, let u = rowIndex[n.rowAncestor] {
                    units[u].append(k)
                } else {
                    if !orphanOpen { units.append([]); orphanOpen = true }
                    units[units.count - 1].append(k)
                }
                k = n.end  // nested cells belong to this cell's text
                continue
            }
            k += 1
        }
        return units
    }

    private mutating func emitTable(_ t: Int) {
        let units = tableUnits(t)
        let spans = units.map { $0.map { HTMLTableGrid.Span(colspan: tree.nodes[$0].colspan, rowspan: tree.nodes[$0].rowspan) } }
        let (columns, truncated) = HTMLTableGrid.columns(of: spans)
        let id = dataTableCount
        dataTableCount += 1
        if truncated {
            diagnostics.append(
                Diagnostic(
                    .warning, .htmlSpanLimit,
                    "table \(id): rowspans beyond the size limit were ignored",
                    at: .table(id, row: 0, column: 0)))
        }
        // A <caption> is a line of prose before the table.
        for k in (t + 1)..<tree.nodes[t].end where tree.nodes[k].name == "caption" && tree.nodes[k].kind == .element {
            let text = cellText(k)
            if !text.isEmpty {
                let at: Location = tree.nodes[k].line > 0 ? .line(tree.nodes[k].line) : .none
                rows.append(
                    Row(
                        row: GridRow(cells: [GridCell(text: text, at: at)], text: text, at: at, startsParagraph: true),
                        origin: k, chrome: chromeStack.first ?? -1))
            }
        }
        var first = true
        for (r, cells) in units.enumerated() where !cells.isEmpty {
            var gridCells: [GridCell] = []
            gridCells.reserveCapacity(cells.count)
            for (c, cell) in cells.enumerated() {
                gridCells.append(
                    GridCell(
                        text: cellText(cell), at: .table(id, row: r, column: columns[r][c]),
                        column: columns[r][c]))
            }
            let text = gridCells.lazy.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
            // A section heading typed into the table's first row(s) (二、主动公开政府信息情况 spanning
            // the whole width) is a heading of the report, not a table row: emit it as prose.
            if first, gridCells.filter({ !$0.text.isEmpty }).count == 1, Self.isSectionHeading(text) {
                rows.append(
                    Row(
                        row: GridRow(
                            cells: [GridCell(text: text, at: .table(id, row: r, column: 0))], text: text,
                            at: .table(id, row: r, column: 0), startsParagraph: true),
                        origin: t, chrome: chromeStack.first ?? -1))
                continue
            }
            let row = GridRow(
                cells: gridCells, text: text, at: .table(id, row: r, column: 0),
                startsParagraph: first, table: id)
            rows.append(Row(row: row, origin: t, chrome: chromeStack.first ?? -1))
            first = false
        }
    }

    /// `二、主动公开政府信息情况`-like text: a numbered top-level heading naming a section.
    package static func isSectionHeading(_ text: String) -> Bool {
        let key = TextNormalizer.matchKey(text)
        guard key.count <= 40, let first = key.first, "一二三四五六".contains(first),
            key.dropFirst().first == "、" || key.dropFirst().first == "."
        else { return false }
        return ["主动公开", "申请情况", "行政复议", "行政诉讼", "总体情况", "主要问题", "其他需要报告"].contains { key.contains($0) }
    }

    /// A cell's text: inline runs concatenated, `<br>` and block boundaries as one space.
    private func cellText(_ cell: Int) -> String {
        var raw = ""
        var blockEnds: [Int] = []
        var k = cell + 1
        let end = tree.nodes[cell].end
        while k < end {
            while let e = blockEnds.last, k >= e {
                blockEnds.removeLast()
                raw.append(HTMLText.cellBreak)
            }
            let n = tree.nodes[k]
            switch n.kind {
            case .text:
                raw += n.text
                k += 1
            case .element:
                if n.hidden || Self.skipped.contains(n.name) { k = n.end; continue }
                if n.name == "br" {
                    raw.append(HTMLText.cellBreak)
                } else if Self.blocks.contains(n.name) {
                    raw.append(HTMLText.cellBreak)
                    blockEnds.append(n.end)
                }
                k += 1
            }
        }
        return HTMLText.clean(raw)
    }
}
