import Foundation

/// Turns decoded text into grid rows: one row per line, cells split on tabs, ideographic spaces
/// and runs of two or more spaces (how extracted tables look in text), with paragraph starts
/// taken from blank lines and indents.
package struct TextGridBuilder: Sendable {
    /// The text is ``MarkdownText/plain(_:)``'s or ``AlignedTableText/plain(_:)``'s: a table
    /// row's cells joined by tabs, so a tab-separated line that starts with tabs starts with blank
    /// cells (`| | | 0| 6|` is two blank cells, 0, 6), one per tab, where other text's leading tabs
    /// are an indent.
    package var pipeRows = false

    package init(pipeRows: Bool = false) { self.pipeRows = pipeRows }

    package func build(_ text: String) -> Grid {
        if let built = text.utf8.withContiguousStorageIfAvailable(build) { return built }
        return Array(text.utf8).withUnsafeBufferPointer(build)
    }

    /// ``build(_:)-(String)`` on valid UTF-8 bytes: lines found by the row reader as it reads them
    /// (no search for each line's end before it), scalars decoded in place, cell text made from
    /// byte ranges (no String index validation per scalar).
    package func build(_ b: UnsafeBufferPointer<UInt8>) -> Grid {
        var rows: [GridRow] = []
        rows.reserveCapacity(128)
        let blankMarks = Self.marksBlankCells(b)
        var scratch = Scratch()
        var lineNumber = 0
        var blankBefore = true
        let n = b.count
        var start = 0
        while start < n {
            lineNumber += 1
            // The end of the line (\n, \r\n or \r): its first \n or \r, where the row reader stops.
            var i = start
            var row: GridRow? = nil
            // An empty line is blank: no call to read it.
            if b[start] != 0x0A && b[start] != 0x0D {
                row = Self.row(
                    UnsafeBufferPointer(rebasing: b[start..<n]), number: lineNumber, blankBefore: blankBefore, blankMarks: blankMarks, leadingTabCells: pipeRows,
                    scratch: &scratch)
                i = start + scratch.lineEnd
            }
            if let row {
                rows.append(row)
                blankBefore = false
            } else {
                blankBefore = true
            }
            if i < n { i += (b[i] == 0x0D && i + 1 < n && b[i + 1] == 0x0A) ? 2 : 1 }
            start = i
        }
        return Grid(rows: rows)
    }

    /// East Asian wide and full-width characters take two display columns in aligned text.
    @inline(__always)
    static func isWide(_ v: UInt32) -> Bool {
        (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0x303E) || (v >= 0x3041 && v <= 0x33FF)
            || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0xA000 && v <= 0xA4CF)
            || (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F)
            || (v >= 0xFF00 && v <= 0xFF60) || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x20000 && v <= 0x3FFFD)
    }

    /// The longest run of blank cells kept from consecutive tabs: wider than any table (Table 三 has
    /// at most 3 label and 8 value columns), so a longer run places values exactly as the full run
    /// would, and a hostile row of 100,000 tabs costs what its length costs, not quadratic time.
    static let maxBlankRun = 16

    /// The most cells a row of several starts with (``Scratch/widest``): more than a table row has
    /// (Table 三: 3 label and 8 value columns), so a hostile row of thousands of cells does not make
    /// every later row reserve as many.
    static let widestReserved = 32

    /// How many no-break spaces touching a digit (`82135\u{A0}\u{A0}21859`) make a document's
    /// no-break spaces the blank cells of its tables (see ``marksBlankCells(_:)``).
    static let blankMarkEvidence = 3

    /// Whether the document's no-break spaces stand for blank table cells: text an HTML page gave
    /// with its tags dropped (lxml `text_content()`, BeautifulSoup `get_text()`), where every empty
    /// cell was `&nbsp;` and the other cells ran together. Then a no-break space touching a digit
    /// occurs again and again; in ordinary text it is rare (indentation, a space between words).
    static func marksBlankCells(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return false }
        var found = 0
        var i = 0
        let n = b.count
        // 0xC2 leads only the scalars U+0080–U+00BF: rare in Chinese text, found with memchr.
        while i + 1 < n, let hit = memchr(base + i, 0xC2, n - i - 1) {
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if b[i + 1] == 0xA0 {
                let before = i > 0 && b[i - 1] >= 0x30 && b[i - 1] <= 0x39
                let after = i + 2 < n && b[i + 2] >= 0x30 && b[i + 2] <= 0x39
                if before || after {
                    found += 1
                    if found >= blankMarkEvidence { return true }
                }
            }
            i += 1
        }
        return false
    }

    /// Sentence punctuation a paragraph's indentation follows in text run together on one line.
    @inline(__always)
    static func endsSentence(_ v: UInt32) -> Bool {
        v == 0x3002 || v == 0xFF1B || v == 0xFF1A || v == 0xFF0C || v == 0xFF01 || v == 0xFF1F || v == 0x3001
    }

    /// What ``row(_:number:blankBefore:blankMarks:leadingTabCells:scratch:)`` carries from line to
    /// line: the capacity a row of several cells starts with, and the bytes of a spilled field.
    struct Scratch {
        /// The most cells of a row so far (at least four, at most ``TextGridBuilder/widestReserved``).
        /// A report's tables are its widest rows, and their rows come in runs between one-cell rows
        /// (headings, notes): a capacity taken from the row before was four at the first row of a
        /// run, and its array grew (allocated and copied again) at 8 and 16 cells.
        var widest = 4
        /// The bytes of a spilled field (``Field/spill(_:into:)``), kept from row to row (few fields
        /// spill): an array of the field's own was made and released at every row.
        var bytes: [UInt8] = []
        /// Where the line the last row was read from ends: at its first \n or \r, or at the end of
        /// the bytes.
        var lineEnd = 0
    }

    /// The field ``row(_:number:blankBefore:blankMarks:leadingTabCells:scratch:)`` is reading, up
    /// to its ``flush(_:bytes:into:at:capacity:)`` into a cell. Its own value with mutating methods, not variables
    /// captured by nested functions: those were checked for exclusive access at run time at every
    /// use (`swift_beginAccess`, some 30K instructions per report).
    ///
    /// The field is usually a run of the line as it stands (scalars and single plain spaces): then
    /// it is the bytes `from..<to` of the line, and its bytes (``Scratch/bytes``) are only built
    /// (`spilled`) once something in between is left out or replaced.
    struct Field {
        var count = 0  // scalars in the field
        var spilled = false
        var from = 0
        var to = 0
        /// Display columns of the field's first scalar and after its last.
        var start = 0
        var end = 0
        var isNumber = true
        /// No scalar in the field that display normalization changes or looks at twice (controls,
        /// C1 and NBSP, radicals; spaces and invisibles never enter a field, and its spaces are
        /// single and inside): then the text is its display form as it stands.
        var plain = true
        var marks = false  // the field holds blank marks (kept no-break spaces)

        /// Copies the run `from..<to` into `bytes`, to go on byte by byte.
        @inline(__always)
        mutating func spill(_ line: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) {
            if !spilled {
                bytes.removeAll(keepingCapacity: true)
                if count != 0 { bytes.append(contentsOf: line[from..<to]) }
                spilled = true
            }
        }

        /// Appends the field (if any) to `cells` as a cell in display form (its `bytes` if spilled),
        /// reserving `capacity` cells for the row's first; starts a new field.
        mutating func flush(_ line: UnsafeBufferPointer<UInt8>, bytes: [UInt8], into cells: inout [GridCell], at: Location, capacity: Int) {
            if count > 0 {
                if cells.isEmpty { cells.reserveCapacity(capacity) }
                // The line's bytes are valid UTF-8 and the field is cut at scalar boundaries: no
                // validation again (``Swift/String/init(validUTF8:isASCII:)``). Each of the field's
                // `count` scalars and spaces is one byte of it if ASCII and more if not: the field
                // is all ASCII exactly when it has as many bytes, and no scan has to find that out.
                let text =
                    spilled
                    ? bytes.withUnsafeBufferPointer { String(validUTF8: $0, isASCII: $0.count == count) }
                    : isNumber && to - from <= 3
                        ? TextGridBuilder.numberText(UnsafeBufferPointer(rebasing: line[from..<to]))
                        : String(validUTF8: UnsafeBufferPointer(rebasing: line[from..<to]), isASCII: to - from == count)
                let shown = plain ? text : marks ? TextGridBuilder.displayKeepingMarks(text) : TextNormalizer.display(text)
                cells.append(GridCell(text: shown, at: at, x: Double(start + end) / 2))
                spilled = false
                count = 0
            }
            plain = true
            isNumber = true
            marks = false
        }
    }

    /// Splits one line into cells; nil for a blank line. The line is `line` up to its first \n or
    /// \r (UTF-8 bytes, valid: they come from a String), or all of it; where it ends is left in
    /// `scratch` (``Scratch/lineEnd``).
    ///
    /// `blankMarks` (``marksBlankCells(_:)``): no-break spaces are kept in the cells' text, each
    /// the mark of one blank cell, for ``TableTokenizer``; except an indentation (at the line's
    /// start before anything but a digit, or after a sentence's end), which is a space as usual.
    ///
    /// `runs` false reads every scalar on the general path, without the run loop that follows it:
    /// the plain reading the run loop is compared with (``TextScanShortcutTests``).
    static func row(
        _ line: UnsafeBufferPointer<UInt8>, number: Int, blankBefore: Bool, blankMarks: Bool = false, leadingTabCells: Bool = false,
        scratch: inout Scratch, runs: Bool = true
    ) -> GridRow? {
        // Reserved at the first cell (``Field/flush(_:bytes:into:at:capacity:)``): half the lines of a
        // report are blank, and an array reserved for them was allocated and freed for nothing.
        var cells: [GridCell] = []
        var spaces = 0  // plain spaces seen since the last visible scalar
        var separator = false  // a tab, ideographic space or 2+ spaces since the last visible scalar
        var tabs = 0  // tabs since the last visible scalar: consecutive tabs delimit blank cells
        var leading = 0  // width of the indent
        var seenVisible = false
        let at = Location.line(number)

        var column = 0  // display column (wide characters count 2)
        var sawTab = false
        var sawWide = false  // a separator of two or more spaces (or an ideographic space): aligned text
        var leadingTabs = 0  // tabs before the first visible scalar
        var innerTab = false  // a tab between two fields

        var f = Field()

        let end = line.count
        var index = 0
        while index < end {
            // A run of plain spaces (aligned text is full of them) counted at once, as the path
            // below counts each: no separator, mark or visible scalar among them.
            if line[index] == 0x20 {
                // Eight bytes a step (aligned text pads its columns with long runs).
                let run = TextDecoder.spaceRunEnd(line, from: index &+ 1) &- index
                index += run
                spaces += run
                column += run
                if spaces >= 2 { separator = true; sawWide = true }
                if !seenVisible { leading += run }
                continue
            }
            let here = index
            let (v, next) = line.scalar(at: index)
            index = next
            // A CJK unified ideograph (most of a report): no separator, space, invisible, control or
            // radical, and wide; the tests below for those are skipped.
            let ideograph = v >= 0x4E00 && v <= 0x9FFF
            if !ideograph && (v == 0x09 || v == 0x3000) {
                separator = true
                if v == 0x09 { tabs += 1; sawTab = true; column = (column / 8 + 1) * 8 } else { column += 2; sawWide = true }
                if !seenVisible { leading += 2 }
                continue
            }
            if !ideograph && v == 0xA0 && blankMarks && !separator && spaces == 0
                && (seenVisible ? !Self.endsSentence(Self.scalarBeforeMarks(line, here)) : Self.digitFollows(line, from: index))
            {
                // A blank cell's mark: kept as a visible scalar of the field.
                f.marks = true
            } else if !ideograph && TextNormalizer.isSpaceLike(v) {
                // The line's end (every path above stops at it): the row is read.
                if v == 0x0A || v == 0x0D {
                    index = here
                    break
                }
                spaces += 1
                column += 1
                if spaces >= 2 { separator = true; sawWide = true }
                if !seenVisible { leading += 1 }
                continue
            }
            if !ideograph && TextNormalizer.isInvisible(v) { continue }
            let isDigit = (v >= 0x30 && v <= 0x39)
            // Numbers one space apart are separate cells ("1,046 8" is two columns printed close).
            if seenVisible && spaces == 1 && !separator && f.isNumber && isDigit { separator = true }
            if !seenVisible {
                leadingTabs = tabs
            } else {
                if separator {
                    if tabs > 0 { innerTab = true }
                    // A cell before a separator: the row has several.
                    f.flush(line, bytes: scratch.bytes, into: &cells, at: at, capacity: scratch.widest)
                    // Tab-separated text keeps its blank cells: a\t\tb is a, "", b.
                    if tabs >= 2 { for _ in 1..<min(tabs, Self.maxBlankRun + 1) { cells.append(GridCell(text: "", at: at)) } }
                } else if spaces > 0 {
                    // One plain space right after the field and right before this scalar stays in the slice.
                    if f.spilled || f.count == 0 || line[f.to] != 0x20 || f.to + 1 != here {
                        f.spill(line, into: &scratch.bytes)
                        scratch.bytes.append(0x20)
                    } else {
                        f.to = here
                    }
                    f.count += 1
                }
            }
            seenVisible = true
            tabs = 0
            spaces = 0
            separator = false
            if f.count == 0 {
                f.start = column
                f.from = here
                f.to = here
            }
            if !f.spilled && f.to != here { f.spill(line, into: &scratch.bytes) }
            if f.spilled { scratch.bytes.append(contentsOf: line[here..<index]) } else { f.to = index }
            if !ideograph && (v < 0x20 || (v >= 0x7F && v <= 0xA0) || (v >= RadicalTable.first && v <= RadicalTable.last)) { f.plain = false }
            f.count += 1
            if !(isDigit || v == 0x2C || v == 0x2E || (v == 0x2D && f.count == 1)) { f.isNumber = false }
            column += ideograph || (v >= 0x1100 && Self.isWide(v)) ? 2 : 1
            f.end = column
            // The CJK ideographs, punctuation and printable ASCII that follow (most of a report) only
            // extend the field as the path above would, one by one: no separator, space or mark is
            // pending, the field is a run of the line (f.to == index), such a scalar is plain
            // (no control, radical, space or invisible); a scalar above ASCII is no number and as
            // wide as ``isWide(_:)`` says, an ASCII scalar one column wide and, not being the
            // field's first, part of a number only as a digit, `,` or `.`.
            if runs && !f.spilled {
                let from = index
                // The field's scalar count and number flag in locals while the run lasts (the field
                // itself lives in memory: it is passed on to ``Field/flush(_:bytes:into:at:capacity:)``).
                // `index` stays below `end` and `count` and `column` below eight times `end`: no
                // sum overflows.
                var count = f.count
                var isNumber = f.isNumber
                while index < end {
                    let c = line[index]
                    if c > 0x20 && c < 0x7F {
                        if !((c >= 0x30 && c <= 0x39) || c == 0x2C || c == 0x2E) { isNumber = false }
                        index &+= 1
                        count &+= 1
                        column &+= 1
                        continue
                    }
                    // CJK unified ideographs (most of a report), wide as the test below finds
                    // them, without decoding the scalar; two at a time while they last.
                    if line.isIdeographLead(at: index) {
                        isNumber = false
                        if index &+ 3 < end && line.isIdeographLead(at: index &+ 3) {
                            index &+= 6
                            count &+= 2
                            column &+= 4
                        } else {
                            index &+= 3
                            count &+= 1
                            column &+= 2
                        }
                        continue
                    }
                    // One plain space between two scalars of the field, the next one printable
                    // ASCII or an ideograph (taken at the next step): the path above would keep it
                    // in the field's run (no separator, mark or indent: the field has a scalar
                    // before it) and count it, unless numbers one space apart make a separator
                    // (a digit after a field that is a number so far), left to it.
                    if c == 0x20 && index &+ 1 < end {
                        let d = line[index &+ 1]
                        if ((d > 0x20 && d < 0x7F) || line.isIdeographLead(at: index &+ 1)) && !(isNumber && d >= 0x30 && d <= 0x39) {
                            index &+= 1
                            count &+= 1
                            column &+= 1
                            continue
                        }
                        break
                    }
                    guard (c >= 0xE2 && c <= 0xE4) || c == 0xEF else { break }
                    let w = (UInt32(c & 0x0F) << 12) | (UInt32(line[index &+ 1] & 0x3F) << 6) | UInt32(line[index &+ 2] & 0x3F)
                    if (w >= 0x4E00 && w <= 0x9FFF) || (w >= 0x3001 && w <= 0x303E) || (w >= 0xFF01 && w <= 0xFF60) {
                        // Ideographs, CJK punctuation (not the ideographic space), full-width forms: wide.
                        column &+= 2
                    } else if w >= 0x2010 && w <= 0x2027 {
                        // Dashes, quotes, `…` (no space, line separator or invisible among them): narrow.
                        column &+= 1
                    } else {
                        break
                    }
                    index &+= 3
                    count &+= 1
                    isNumber = false
                }
                if index > from {
                    f.to = index
                    f.end = column
                    f.count = count
                    f.isNumber = isNumber
                }
            }
        }
        scratch.lineEnd = index
        // The last cell: a row of one cell (and its trailing blank cells) gets the capacity it needs.
        let trailing = min(tabs, Self.maxBlankRun)
        f.flush(line, bytes: scratch.bytes, into: &cells, at: at, capacity: 1 + trailing)
        if cells.isEmpty { return nil }
        // Trailing tabs open blank cells too (a row whose last cells are blank); RowPlacement trims
        // blanks beyond the table's columns.
        for _ in 0..<trailing { cells.append(GridCell(text: "", at: at)) }
        // A pipe-table row's leading blank cells (see ``pipeRows``).
        if leadingTabCells, leadingTabs > 0, innerTab {
            cells.insert(contentsOf: repeatElement(GridCell(text: "", at: at), count: min(leadingTabs, Self.maxBlankRun)), at: 0)
        }
        // Positions mean something only where spaces align the columns.
        // Cells one space apart (pdfplumber, crawled text) are not aligned either.
        // (One uniqueness check for the whole array, not one per cell.)
        if sawTab || (!sawWide && cells.count > 1) { cells.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i].x = nil } } }
        let text = cells.count == 1 ? cells[0].text : Self.joined(cells)
        scratch.widest = min(max(scratch.widest, cells.count), Self.widestReserved)
        return GridRow(cells: cells, text: text, at: at, startsParagraph: blankBefore || leading >= 2)
    }

    /// `0` … `999` as Strings, made once: most cells of the tables are such numbers (`0` above
    /// all), and taking one from here skips the UTF-8 validation of making it from bytes.
    static let smallNumbers: [String] = (0..<1000).map { String($0) }

    /// The text of a field of at most three bytes: the String of ``smallNumbers`` when the bytes
    /// are its digits exactly (no leading zero), else made from the bytes.
    @inline(__always)
    static func numberText(_ b: UnsafeBufferPointer<UInt8>) -> String {
        var value = 0
        for byte in b {
            guard byte >= 0x30 && byte <= 0x39 else { return String(validUTF8: b) }
            value = value * 10 + Int(byte - 0x30)
        }
        guard b.count > 0, b.count == 1 || b[0] != 0x30 else { return String(validUTF8: b) }
        return smallNumbers[value]
    }

    /// The cells' texts joined with single spaces: their bytes written into one buffer on the
    /// stack (appending to a String cost a few hundred instructions a piece), then made a String
    /// without validating them again (``Swift/String/init(validUTF8:isASCII:)``: the cells are
    /// Strings, and a space between two is a scalar boundary). Each cell is copied by
    /// ``Swift/UnsafeMutableBufferPointer/copy(_:at:)`` (a call to memmove for a cell of a few bytes
    /// cost more than its bytes), which also tells whether its bytes are ASCII: the String's ASCII
    /// flag is set from them, as the scan of all the bytes would set it.
    static func joined(_ cells: [GridCell]) -> String {
        var total = cells.count - 1
        for j in cells.indices { total += cells[j].text.utf8.count }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: total) { out in
            var k = 0
            var bits: UInt64 = 0  // the bytes' bits, or-ed together
            for j in cells.indices {
                if j > 0 {
                    out[k] = 0x20
                    k += 1
                }
                let copied: Void? = cells[j].text.utf8.withContiguousStorageIfAvailable { b in
                    bits |= out.copy(b, at: k)
                    k += b.count
                }
                if copied == nil {
                    for byte in cells[j].text.utf8 {
                        out[k] = byte
                        bits |= UInt64(byte)
                        k += 1
                    }
                }
            }
            return String(validUTF8: UnsafeBufferPointer(rebasing: out[0..<k]), isASCII: bits & 0x8080_8080_8080_8080 == 0)
        }
    }

    /// The scalar before the no-break spaces that end at `index` (0 at the line's start).
    static func scalarBeforeMarks(_ line: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt32 {
        var i = index
        while i >= 2, line[i - 2] == 0xC2, line[i - 1] == 0xA0 { i -= 2 }
        guard i > 0 else { return 0 }
        var start = i - 1
        while start > 0, line[start] & 0xC0 == 0x80 { start -= 1 }
        return line.scalar(at: start).0
    }

    /// A digit comes after the no-break spaces starting at `index`.
    static func digitFollows(_ line: UnsafeBufferPointer<UInt8>, from index: Int) -> Bool {
        var i = index
        while i + 1 < line.count, line[i] == 0xC2, line[i + 1] == 0xA0 { i += 2 }
        return i < line.count && line[i] >= 0x30 && line[i] <= 0x39
    }

    /// The display form of a field with blank marks: each part between the marks normalized, the
    /// marks kept.
    static func displayKeepingMarks(_ text: String) -> String {
        text.split(separator: "\u{A0}", omittingEmptySubsequences: false).map { TextNormalizer.display($0) }.joined(separator: "\u{A0}")
    }
}
