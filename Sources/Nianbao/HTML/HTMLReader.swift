/// Reads an HTML report page into rows of cells.
///
/// - Encoding: BOM, then `<meta charset>` / `http-equiv` Content-Type, else UTF-8, else GB18030
///   (GB2312/GBK are read as GB18030). See ``HTMLDecoder``.
/// - Parsing: libxml2's HTML parser in recovery mode; its tree is copied into plain Swift values
///   and freed before anything else happens (``HTMLTree``). No walk recurses.
/// - Prose: one row per block element (`<p>`, `<div>`, `<h1>`…`<h6>`, `<li>` …) or `<br>`-separated
///   line, one cell, `startsParagraph` at each block start, `at: .line(n)` (source line) when known.
///   Inline runs (`<span>`, `<font>`, `<o:p>` …) are concatenated without spaces.
/// - Tables: each leaf `<table>` with a row of two or more cells is a data table. One row per `<tr>`,
///   each `<td>/<th>` once, in the row where it starts, with `column` = its starting column after
///   colspan/rowspan expansion and `at: .table(t, row: r, column: c)`. `<br>` and block boundaries
///   inside a cell become one space; a cell of only `&nbsp;`/whitespace has text "". The row text is
///   the non-empty cell texts joined by one space. Tables holding tables, and one-column tables, are
///   layout: their content flows as prose.
/// - Scope: `<script>`, `<style>`, `<nav>`, `<aside>`, hidden elements and page-level
///   `<header>`/`<footer>` are left out, and so is everything outside the smallest element holding
///   the report title (or 一、) and the last section heading or table (``HTMLReportScope``).
public struct HTMLReader: Sendable {
    public init() {}

    public func read(data: [UInt8], path: String) throws(ExtractError) -> SourceDocument {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }) {
            throw ExtractError(.empty, path: path, "the file is empty")
        }
        let decoded: HTMLDecoder.Decoded
        do {
            decoded = try HTMLDecoder().decode(data)
        } catch {
            switch error {
            case .undecodable(let why): throw ExtractError(.undecodable, path: path, why)
            }
        }
        if decoded.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{FEFF}" }) {
            throw ExtractError(.empty, path: path, "the file is empty")
        }
        let tree: HTMLTree
        do {
            tree = try HTMLTree.parse(utf8: decoded.text, url: path)
        } catch {
            throw ExtractError(.damaged, path: path, "libxml2 could not build a document from the HTML")
        }
        var flattener = HTMLFlattener(tree: tree)
        flattener.run(from: tree.body)
        let scoped = HTMLReportScope(tree: tree).narrow(flattener.rows)
        let rows = Self.renumberTables(scoped.rows.map(\.row))
        return SourceDocument(mediaType: "text/html", encoding: decoded.encoding, grid: Grid(rows: rows),
                              diagnostics: decoded.diagnostics + flattener.diagnostics + scoped.diagnostics)
    }

    /// Makes table indices consecutive from 0 over the tables that survived the scope step.
    static func renumberTables(_ rows: [GridRow]) -> [GridRow] {
        var map: [Int: Int] = [:]
        return rows.map { row in
            guard let old = row.table else { return row }
            let new: Int
            if let known = map[old] { new = known } else { new = map.count; map[old] = new }
            if new == old { return row }
            var row = row
            row.table = new
            if case .table(_, let r, let c) = row.at { row.at = .table(new, row: r, column: c) }
            for k in row.cells.indices {
                if case .table(_, let r, let c) = row.cells[k].at { row.cells[k].at = .table(new, row: r, column: c) }
            }
            return row
        }
    }
}
