/// One token of a table region read as a stream: label text, a number, a not-applicable mark or
/// a blank cell, with what separated it from the token before.
struct TableToken: Sendable {
    enum Kind: Sendable { case text, number, mark, blank }

    var kind: Kind
    /// As printed (display form).
    var text: String
    var at: Location
    /// Whitespace before the token on the same line: a soft separator that may or may not be a cell
    /// boundary (crawled text pads cells with spaces, and drops blank cells to spaces).
    /// `nil`: a hard boundary (a pipe, a tab, an HTML/PDF cell, a line break).
    var gap: Int?
    /// A blank cell the text marked (a no-break space that was `&nbsp;`): exactly one cell.
    var marked = false

    /// A plain run of digits (ASCII or full-width).
    var isDigitRun: Bool { kind == .number && text.unicodeScalars.allSatisfy { TableTokenizer.digit($0) } }

    /// A run of two digits or more whose first is `0` (`0000000`): cells run together, not one
    /// number. `isDigitRun && text.count > 1 && text.hasPrefix("0")` told from the bytes first: in
    /// a run of digits each digit is one Character (a digit joins no scalar), so the first
    /// Character is `0` when the first byte is (no other scalar is canonically `0`), and there is
    /// a second when there is a second byte after that one-byte `0`.
    var isZeroLedRun: Bool {
        kind == .number && text.utf8.first == 0x30 && text.utf8.count > 1 && isDigitRun
    }

    /// What the digit splitter can cut: digits with thousands commas, or a mark (one cell).
    var splitPiece: [UInt8]? {
        if kind == .mark { return DigitSplitter.markPiece }
        guard kind == .number else { return nil }
        var out: [UInt8] = []
        for c in text.unicodeScalars {
            let v = c.value
            if v >= 0x30 && v <= 0x39 {
                out.append(UInt8(v - 0x30))
            } else if v >= 0xFF10 && v <= 0xFF19 {
                out.append(UInt8(v - 0xFF10))  // a full-width digit (１２07: NFKC reads it as 1207)
            } else if v == 0x2C {
                out.append(DigitSplitter.comma)
            } else {
                return nil
            }
        }
        return out
    }

    /// ``splitPiece`` cut where the digits change width (`１２07` is `１２` and `07`): the pieces a
    /// cell would be if every cell's digits were of one width. `nil` when the width never changes.
    var widthPieces: [[UInt8]]? {
        guard kind == .number, let piece = splitPiece, piece.count == text.unicodeScalars.count else { return nil }
        var out: [[UInt8]] = [[]]
        var wide: Bool? = nil
        for (c, d) in zip(text.unicodeScalars, piece) {
            if TableTokenizer.digit(c) {
                let w = c.value >= 0xFF10
                if let wide, wide != w { out.append([]) }
                wide = w
            }
            out[out.count - 1].append(d)
        }
        return out.count > 1 ? out : nil
    }
}

/// Turns the rows of a table region into tokens in reading order. Digits glued to a following item
/// marker (`00000002.其他法律…` is the run `0000000` and the label `2.其他法律…`) are cut apart;
/// a year (`2023年`) is text; a unit stays with its number (`251000元`).
enum TableTokenizer {
    static func tokens(_ rows: ArraySlice<GridRow>) -> [TableToken] {
        var out: [TableToken] = []
        var scratch = ScanScratch()
        // About a token per cell (a cell of label text and values makes more): reserved at once.
        out.reserveCapacity(rows.reduce(0) { $0 + $1.cells.count })
        // By index, each cell's fields read through the row's buffer: binding each row and cell
        // copied it (a retain and a release of its text, and of the row's arrays and strings).
        for r in rows.indices {
            let cells = rows[r].cells
            let table = rows[r].table
            cells.withUnsafeBufferPointer { cells in
                let softRow = table == nil && cells.indices.allSatisfy { (cells.baseAddress! + $0).pointee.column == nil && (cells.baseAddress! + $0).pointee.x != nil }
                var previousEnd: Double? = nil
                for k in cells.indices {
                    let cell = cells.baseAddress! + k
                    let text = RowCollector.cellText(cells, k)
                    var gap: Int? = nil
                    if let x = cell.pointee.x {
                        // The cell's display width, measured once for both ends.
                        let half = Double(width(text)) / 2
                        if softRow, k > 0, let end = previousEnd {
                            gap = max(1, Int((x - half - end).rounded()))
                        }
                        previousEnd = x + half
                    }
                    if text.isEmpty {
                        out.append(TableToken(kind: .blank, text: "", at: cell.pointee.at, gap: nil))
                        continue
                    }
                    scan(text, at: cell.pointee.at, firstGap: gap, lineStart: k == 0, into: &out, scratch: &scratch)
                }
            }
        }
        return out
    }

    /// The display width of `s`: two columns per wide scalar (``TextGridBuilder/isWide(_:)``),
    /// one per other scalar. The scalars decoded from the UTF-8 bytes in place (the scalar view's
    /// `reduce` was generic code walking the String's indices).
    static func width(_ s: String) -> Int {
        let onBytes = s.utf8.withContiguousStorageIfAvailable { b -> Int in
            var w = 0
            var i = 0
            while i < b.count {
                let (v, next) = b.scalar(at: i)
                w += TextGridBuilder.isWide(v) ? 2 : 1
                i = next
            }
            return w
        }
        return onBytes ?? s.unicodeScalars.reduce(0) { $0 + (TextGridBuilder.isWide($1.value) ? 2 : 1) }
    }

    @inline(__always)
    static func digit(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x30 && c.value <= 0x39) || (c.value >= 0xFF10 && c.value <= 0xFF19)
    }

    @inline(__always)
    static func ideograph(_ c: Unicode.Scalar) -> Bool { c.value >= 0x4E00 && c.value <= 0x9FFF }

    static let units: [String] = ["万元", "元", "%", "％"]
    /// ``units`` as scalars, made once (each number made two arrays per unit).
    static let unitScalars: [[Unicode.Scalar]] = units.map { Array($0.unicodeScalars) }

    /// Whether text holding these scalars cannot be a not-applicable mark: four CJK ideographs
    /// or more. The longest mark's match key has three scalars, and every ideograph stays one
    /// scalar of the key (NFKC neither composes nor decomposes U+4E00–U+9FFF, and the folding maps
    /// a scalar to one scalar), so such text's key is no mark; the key is not made.
    @inline(__always)
    static func tooLongForMark<C: Collection<Unicode.Scalar>>(_ scalars: C) -> Bool {
        var ideographs = 0
        for c in scalars where ideograph(c) {
            ideographs += 1
            if ideographs >= 4 { return true }
        }
        return false
    }

    /// How many `无` at the end of `text` are not-applicable marks that lost their cell separators,
    /// one cell each: a text of two or more `无` and nothing else (`无无无无`), or `无` glued between
    /// a label and a number (`…申请数量无1无无无无1`, an HTML table's text with its cells run
    /// together). A lone `无` is a mark already; `有无` and a `无` that begins a word (`无法提供`)
    /// are text; no row label ends in `无`.
    static func gluedMarks(_ text: String, beforeNumber: Bool) -> Int {
        gluedMarks(text.unicodeScalars, beforeNumber: beforeNumber)
    }

    /// ``gluedMarks(_:beforeNumber:)`` of the text holding these scalars.
    static func gluedMarks<C: BidirectionalCollection<Unicode.Scalar>>(_ scalars: C, beforeNumber: Bool) -> Int {
        var n = 0
        var i = scalars.endIndex
        while i > scalars.startIndex {
            let p = scalars.index(before: i)
            guard scalars[p] == "无" else { break }
            n += 1
            i = p
        }
        guard n > 0 else { return 0 }
        if i == scalars.startIndex { return n >= 2 ? n : 0 }
        guard beforeNumber else { return 0 }
        let before = scalars[scalars.index(before: i)]
        return ideograph(before) && before != "有" ? n : 0
    }

    /// Whether a space after the scalar `c` is a Character of its own (`String.last == " "` of
    /// text ending in them). Only a prepended concatenation mark (U+0600…, Grapheme_Cluster_Break
    /// Prepend) joins the scalar after it; none is below U+0600 or an ideograph, and the others
    /// are asked of the library.
    @inline(__always)
    static func spaceStandsAlone(after c: Unicode.Scalar) -> Bool {
        if c.value < 0x600 || ideograph(c) { return true }
        var pair = String(c)
        pair.unicodeScalars.append(" ")
        return pair.count == 2
    }

    /// The arrays ``scan(_:at:firstGap:lineStart:into:scratch:)`` fills for each cell (its scalars
    /// and where each starts in its UTF-8 bytes), kept for the next cell: made anew, they were
    /// arrays allocated and freed per cell of the region. They only grow (to the longest text
    /// decoded); a text's entries are the first ones (``decode(_:)``).
    struct ScanScratch {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []

        /// The scalars of a String's UTF-8 bytes and where each starts in them, the bytes' count
        /// last: a run of the scalars `scalars[a..<b]` is the bytes `offsets[a]..<offsets[b]`.
        /// One pass over the bytes, written into the arrays in place (no append's checks, no
        /// emptying): each text has at most as many scalars as bytes.
        mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (scalars: ArraySlice<Unicode.Scalar>, offsets: ArraySlice<Int>) {
            // Room for every scalar and for the offset after the last (an empty text too).
            if scalars.count < bytes.count || offsets.count <= bytes.count {
                scalars = [Unicode.Scalar](repeating: " ", count: bytes.count)
                offsets = [Int](repeating: 0, count: bytes.count + 1)
            }
            var n = 0
            scalars.withUnsafeMutableBufferPointer { s in
                offsets.withUnsafeMutableBufferPointer { o in
                    var p = 0
                    while p < bytes.count {
                        // A String's bytes are valid UTF-8: each scalar's bytes are in range, its
                        // value valid. Each scalar takes a byte or more: `n` ≤ `p` < the bytes'
                        // count ≤ both arrays' counts (and `n` ≤ the bytes' count < `o.count` last).
                        let (value, next) = bytes.scalar(at: p)
                        s[n] = Unicode.Scalar(value).unsafelyUnwrapped
                        o[n] = p
                        n += 1
                        p = next
                    }
                    o[n] = p
                }
            }
            return (scalars[..<n], offsets[...n])
        }
    }

    /// Scans one cell's text. Spaces inside the cell are soft separators between values.
    /// `scratch`: the arrays of the cell before, refilled (``ScanScratch``).
    static func scan(_ text: String, at: Location, firstGap: Int?, lineStart: Bool = false, into out: inout [TableToken], scratch: inout ScanScratch) {
        // ASCII digits and nothing else (most cells of a table): one number, the cell's text, as
        // the scan reads it (a run of digits, no unit or marker after it, and its first digit
        // followed by no ideograph); not decoded.
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            out.append(TableToken(kind: .number, text: text, at: at, gap: firstGap))
            return
        }
        scanScalars(text, at: at, firstGap: firstGap, lineStart: lineStart, into: &out, scratch: &scratch)
    }

    /// ``scan(_:at:firstGap:lineStart:into:scratch:)`` of any text: its scalars decoded and read
    /// one by one (``CellScan``).
    static func scanScalars(_ text: String, at: Location, firstGap: Int?, lineStart: Bool, into out: inout [TableToken], scratch: inout ScanScratch) {
        var text = text
        text.withUTF8 { bytes in
            var cell = CellScan(bytes: bytes, scratch: &scratch, at: at, firstGap: firstGap)
            cell.run(lineStart: lineStart, into: &out)
        }
    }

    /// Where pending label text (`scalars`) is cut: before its trailing spaces (each a Character
    /// of its own: ``spaceStandsAlone(after:)``) and before the `无` glued on it
    /// (``gluedMarks(_:beforeNumber:)``, one Character each: no scalar joins an ideograph before
    /// it or the `无` after it); how many of each. The scalars' count of trimming the text's
    /// Characters and cutting the glued marks off as Characters.
    static func pendingCut(_ scalars: ArraySlice<Unicode.Scalar>, beforeNumber: Bool) -> (end: Int, trailing: Int, glued: Int) {
        let start = scalars.startIndex
        var end = scalars.endIndex
        var trailing = 0
        while end > start, scalars[end - 1] == " ", end - 1 == start || spaceStandsAlone(after: scalars[end - 2]) {
            end -= 1
            trailing += 1
        }
        let glued = gluedMarks(scalars[start..<end], beforeNumber: beforeNumber && trailing == 0)
        return (end - glued, trailing, glued)
    }

    /// One cell's scan: its scalars, where each starts in its bytes, and the state between
    /// tokens, the steps mutating methods (nested functions capturing the state as local `var`s
    /// paid a run-time exclusivity check at each access).
    private struct CellScan {
        /// The cell's UTF-8 bytes (a String's, valid while the scan runs).
        let bytes: UnsafeBufferPointer<UInt8>
        /// The cell's scalars and where each starts in ``bytes`` (``ScanScratch/decode(_:)``).
        let s: ArraySlice<Unicode.Scalar>
        let offsets: ArraySlice<Int>
        let at: Location
        let firstGap: Int?
        var i = 0
        var first = true
        var spaces = 0
        /// The pending label text: `s[pendingStart..<i]` (each scalar added to it was the next one,
        /// and it is flushed before any scalar is skipped); -1 when there is none.
        var pendingStart = -1

        init(bytes: UnsafeBufferPointer<UInt8>, scratch: inout ScanScratch, at: Location, firstGap: Int?) {
            self.bytes = bytes
            (s, offsets) = scratch.decode(bytes)
            self.at = at
            self.firstGap = firstGap
        }

        /// The scalars `s[a..<b]` as a String: the cell's own bytes (valid) cut where its scalars
        /// start, valid by construction, so made without validating them again.
        @inline(__always)
        func slice(_ a: Int, _ b: Int) -> String {
            String(validUTF8: UnsafeBufferPointer(rebasing: bytes[offsets[a]..<offsets[b]]))
        }

        @inline(__always)
        mutating func emit(_ kind: TableToken.Kind, _ t: String, into out: inout [TableToken]) {
            out.append(TableToken(kind: kind, text: t, at: at, gap: first ? firstGap : spaces))
            first = false
            spaces = 0
        }

        /// The pending text as a token (a mark or label text), without its trailing spaces and
        /// with the `无` glued on it as marks of their own (``TableTokenizer/pendingCut(_:beforeNumber:)``).
        mutating func flushText(beforeNumber: Bool = false, into out: inout [TableToken]) {
            guard pendingStart >= 0 else { return }
            let start = pendingStart
            pendingStart = -1
            let (end, trailing, glued) = TableTokenizer.pendingCut(s[start..<i], beforeNumber: beforeNumber)
            if end > start {
                let t = slice(start, end)
                let mark = !TableTokenizer.tooLongForMark(s[start..<end]) && CellReading.notApplicableMarks.contains(TextNormalizer.matchKey(t))
                emit(mark ? .mark : .text, t, into: &out)
            }
            for _ in 0..<glued { emit(.mark, "无", into: &out) }
            spaces = trailing
        }

        mutating func run(lineStart: Bool, into out: inout [TableToken]) {
            while i < s.count {
                let c = s[i]
                // A blank cell's mark (``TextGridBuilder/marksBlankCells(_:)``): an empty cell of its own.
                if c == "\u{A0}" {
                    flushText(into: &out)
                    out.append(TableToken(kind: .blank, text: "", at: at, gap: nil, marked: true))
                    first = false
                    spaces = 0
                    i += 1
                    continue
                }
                if c == " " {
                    if pendingStart < 0 { spaces += 1 }
                    i += 1
                    continue
                }
                // A sign starts a number at the start of a word (`| -3`: a pipe a converter left in the
                // cell is text before it, and the sign was lost: -3 was read as 3).
                var startsNumber =
                    digit(c) || ((c == "-" || c == "+") && i + 1 < s.count && digit(s[i + 1]) && (pendingStart < 0 || s[i - 1] == " "))
                // An item number that lost its dot at the start of a line (`5要求行政机关确认…`, OCR):
                // one digit glued to a Chinese character begins a label, it is not a value.
                if lineStart, i == 0, startsNumber, c.value >= 0x31 && c.value <= 0x39, s.count > 1, ideograph(s[1]) {
                    startsNumber = false
                }
                if startsNumber {
                    var j = i + 1
                    while j < s.count {
                        if digit(s[j]) { j += 1; continue }
                        if (s[j] == "." || s[j] == ",") && j + 1 < s.count && digit(s[j + 1]) { j += 2; continue }
                        break
                    }
                    // An item marker glued on: the run's last digit starts the label `2.其他…`.
                    var numberEnd = j
                    if j < s.count, s[j] == "." || s[j] == "、" || s[j] == "．", j + 1 >= s.count || !digit(s[j + 1]) {
                        numberEnd = j - 1
                    }
                    let isYear = j < s.count && s[j] == "年" && j - i == 4
                    if numberEnd > i && !isYear {
                        flushText(beforeNumber: true, into: &out)
                        var end = numberEnd
                        if numberEnd == j {
                            for us in unitScalars {
                                if j + us.count <= s.count, s[j..<(j + us.count)].elementsEqual(us) {
                                    end = j + us.count
                                    break
                                }
                            }
                        }
                        // The number and its unit: the scalars `s[i..<end]`.
                        emit(.number, slice(i, end), into: &out)
                        i = end
                        continue
                    }
                    if pendingStart < 0 { pendingStart = i }
                    i = j
                    continue
                }
                // A mark standing alone between spaces: `/`, `-`, `—`, `无`.
                if pendingStart < 0 {
                    var j = i
                    while j < s.count, s[j] != " " { j += 1 }
                    if !tooLongForMark(s[i..<j]) {
                        let word = slice(i, j)
                        if CellReading.notApplicableMarks.contains(TextNormalizer.matchKey(word)) {
                            emit(.mark, word, into: &out)
                            i = j
                            continue
                        }
                    }
                }
                if pendingStart < 0 { pendingStart = i }
                i += 1
            }
            flushText(into: &out)
        }
    }
}
