import Foundation
import Nianbao
import NianbaoPDF

/// Writes the inspection page of one report: the document (page images or text) with every cell
/// marked, a side panel with the selected cell, the checks and the diagnostics, and the report's
/// data as JSON for the page's script. Every cell gets exactly one `.box` element: over its PDF
/// box, around its printed text, or as a chip where it has no place (a blank, an inferred value).
struct InspectHTML {
    enum Body {
        case pages([RenderedPage])
        case grid(Grid)
    }

    var report: Report
    var body: Body
    let links: CellLinks
    let labels: [String: Codebook.Entry]

    init(report: Report, body: Body) {
        self.report = report
        self.body = body
        self.links = CellLinks(report)
        self.labels = Dictionary(Codebook.entries.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func render() -> String {
        var placed = 0
        let document: String
        switch body {
        case .pages(let pages): (document, placed) = pagesHTML(pages)
        case .grid(let grid): (document, placed) = gridHTML(grid)
        }
        let title = report.title ?? report.agency ?? (report.source.path as NSString).lastPathComponent
        var s = """
            <!DOCTYPE html>
            <html lang="zh-Hans"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="nianbao \(esc(NianbaoVersion.string)) extract inspect">
            <title>\(esc(title)) · nianbao inspect</title>
            <style>\(InspectAssets.css)</style>
            </head><body>
            <div class="layout"><main class="doc" id="doc">
            """
        s += document
        s += "</main><aside class=\"side\" id=\"side\">"
        s += summaryHTML(placed: placed)
        s += "<section><h2>Selected</h2><div id=\"detail\" class=\"detail\"><p class=\"muted\">Hover over or click a marked value; click a check to highlight its cells.</p></div></section>"
        s += checksHTML()
        s += diagnosticsHTML()
        s += InspectAssets.legend
        s += "</aside></div>\n<script type=\"application/json\" id=\"nb-data\">"
        s += dataJSON()
        s += "</script>\n<script>\(InspectAssets.script)</script>\n</body></html>\n"
        return s
    }

    // MARK: - Cells

    /// Classes of a cell's box: its kind, and flags for digit runs split by the identities, OCR,
    /// membership of a failed check, and warnings on its row.
    func classes(_ i: Int) -> String {
        let cell = report.cells[i]
        var c = ["box", "k-\(cell.kind.rawValue)"]
        let codes = links.diagnosticsOfCell[i].map { report.diagnostics[$0] }
        if codes.contains(where: { $0.code.rawValue == "digits_split" }) { c.append("f-split") }
        if codes.contains(where: { $0.code.rawValue.hasPrefix("ocr") }) { c.append("f-ocr") }
        if links.checksOfCell[i].contains(where: { report.checks[$0].status == .fail }) { c.append("f-fail") }
        if codes.contains(where: { $0.severity != .note }) { c.append("f-warn") }
        return c.joined(separator: " ")
    }

    func title(_ i: Int) -> String {
        let cell = report.cells[i]
        let value = cell.value?.description ?? "null"
        return "\(cell.key) = \(value) (\(cell.kind.rawValue))"
    }

    func chip(_ i: Int) -> String {
        let cell = report.cells[i]
        let text = cell.kind == .inferred ? (cell.value.map { "⟨\($0)⟩" } ?? "⟨?⟩") : (cell.raw.map { $0.isEmpty ? "□" : $0 } ?? "∅")
        return "<span class=\"\(classes(i)) chip\" data-i=\"\(i)\" tabindex=\"0\" title=\"\(esc(title(i)))\">\(esc(text))</span>"
    }

    // MARK: - PDF pages

    func pagesHTML(_ pages: [RenderedPage]) -> (String, Int) {
        var s = ""
        var onPage: [Int: [Int]] = [:]
        var unplaced: [Int] = []
        for (i, cell) in report.cells.enumerated() {
            if case .page(let p, _) = cell.at, pages.indices.contains(p - 1), pages[p - 1].width > 0 {
                onPage[p, default: []].append(i)
            } else {
                unplaced.append(i)
            }
        }
        var placed = 0
        for page in pages {
            s += "<section class=\"page\" id=\"page-\(page.number)\" data-page=\"\(page.number)\""
            if page.width > 0 { s += " style=\"aspect-ratio: \(fmt(page.width)) / \(fmt(page.height))\"" }
            s += "><div class=\"pno\">page \(page.number)</div>"
            if page.png.isEmpty {
                s += "<p class=\"muted\">page \(page.number) could not be drawn</p>"
            } else {
                s += "<img alt=\"page \(page.number)\" src=\"data:image/png;base64,\(Data(page.png).base64EncodedString())\">"
            }
            for i in onPage[page.number] ?? [] {
                guard case .page(_, let b) = report.cells[i].at else { continue }
                let left = b.x0 / page.width * 100, top = b.y0 / page.height * 100
                let width = (b.x1 - b.x0) / page.width * 100, height = (b.y1 - b.y0) / page.height * 100
                s += "<div class=\"\(classes(i)) pbox\" data-i=\"\(i)\" tabindex=\"0\" title=\"\(esc(title(i)))\" "
                s += "style=\"left:\(pct(left));top:\(pct(top));width:\(pct(width));height:\(pct(height))\"></div>"
                placed += 1
            }
            s += "</section>\n"
        }
        s += unplacedHTML(unplaced)
        return (s, placed)
    }

    // MARK: - Text and HTML grids

    func gridHTML(_ grid: Grid) -> (String, Int) {
        // Table cells are found by their exact location; the rest by the text of their row.
        var cellAt: [Location: [Int]] = [:]
        for (i, cell) in report.cells.enumerated() { cellAt[cell.at, default: []].append(i) }
        var tableCellTaken: Set<Int> = []
        var tdCells: [Location: [Int]] = [:]
        for row in grid.rows where row.table != nil {
            for gc in row.cells {
                if let members = cellAt[gc.at], tdCells[gc.at] == nil {
                    let printed = members.filter { report.cells[$0].kind != .inferred }
                    tdCells[gc.at] = printed
                    tableCellTaken.formUnion(printed)
                }
            }
        }
        // Rows of text by location, for the cells not in a table cell.
        var textRows: [Location: [Int]] = [:]
        for (r, row) in grid.rows.enumerated() where row.table == nil { textRows[row.at, default: []].append(r) }
        var rowSpans: [Int: [TextPlacement.Span]] = [:]
        var rowChips: [Int: [Int]] = [:]
        var unplaced: [Int] = []
        var byLocation: [Location: [Int]] = [:]
        var order: [Location] = []
        for (i, cell) in report.cells.enumerated() where !tableCellTaken.contains(i) {
            if byLocation[cell.at] == nil { order.append(cell.at) }
            byLocation[cell.at, default: []].append(i)
        }
        for at in order {
            let members = byLocation[at]!
            guard let rows = textRows[at] else { unplaced += members; continue }
            let values = members.filter { report.cells[$0].kind != .inferred }.map { (cell: $0, raw: report.cells[$0].raw ?? "") }
            let result = TextPlacement.place(values, in: rows.map { grid.rows[$0].text })
            for (k, spans) in result.spans.enumerated() where !spans.isEmpty { rowSpans[rows[k]] = spans }
            let chips = result.unplaced + members.filter { report.cells[$0].kind == .inferred }
            rowChips[rows.last!, default: []] += chips.sorted()
        }
        var placed = 0
        var s = "<section class=\"text\">"
        var openTable: Int? = nil
        for (r, row) in grid.rows.enumerated() {
            if row.table != openTable {
                if openTable != nil { s += "</table>" }
                if let t = row.table { s += "<table class=\"grid\" data-table=\"\(t)\">" }
                openTable = row.table
            }
            if row.table != nil {
                s += "<tr data-row=\"\(esc(locationText(row.at)))\">"
                var column = 0
                for gc in row.cells {
                    if let c = gc.column, c > column { s += String(repeating: "<td class=\"gap\"></td>", count: min(c - column, 64)); column = c }
                    column += 1
                    let members = tdCells[gc.at] ?? []
                    if members.count == 1, let i = members.first {
                        let text = gc.text.isEmpty ? "&nbsp;" : esc(gc.text)
                        s += "<td class=\"\(classes(i)) tdbox\" data-i=\"\(i)\" tabindex=\"0\" title=\"\(esc(title(i)))\">\(text)</td>"
                        placed += 1
                    } else if members.count > 1 {
                        let result = TextPlacement.place(members.map { (cell: $0, raw: report.cells[$0].raw ?? "") }, in: [gc.text])
                        placed += result.spans[0].count
                        s += "<td>" + marked(gc.text, result.spans[0]) + result.unplaced.map(chip).joined() + "</td>"
                    } else {
                        s += "<td>\(esc(gc.text))</td>"
                    }
                }
                s += "</tr>"
            } else {
                let spans = rowSpans[r] ?? []
                placed += spans.count
                s += "<div class=\"line\" data-at=\"\(esc(locationText(row.at)))\"><span class=\"ln\">\(esc(lineLabel(row.at)))</span>"
                s += "<span class=\"tx\">" + marked(row.text, spans) + (rowChips[r] ?? []).map(chip).joined() + "</span></div>"
            }
        }
        if openTable != nil { s += "</table>" }
        s += "</section>"
        s += unplacedHTML(unplaced)
        return (s, placed)
    }

    /// `text` with the spans wrapped as boxes.
    func marked(_ text: String, _ spans: [TextPlacement.Span]) -> String {
        var s = ""
        var at = text.startIndex
        for span in spans.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where span.range.lowerBound >= at {
            s += esc(String(text[at..<span.range.lowerBound]))
            s += "<span class=\"\(classes(span.cell)) tbox\" data-i=\"\(span.cell)\" tabindex=\"0\" title=\"\(esc(title(span.cell)))\">"
            s += esc(String(text[span.range])) + "</span>"
            at = span.range.upperBound
        }
        return s + esc(String(text[at...]))
    }

    func unplacedHTML(_ cells: [Int]) -> String {
        guard !cells.isEmpty else { return "" }
        return "<section class=\"unplaced\"><h3>Values with no place in the document (\(cells.count))</h3>"
            + "<p class=\"muted\">Inferred values, blanks, and values whose printed text or box could not be shown.</p>"
            + cells.map(chip).joined(separator: " ") + "</section>"
    }

    // MARK: - Side panel

    func summaryHTML(placed: Int) -> String {
        let fails = report.checks.filter { $0.status == .fail }.count
        let passes = report.checks.filter { $0.status == .pass }.count
        let na = report.checks.count - fails - passes
        var s = "<section><h1>\(esc(report.title ?? "(no title)"))</h1><dl class=\"facts\">"
        s += "<dt>agency</dt><dd>\(esc(report.agency ?? "—"))</dd><dt>year</dt><dd>\(report.year.map(String.init) ?? "—")</dd>"
        s += "<dt>generation</dt><dd>\(esc(report.generation.rawValue))</dd>"
        s += "<dt>source</dt><dd class=\"path\">\(esc(report.source.path))</dd>"
        s += "<dt>type</dt><dd>\(esc(report.source.mediaType))\(report.source.pages.map { ", \($0) pages" } ?? "")</dd>"
        s += "<dt>cells</dt><dd><span id=\"n-cells\">\(report.cells.count)</span> (\(placed) marked in the document)</dd>"
        s += "<dt>checks</dt><dd>\(fails) fail, \(passes) pass, \(na) not assessable</dd></dl></section>"
        return s
    }

    func checkItem(_ k: Int) -> String {
        let c = report.checks[k]
        let sides = "\(c.lhs?.description ?? "?") vs \(c.rhs?.description ?? "?")"
        return "<li class=\"chk s-\(c.status.rawValue)\" data-k=\"\(k)\" data-id=\"\(esc(c.id))\" tabindex=\"0\">"
            + "<b>\(esc(c.id))</b> <span class=\"st\">\(c.status.rawValue)</span> <span class=\"muted\">\(esc(sides))</span></li>"
    }

    func checksHTML() -> String {
        let failed = report.checks.indices.filter { report.checks[$0].status == .fail }
        let others = report.checks.indices.filter { report.checks[$0].status != .fail }
        var s = "<section><h2>Failed checks (\(failed.count))</h2>"
        s += failed.isEmpty ? "<p class=\"muted\">none</p>" : "<ul class=\"checks\" id=\"failed\">" + failed.map(checkItem).joined() + "</ul>"
        s += "<details><summary>Other checks (\(others.count))</summary><ul class=\"checks\">" + others.map(checkItem).joined() + "</ul></details></section>"
        return s
    }

    func diagnosticsHTML() -> String {
        var s = "<section><h2>Diagnostics (\(report.diagnostics.count))</h2><ul class=\"diags\">"
        for (d, diag) in report.diagnostics.enumerated() {
            s += "<li class=\"diag sev-\(diag.severity.rawValue)\" data-d=\"\(d)\" tabindex=\"0\"><b>\(esc(diag.code.rawValue))</b> "
            s += "<span class=\"muted\">\(esc(locationText(diag.at)))</span><br>\(esc(diag.message))</li>"
        }
        return s + "</ul></section>"
    }

    // MARK: - Data for the script

    func dataJSON() -> String {
        func str(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        let cells: [JSONValue] = report.cells.enumerated().map { i, cell in
            let entry = labels[cell.key]
            return .fields([
                ("key", .string(cell.key)),
                ("label", str(entry?.label)),
                ("table", str(entry?.tableLabel)),
                ("value", cell.value.map(JSONValue.number) ?? .null),
                ("raw", str(cell.raw)),
                ("kind", .string(cell.kind.rawValue)),
                ("at", .string(locationText(cell.at))),
                ("diags", .array(links.diagnosticsOfCell[i].map { .int($0) })),
                ("checks", .array(links.checksOfCell[i].map { .int($0) })),
            ])
        }
        let checks: [JSONValue] = report.checks.enumerated().map { k, c in
            .fields([
                ("id", .string(c.id)), ("status", .string(c.status.rawValue)),
                ("lhs", c.lhs.map(JSONValue.number) ?? .null), ("rhs", c.rhs.map(JSONValue.number) ?? .null),
                ("keys", .array(c.keys.map(JSONValue.string))), ("previous", str(c.previous)),
                ("rule", .string(Self.rule(of: c.id))),
                ("cells", .array(links.cellsOfCheck[k].map { .int($0) })),
            ])
        }
        let diags: [JSONValue] = report.diagnostics.enumerated().map { d, diag in
            .fields([
                ("severity", .string(diag.severity.rawValue)), ("code", .string(diag.code.rawValue)),
                ("message", .string(diag.message)), ("at", .string(locationText(diag.at))),
                ("cells", .array(links.cellsOfDiagnostic[d].map { .int($0) })),
            ])
        }
        let data = JSONValue.fields([("cells", .array(cells)), ("checks", .array(checks)), ("diags", .array(diags))])
        // `<` appears only inside strings: escaping it keeps `</script>` out of the element.
        return String(decoding: data.serialized(pretty: false), as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }

    /// The identity a check id tests, in the words of the format.
    static func rule(of id: String) -> String {
        switch id.split(separator: ".").first ?? "" {
        case "I1": return "I1 (Table 三, each column): 一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理"
        case "I2": return "I2 (Table 三, each column): （七）总计 = （一）+（二）+ Σ（三）+ Σ（四）+ Σ（五）+ Σ（六）"
        case "I3": return "I3 (Table 三, each row): 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他"
        case "I4": return "I4 (Table 四, each block): 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计"
        case "I5": return "I5 (cross-year): 二、上年结转 this year = 四、结转下年度继续办理 of the previous year"
        case "I6": return "I6 (cross-year, soft): 现行有效件数 = last year's 现行有效件数 + 本年制发件数 − 本年废止件数"
        default: return ""
        }
    }

    // MARK: - Formatting

    func locationText(_ at: Location) -> String {
        switch at {
        case .line(let n): return "line \(n)"
        case .page(let p, let b): return "page \(p) [\(fmt(b.x0)), \(fmt(b.y0)), \(fmt(b.x1)), \(fmt(b.y1))]"
        case .table(let t, let row, let column): return "table \(t) row \(row) column \(column)"
        default: return "—"
        }
    }

    func lineLabel(_ at: Location) -> String {
        switch at {
        case .line(let n): return "\(n)"
        case .table(let t, let row, _): return "t\(t):\(row)"
        default: return ""
        }
    }

    func fmt(_ x: Double) -> String { String(format: "%.1f", x) }
    func pct(_ x: Double) -> String { String(format: "%.3f%%", x) }
}

/// Escapes text for HTML element content and attribute values.
func esc(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}
