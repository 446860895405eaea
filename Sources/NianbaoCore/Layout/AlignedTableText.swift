#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tables that text converters draw with characters (pandoc's plain text, reStructuredText,
/// emacs `table.el`): a table whose columns are given by a rule line rather than by separators.
///
/// - Grid tables: borders `+------+-----+`, rows `| a    | 1   |`; a row may take several lines
///   (a wrapped label: `| 行政 |` ⏎ `| 事业性收费 |`), its pieces are joined per column.
/// - Simple and multiline tables: a rule of dash runs `------ ------ ----` gives the columns; a
///   row's text starts in its column (blank cells are only spaces, so only the column positions say
///   which cells are blank).
///
/// - Box-drawn tables (w3m, links): borders of `┌─┬─┐ ├─┼─┤` and rows `│a │1 │`; the `│` of a
///   row's first line separate its cells (a cell spanning rows leaves `│     ├──` borders).
///
/// Each row becomes one line of tab-separated cells, blank cells kept, written on the row's first
/// line; the other lines of the table become blank, so line numbers still point into the file.
/// Read as plain text, such a table lost its blank cells (values moved left) and its wrapped
/// labels took the values of the row below: wrong numbers.
enum AlignedTableText {
    /// True when some line is a grid border or a dash rule with at least two columns.
    static func hasTables(_ text: String) -> Bool {
        // box borders need a horizontal stroke (`─`, `═`, `━`); most texts have none
        if hasStroke(text), text.split(separator: "\n", omittingEmptySubsequences: true).contains(where: isBoxBorder) { return true }
        guard text.includesByte(0x2D) else { return false }
        // Only the lines whose first non-space byte is + or - (``candidates(_:)``) become Substrings.
        let utf8 = text.utf8
        let lines = utf8.withContiguousStorageIfAvailable(candidates) ?? Array(utf8).withUnsafeBufferPointer(candidates)
        for (from, to) in lines {
            let line = text[utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: to)]
            if Self.columns(ofBorder: line) != nil || Self.columns(ofRule: line) != nil { return true }
        }
        return false
    }

    /// The lines of `split(separator: "\n")`, found on the bytes (the Character split walked
    /// every grapheme of the text): a \n is a Character of its own except in \r\n, which is no
    /// separator; only lines whose first non-space byte is + or - are kept, as byte ranges.
    static func candidates(_ b: UnsafeBufferPointer<UInt8>) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        guard let base = b.baseAddress else { return out }
        let n = b.count
        var start = 0
        var from = 0  // where to look for the next \n
        while true {
            var i = n
            if let hit = memchr(base + from, 0x0A, n - from) {
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if i > 0 && b[i - 1] == 0x0D {
                    from = i + 1
                    continue
                }
            }
            var k = start
            while k < i, b[k] == 0x20 { k += 1 }
            if k < i, b[k] == 0x2B || b[k] == 0x2D { out.append((start, i)) }
            if i == n { return out }
            start = i + 1
            from = start
        }
    }

    /// Whether ``hasTables(_:)`` can be true of the text of these valid UTF-8 bytes: a stroke, or a
    /// candidate line that is a border or a rule (each such line made a String of its own). False
    /// proves the text has no drawn table, without a String of the whole text.
    static func mayHaveTables(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        if hasStroke(b) { return true }
        // A border holds a `+` (three at least), a rule two dashes in a row (two runs of two at
        // least): a text with neither has no line that is one. Most reports have neither (their
        // dashes are page numbers, `-1-`), and their lines are not looked at.
        guard String.holdsByte(b, 0x2B) || ("--" as StaticString).withUTF8Buffer({ String.includes(b, $0) }) else { return false }
        for (from, to) in candidates(b) {
            let line = Substring(String(decoding: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self))
            if Self.columns(ofBorder: line) != nil || Self.columns(ofRule: line) != nil { return true }
        }
        return false
    }

    /// Whether the text holds a horizontal stroke `─` (E2 94 80), `━` (E2 94 81) or `═` (E2 95 90):
    /// one pass over the E2 lead bytes (memchr).
    static func hasStroke(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(hasStroke) ?? Array(text.utf8).withUnsafeBufferPointer(hasStroke)
    }

    /// ``hasStroke(_:)-(String)`` on the UTF-8 bytes.
    static func hasStroke(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return false }
        let n = b.count
        var i = 0
        while i + 2 < n, let hit = memchr(base + i, 0xE2, n - i - 2) {
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            let b1 = b[i + 1], b2 = b[i + 2]
            if (b1 == 0x94 && (b2 == 0x80 || b2 == 0x81)) || (b1 == 0x95 && b2 == 0x90) { return true }
            i += 1
        }
        return false
    }

    /// Display columns [start, end) of each cell of a grid border `+---+---+`.
    static func columns(ofBorder line: Substring) -> [Range<Int>]? {
        let s = line.trimmingTrailingSpaces()
        var plus: [Int] = []
        var col = 0
        var started = false
        for ch in s.unicodeScalars {
            switch ch {
            case " " where !started: col += 1; continue
            case "+": plus.append(col)
            case "-", "=", ":": break
            default: return nil
            }
            started = true
            col += 1
        }
        guard plus.count >= 3, s.unicodeScalars.first(where: { $0 != " " }) == "+", s.unicodeScalars.last == "+" else { return nil }
        return (1..<plus.count).map { plus[$0 - 1] + 1..<plus[$0] }
    }

    /// Display columns of the dash runs of a rule `----- ---- -----` (at least two runs of at least
    /// two dashes, single spaces between them allowed to be wider).
    static func columns(ofRule line: Substring) -> [Range<Int>]? {
        var runs: [Range<Int>] = []
        var col = 0
        var start: Int? = nil
        for ch in line.unicodeScalars {
            switch ch {
            case "-":
                if start == nil { start = col }
            case " ", "\r":
                if let s = start { runs.append(s..<col); start = nil }
            default: return nil
            }
            col += 1
        }
        if let s = start { runs.append(s..<col) }
        guard runs.count >= 2, runs.allSatisfy({ $0.count >= 2 }) else { return nil }
        return runs
    }

    static func plain(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        while i < lines.count {
            let line = Substring(lines[i])
            if Self.isBoxBorder(line) {
                i = boxTable(&lines, from: i)
            } else if let columns = Self.columns(ofBorder: line) {
                i = gridTable(&lines, from: i, columns: columns)
            } else if let columns = Self.columns(ofRule: line) {
                i = ruledTable(&lines, from: i, columns: columns)
            } else {
                i += 1
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A grid table from its top border at `top`: returns the line after it.
    private static func gridTable(_ lines: inout [String], from top: Int, columns: [Range<Int>]) -> Int {
        var k = top + 1
        var block: [Int] = []
        var rows: [(first: Int, lines: [Int])] = []
        lines[top] = ""
        while k < lines.count {
            let t = Substring(lines[k]).trimmingTrailingSpaces()
            if Self.columns(ofBorder: Substring(lines[k])) != nil {
                if !block.isEmpty { rows.append((block[0], block)) }
                block = []
                lines[k] = ""
                k += 1
                continue
            }
            guard t.drop(while: { $0 == " " }).first == "|" else { break }
            block.append(k)
            k += 1
        }
        if !block.isEmpty { rows.append((block[0], block)) }
        for row in rows {
            let cells = cells(of: row.lines.map { lines[$0] }, columns: columns)
            for l in row.lines { lines[l] = "" }
            lines[row.first] = cells.joined(separator: "\t")
        }
        return k
    }

    /// A line of box-drawing characters and spaces only, with a horizontal stroke: a border.
    static func isBoxBorder(_ line: Substring) -> Bool {
        var stroke = false
        for u in line.unicodeScalars {
            if u == " " || u == "\r" { continue }
            guard (0x2500...0x257F).contains(u.value) else { return false }
            if u == "─" || u == "═" || u == "━" { stroke = true }
        }
        return stroke
    }

    /// A row line whose last cell is a horizontal border (`…├──────┤`).
    private static func endsWithBorder(_ line: String) -> Bool {
        var tail = line.unicodeScalars.reversed().drop { $0 == " " || $0 == "\r" }
        guard let last = tail.first, last == "┤" || last == "╢" || last == "┨" else { return false }
        tail = tail.dropFirst()
        return tail.first == "─" || tail.first == "═" || tail.first == "━"
    }

    private static func isBoxRow(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first(where: { $0 != " " }) else { return false }
        return first == "│" || first == "║" || first == "┃"
    }

    /// A box-drawn table from its top border at `top`: returns the line after it.
    private static func boxTable(_ lines: inout [String], from top: Int) -> Int {
        var k = top
        var block: [Int] = []
        var carry = ""  // text of a cell spanning rows, printed on a border line of the other cells
        func emit() {
            guard let first = block.first else { return }
            // the display columns of the first line's vertical strokes separate the cells
            var bars: [Int] = []
            var col = 0
            for u in lines[first].unicodeScalars {
                if u == "│" || u == "║" || u == "┃" { bars.append(col) }
                col += u.displayWidth
            }
            guard bars.count >= 2 else { return }
            let columns = (1..<bars.count).map { bars[$0 - 1] + 1..<bars[$0] }
            var text = cells(of: block.map { lines[$0] }, columns: columns)
            if !carry.isEmpty { text[0] = EmbeddedHTMLText.collapse(carry + " " + text[0]) }
            carry = ""
            for l in block { lines[l] = "" }
            lines[first] = text.joined(separator: "\t")
            block = []
        }
        while k < lines.count {
            if isBoxBorder(Substring(lines[k])) {
                emit()
                lines[k] = ""
            } else if isBoxRow(lines[k]), endsWithBorder(lines[k]) {
                // `│（三）不予公开├────┼────┤`: the last cells' border, with a spanning cell's
                // text; the text goes with the next row (as the first row of a rowspan holds it).
                emit()
                carry = EmbeddedHTMLText.collapse(String(String.UnicodeScalarView(lines[k].unicodeScalars.filter { !(0x2500...0x257F).contains($0.value) })))
                lines[k] = ""
            } else if isBoxRow(lines[k]) {
                block.append(k)
            } else {
                break
            }
            k += 1
        }
        emit()
        return k
    }

    /// A simple or multiline table from the rule at `start`: rows up to the closing rule with the
    /// same columns, or up to a blank line when there is none (the header line above the rule is a row).
    private static func ruledTable(_ lines: inout [String], from start: Int, columns: [Range<Int>]) -> Int {
        var end: Int? = nil
        var k = start + 1
        while k < lines.count && k <= start + 2000 {
            if let c = Self.columns(ofRule: Substring(lines[k])), c == columns { end = k; break }
            k += 1
        }
        var first = start + 1
        var last: Int
        if let end {
            last = end
        } else {
            // a simple table: header line above the rule, rows down to a blank line
            if start > 0, !lines[start - 1].allSatisfy({ $0 == " " }) { first = start - 1 }
            last = start + 1
            while last < lines.count && !isBlank(lines[last]) { last += 1 }
        }
        let body = Array(first..<last).filter { $0 != start }
        // Multiline tables separate rows by blank lines; otherwise each line is a row.
        let blankInside = body.contains { isBlank(lines[$0]) }
        var rows: [[Int]] = []
        var group: [Int] = []
        for l in body {
            // a rule inside (multiline tables rule off their header) or a blank line ends a row
            let rule = Self.columns(ofRule: Substring(lines[l])) != nil
            if rule || isBlank(lines[l]) {
                if rule { lines[l] = "" }
                if !group.isEmpty { rows.append(group) }
                group = []
                continue
            }
            group.append(l)
            if !blankInside { rows.append(group); group = [] }
        }
        if !group.isEmpty { rows.append(group) }
        lines[start] = ""
        if let end { lines[end] = "" }
        for row in rows {
            let cells = cells(of: row.map { lines[$0] }, columns: columns)
            for l in row { lines[l] = "" }
            lines[row[0]] = cells.joined(separator: "\t")
        }
        return (end ?? last) + 1
    }

    /// Only spaces (and the \r of a CRLF line).
    private static func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == " " || $0 == "\r" } }

    /// The text of each column over a row's lines: a character belongs to the column its display
    /// position falls in (or the last column starting before it); pieces on several lines are joined.
    private static func cells(of rowLines: [String], columns: [Range<Int>]) -> [String] {
        var cells = Array(repeating: "", count: columns.count)
        for line in rowLines {
            var pieces = Array(repeating: String.UnicodeScalarView(), count: columns.count)
            var col = 0
            for u in line.unicodeScalars {
                let width = u.displayWidth
                defer { col += width }
                if u == "|", columns.contains(where: { $0.lowerBound == col + 1 || $0.upperBound == col }) { continue }
                if (0x2500...0x257F).contains(u.value) { continue }  // box drawing is never a cell's text
                var c = columns.lastIndex { $0.lowerBound <= col } ?? 0
                if c + 1 < columns.count, col >= columns[c].upperBound, col + width > columns[c + 1].lowerBound { c += 1 }
                pieces[c].append(u)
            }
            for c in columns.indices {
                let piece = EmbeddedHTMLText.collapse(String(pieces[c]))
                guard !piece.isEmpty else { continue }
                cells[c] = EmbeddedHTMLText.collapse(cells[c] + " " + piece)
            }
        }
        return cells
    }
}

extension Unicode.Scalar {
    /// Columns a character takes in a fixed-width rendering: East Asian wide and full-width forms
    /// take two (as pandoc and terminals count them).
    fileprivate var displayWidth: Int { TextGridBuilder.isWide(value) ? 2 : 1 }
}

extension Substring {
    fileprivate func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let l = s.last, l == " " || l == "\r" || l == "\t" { s = s.dropLast() }
        return s
    }
}
