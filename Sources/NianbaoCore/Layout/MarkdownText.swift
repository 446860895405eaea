import Foundation

/// Markdown as PDF/HTML→markdown converters write it (pymupdf4llm, markitdown, html2text): pipe
/// tables become tab-separated rows (a blank cell stays a blank cell), `|---|` rules, `<br>` inside
/// cells, `&nbsp;`, `**bold**`, `#` headings and the `ColN` placeholders of header-less tables are
/// removed, so the text grid sees the table's cells and the outline sees plain headings.
/// Line numbers are kept (a removed line becomes a blank line).
enum MarkdownText {
    /// True when the text has a pipe-table rule line (`|---|---|`, `---|---`): plain reports do not.
    static func isMarkdown(_ text: String) -> Bool {
        guard text.includesByte(0x7C) else { return false }  // no `|` at all: the common case
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where isRule(line) { return true }
        return false
    }

    /// `|---|:---:|`, `---|---`: only dashes, colons, pipes and spaces, with a pipe and three dashes.
    static func isRule(_ line: Substring) -> Bool {
        var dashes = 0, pipes = 0
        for b in line.utf8 {
            switch b {
            case 0x2D: dashes += 1
            case 0x7C: pipes += 1
            case 0x3A, 0x20, 0x09, 0x0D: continue
            default: return false
            }
        }
        return pipes >= 1 && dashes >= 3
    }

    static func plain(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var first = true
        var merged = MarkdownMergedCells()
        // Whether the table's rows open with a pipe: its rule line does (`|---|---|`). html2text
        // writes neither (`---|---`), so a pipe that starts its row follows an empty first cell.
        var pipeOpens = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !first { out.append("\n") }
            first = false
            if isRule(line) {
                pipeOpens = String(line).trimmingMarkdownSpaces(" \t").hasPrefix("|")
                continue
            }
            var s = String(line)
            if s.hasSuffix("\r") { s.removeLast() }
            s = inline(s)
            if s.utf8.contains(0x7C) {
                var cells = s.split(separator: "|", omittingEmptySubsequences: false).map { cleanCell($0) }
                let trimmed = s.trimmingMarkdownSpaces(" \t")
                if trimmed.hasPrefix("|"), pipeOpens, !cells.isEmpty { cells.removeFirst() }
                // A closing pipe ends the row (`| a | b |`); html2text writes no opening pipe and
                // an empty last cell as a pipe followed by spaces (`a| 1|    `): a blank cell.
                let openEnded = !trimmed.hasPrefix("|") && (s.last == " " || s.last == "\t")
                if trimmed.hasSuffix("|"), !cells.isEmpty, !openEnded { cells.removeLast() }
                s = merged.collapse(cells).joined(separator: "\t")
            } else {
                merged = MarkdownMergedCells()
                pipeOpens = true
                s = isPageNumberBullet(s) ? "" : heading(s)
            }
            out.append(s)
        }
        return out
    }

    /// `- 2`: a page number `- 2 -` that a converter turned into a list item (pymupdf4llm). A
    /// markdown list item holding only a number of one to three digits is page furniture.
    static func isPageNumberBullet(_ s: String) -> Bool {
        var t = Substring(s.trimmingMarkdownSpaces(" \t"))
        guard t.hasPrefix("- ") else { return false }
        t = t.dropFirst(2)
        if t.hasSuffix(" -") { t = t.dropLast(2) }
        t = Substring(String(t).trimmingMarkdownSpaces(" \t"))
        return (1...3).contains(t.count) && t.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `<br>` joins the pieces of a wrapped cell; `&nbsp;` is a space; emphasis marks go.
    static func inline(_ s: String) -> String {
        guard s.contains("<") || s.contains("&") || s.contains("*") else { return s }
        var t = s
        for br in ["<br />", "<br/>", "<br>", "<BR>", "<BR/>"] { t = t.replacingOccurrences(of: br, with: "") }
        for (entity, ch) in [("&nbsp;", " "), ("&emsp;", " "), ("&ensp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">")] {
            t = t.replacingOccurrences(of: entity, with: ch)
        }
        t = t.replacingOccurrences(of: "**", with: "")
        return t
    }

    static func cleanCell(_ cell: Substring) -> String {
        let c = cell.trimmingMarkdownSpaces(" \t")
        // pymupdf4llm names the columns of a header-less table Col1, Col2 …
        if c.hasPrefix("Col"), c.count > 3, c.dropFirst(3).allSatisfy({ $0.isASCII && $0.isNumber }) { return "" }
        return c
    }

    /// `## 二、主动公开…` → `二、主动公开…`.
    static func heading(_ s: String) -> String {
        var t = Substring(s)
        while t.first == " " { t = t.dropFirst() }
        guard t.first == "#" else { return s }
        t = t.drop(while: { $0 == "#" })
        while t.first == " " { t = t.dropFirst() }
        return String(t)
    }
}

extension StringProtocol {
    fileprivate func trimmingMarkdownSpaces(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
