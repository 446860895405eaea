#if canImport(Glibc)
    import Glibc
#endif
import NianbaoCore
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
package struct HTMLReader: DocumentReader {
    package init() {}

    package func read(data: [UInt8], path: String) throws(ExtractError) -> SourceDocument {
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
        if decoded.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || TextNormalizer.isInvisible($0.value) }) {
            throw ExtractError(.empty, path: path, "the file is empty")
        }
        // A NUL ends the page for libxml2 wherever it is: refused like a NUL in a text file.
        if let line = Self.lineOfFirstNUL(decoded.text) { throw TextDecoder.nulError(path: path, line: line) }
        let tree: HTMLTree
        do {
            tree = try HTMLTree.parse(utf8: decoded.text, url: path)
        } catch {
            switch error {
            case .noDocument: throw ExtractError(.damaged, path: path, "libxml2 could not build a document from the HTML")
            // Out of memory is what a crash of the converter is (README, exit status 8), not a damaged page.
            case .outOfMemory: throw ExtractError(.crashed, path: path, "libxml2 ran out of memory building a document from the HTML")
            }
        }
        var flattener = HTMLFlattener(tree: tree)
        flattener.run(from: tree.body)
        let scoped = HTMLReportScope(tree: tree).narrow(flattener.rows)
        var rows = Self.renumberTables(scoped.rows.map(\.row))
        var diagnostics = decoded.diagnostics + flattener.diagnostics + scoped.diagnostics
        // Some pages print the report's title only in <title>: put it first, marked as such.
        let prose = rows.prefix(while: { $0.table == nil }).prefix(10)
        if !prose.contains(where: { HTMLReportScope.isTitle(TextNormalizer.matchKey($0.text)) }),
            let title = Self.reportTitle(fromDocumentTitle: tree.documentTitle)
        {
            rows.insert(GridRow(cells: [GridCell(text: title, at: .none)], text: title, at: .none, startsParagraph: true), at: 0)
            diagnostics.append(
                Diagnostic(
                    .note, .htmlTitleFromHead,
                    "the report title was taken from the page's <title>: \(title)"))
        }
        if let second = HTMLConcatenation.secondReport(decoded.text) {
            diagnostics.append(
                Diagnostic(
                    .warning, .multipleReports,
                    "a second HTML document holding a report title (\"\(second)\") follows the first one's </html>: the file seems to hold several reports; only the first is read"))
        }
        return SourceDocument(
            mediaType: "text/html", encoding: decoded.encoding, grid: Grid(rows: rows),
            diagnostics: diagnostics)
    }

    /// The line of the first NUL in the page, if any (memchr: a page can be 50 MB).
    static func lineOfFirstNUL(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            guard let base = bytes.baseAddress, let nul = memchr(base, 0, bytes.count) else { return nil }
            let offset = nul.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base)
            var line = 1
            for b in bytes[..<offset] where b == 0x0A { line += 1 }
            return line
        }
    }

    /// The part of a `<title>` like `某局2023年政府信息公开工作年度报告_政务公开_某市人民政府` that names the report.
    static func reportTitle(fromDocumentTitle title: String?) -> String? {
        guard let title else { return nil }
        let parts = title.split(whereSeparator: { "_|｜—–".contains($0) }).map { TextNormalizer.display($0) }
        let pieces = parts.flatMap { $0.components(separatedBy: " - ") }.map { TextNormalizer.display($0) }
        return pieces.first { HTMLReportScope.isTitle(TextNormalizer.matchKey($0)) }
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
