#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Text that carries HTML markup: pandoc and other HTML→markdown converters write a table they
/// cannot draw with pipes (merged cells) as raw HTML inside the markdown, and Word pages come
/// through with `<span style=…>` around every run of text. Read as plain text, the markup's
/// numbers were taken for values (`<td colspan="2">` gave a 2, and a wrong number).
///
/// Each `<tr>…</tr>` becomes one line of tab-separated cells (a cell holding only spaces or
/// `&nbsp;` stays a blank cell; `<br>` and line breaks inside a cell join its pieces), written on
/// the line where the row starts; the other lines of the table become blank, so line numbers
/// still point into the file. Outside tables, tags are removed and the text is kept (a pipe table
/// whose cells hold `<span>`s keeps its pipes for ``MarkdownText``).
enum EmbeddedHTMLText {
    /// True when the text holds HTML table rows (`<tr` and `<td` or `<th`, any case) or the
    /// inline markup of a Word page (`<span`, `<font`, `<div`, `<p`, `<strong`, `<o:p`).
    static func hasMarkup(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(hasMarkup) ?? Array(text.utf8).withUnsafeBufferPointer(hasMarkup)
    }

    /// ``hasMarkup(_:)-(String)`` on the UTF-8 bytes; each tag looked for from one `<` to the next
    /// (memchr), most texts have none.
    static func hasMarkup(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, memchr(base, 0x3C, bytes.count) != nil else { return false }
        if has(bytes, "<tr") && (has(bytes, "<td") || has(bytes, "<th")) { return true }
        return ["<span", "<font", "<div", "<p", "<strong", "<o:p"].contains { has(bytes, $0) }
    }

    /// `needle` starts with `<`.
    private static func has(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard bytes.count >= n.count, let base = bytes.baseAddress else { return false }
        var i = 0
        while i + n.count <= bytes.count {
            guard let hit = memchr(base + i, Int32(n[0]), bytes.count - i) else { return false }
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if i + n.count > bytes.count { return false }
            var k = 1
            while k < n.count && lower(bytes[i + k]) == n[k] { k += 1 }
            // the name ends there: `<tr>`, `<tr class=…>`, not `<track>`
            if k == n.count && (i + k == bytes.count || !isNameByte(bytes[i + k])) { return true }
            i += 1
        }
        return false
    }

    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
    private static func isNameByte(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) }

    static func plain(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var out = Array(repeating: "", count: lines.count)
        var rowLine: Int? = nil  // the line where the open row started
        var cells: [String] = []
        var cell: String? = nil  // the open cell's text
        var tag: String? = nil  // a tag still open at the end of a line (`<span` ⏎ `style=…>`)
        var tables = 0  // open <table> elements

        func closeCell() {
            if let c = cell { cells.append(collapse(decode(c))) }
            cell = nil
        }
        func closeRow() {
            closeCell()
            if let r = rowLine, cells.contains(where: { !$0.isEmpty }) { out[r] = cells.joined(separator: "\t") }
            rowLine = nil
            cells = []
        }
        func apply(_ raw: String, line: Int) {
            var name = Substring(raw.drop(while: { $0 == "<" || $0 == " " }))
            let closing = name.first == "/"
            if closing { name = name.dropFirst() }
            let tagName = String(name.prefix(while: { $0.isASCII && ($0.isLetter || $0.isNumber) })).lowercased()
            switch (tagName, closing) {
            case ("table", false): tables += 1
            case ("table", true):
                closeRow()
                tables = max(0, tables - 1)
            case ("tr", false):
                closeRow()
                rowLine = line
            case ("tr", true): closeRow()
            case ("td", false), ("th", false):
                if rowLine == nil { rowLine = line }
                closeCell()
                cell = ""
            case ("td", true), ("th", true): closeCell()
            default: break
            }
        }

        for (i, line) in lines.enumerated() {
            var s = Substring(line)
            if s.last == "\r" { s = s.dropLast() }
            var textOut = ""
            var k = s.startIndex
            // A cell's text continues across lines: a line break inside a cell joins its pieces.
            while k < s.endIndex {
                if var open = tag {
                    if let end = s[k...].firstIndex(of: ">") {
                        open += s[k..<end]
                        tag = nil
                        apply(open, line: i)
                        k = s.index(after: end)
                    } else {
                        tag = open + s[k...] + " "
                        k = s.endIndex
                    }
                    continue
                }
                guard let lt = s[k...].firstIndex(of: "<") else {
                    append(s[k...], cell: &cell, row: rowLine, text: &textOut)
                    break
                }
                append(s[k..<lt], cell: &cell, row: rowLine, text: &textOut)
                let next = s.index(after: lt)
                // `<` not opening a tag (a lone `<` in text) is text
                guard next < s.endIndex, s[next].isASCII, s[next].isLetter || s[next] == "/" || s[next] == "!" else {
                    append(s[lt..<next], cell: &cell, row: rowLine, text: &textOut)
                    k = next
                    continue
                }
                if let end = s[next...].firstIndex(of: ">") {
                    apply(String(s[next..<end]), line: i)
                    k = s.index(after: end)
                } else {
                    tag = String(s[next...]) + " "
                    k = s.endIndex
                }
            }
            if cell != nil {
                cell! += " "  // the line break inside the cell (collapse drops it between Chinese characters)
            } else if rowLine == nil, out[i].isEmpty, !textOut.isEmpty {
                out[i] = decode(textOut)
            }
        }
        closeRow()
        return out.joined(separator: "\n")
    }

    /// Text outside a tag: into the open cell, dropped between the cells of a row, else kept.
    private static func append(_ piece: Substring, cell: inout String?, row: Int?, text: inout String) {
        guard !piece.isEmpty else { return }
        if cell != nil {
            cell! += piece
        } else if row == nil {
            text += piece
        }
    }

    /// The character references converters write.
    static func decode(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var t = s
        for (entity, ch) in [("&nbsp;", " "), ("&#160;", " "), ("&emsp;", " "), ("&ensp;", " "), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            t = t.replacingOccurrences(of: entity, with: ch)
        }
        return t
    }

    /// A cell's pieces joined: runs of white space become one space, none at the ends, and none
    /// between two Chinese characters (a wrapped label).
    static func collapse(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in s.unicodeScalars {
            if u.properties.isWhitespace || u.value == 0xA0 {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace, let last = out.last, !(last.value >= 0x2E80 && u.value >= 0x2E80) { out.append(" ") }
            pendingSpace = false
            out.append(u)
        }
        return String(out)
    }
}
