/// Reads a table from its region as a stream of tokens (``TableTokenizer``) matched against the
/// table's fixed template, for text whose cells a grid cannot rebuild: cells run together by a
/// crawler, labels split over lines or separated from their values (PDF reading order), one table
/// drawn as several. It hands ``LogicalRow``s to the same table readers the grid feeds, so the
/// placing, the missing-cell rules and the cells built are shared.
///
/// Label text is cut into pieces at item markers (`一、`, `（一）`, `1.`); a piece that holds a row's
/// keywords names that row. The values after a label belong to the rows it named, in template
/// order; rows are only ever assigned in template order. A row whose values are one run of digits
/// (separators lost) is split with ``DigitSplitter`` and settled across rows by
/// ``DigitTableSolver``; a row that cannot be settled stays out (null) with a diagnostic.
struct TokenTableReader {
    let template: TableTemplate
    /// The template's priority as a ``LabelMatcher``: keywords found by byte masks first, no spec
    /// copied per label tried.
    private let matcher: LabelMatcher
    /// Per template row: the name its diagnostics give (`表三 （一）予以公开`) and its label's match
    /// key, made once with the reader (they were made for every row read).
    private let rowNames: [String]
    private let labelKeys: [String]
    /// Per spec of the matcher's priority: the template row of its key, the first row of the key
    /// (``TableTemplate/index(of:)``, which copied each row it tried and compared the keys), and
    /// whether its key is （七）总计's. Looked up by the spec's index, made once with the reader
    /// (the spec matched was copied out, its key compared and hashed for every piece matched).
    private let rowOfSpec: [Int?]
    private let isTotalProcessed: [Bool]
    /// The ``String/byteMask`` of each of the template's ``TableTemplate/headerWords``: a key
    /// lacking a bit of a word's mask does not hold the word, and is not searched for it.
    private let headerMasks: [UInt64]

    init(template: TableTemplate) {
        self.template = template
        let matcher = LabelMatcher(priority: template.priority)
        self.matcher = matcher
        self.rowNames = template.rows.map { "\(template.name) \($0.spec.label)" }
        self.labelKeys = template.rows.map { TextNormalizer.matchKey($0.spec.label) }
        let rowOfKey = Dictionary(template.rows.enumerated().map { ($1.spec.key, $0) }, uniquingKeysWith: { first, _ in first })
        self.rowOfSpec = matcher.priority.map { rowOfKey[$0.key] }
        self.isTotalProcessed = matcher.priority.map { $0.key == ApplicationsLayout.totalProcessed.key }
        self.headerMasks = template.headerWords.map(\.byteMask)
    }

    enum Segment {
        case label([String], Location)
        case values([TableToken])
    }

    func read(_ rows: ArraySlice<GridRow>, diagnostics finalDiagnostics: inout [Diagnostic]) -> [LogicalRow] {
        let segments = Self.segments(TableTokenizer.tokens(rows))
        var diagnostics: [Diagnostic] = []
        var assigned: [(row: Int, tokens: [TableToken])] = []
        var pending: [Int] = []
        var lastAssigned = -1
        var openRow: Int? = nil  // index into `assigned` of a row still short of values
        var late = false  // `pending` names rows above the last one assigned
        var pendingText = ""  // the label text since the piece that named the one pending row
        var afterHeading = false  // a sub-table's heading, and no label since
        var orphan: [TableToken]? = nil  // values right after a sub-table's heading, before its labels
        // Every row a label piece names, anywhere in the region: listed, made a Set once at the
        // end (a Set grown by insertion cost ~90K instructions at its first growth).
        var namedRows: [Int] = []
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .label(let pieces, _):
                var mentions: [Int] = []
                var named = -1  // the last piece that named a row
                for (p, piece) in pieces.enumerated() {
                    // A sub-table's heading (`第二十条第（九）项`, `信息内容 …`) that names no row: labels
                    // above it are the previous sub-table's; values after it belong to rows named after it.
                    let key = TextNormalizer.matchKey(piece)
                    let row = match(key: key)
                    if let row { namedRows.append(row) }
                    let heading = row == nil && RowCollector.isSubTableHeading(key)
                    // The heading and the first label after it (`第二十条第（六）项 信息内容 …
                    // 行政处罚`): labels before it were the previous sub-table's too.
                    if heading || (row != nil && Self.startsWithArticle20(key)) {
                        // The previous sub-table printed its values above its one label.
                        if mentions.count == 1, let o = orphan, let taken = valuesAbove(o, label: mentions[0], assigned: assigned) {
                            assigned.append(taken)
                            lastAssigned = max(lastAssigned, mentions[0])
                        }
                        orphan = nil
                        afterHeading = true
                        mentions = []
                        named = -1
                        pending = []
                        openRow = nil
                        if heading { continue }
                    }
                    guard let r = row, r > (mentions.last ?? lastAssigned) else { continue }
                    afterHeading = false
                    mentions.append(r)
                    named = p
                }
                let valuesFollow: Bool
                if index + 1 < segments.count, case .values = segments[index + 1] { valuesFollow = true } else { valuesFollow = false }
                if !mentions.isEmpty, !valuesFollow, let o = openRow,
                    let rows = overflow(assigned[o], into: mentions)
                {
                    // Labels printed after their values (PDF reading order of merged cells).
                    assigned[o].tokens = rows[0]
                    for (r, tokens) in zip(mentions, rows.dropFirst()) { assigned.append((r, tokens)) }
                    lastAssigned = mentions.last!
                    pending = []
                    openRow = nil
                    continue
                }
                if !mentions.isEmpty {
                    pending = mentions; openRow = nil; late = false
                    pendingText = TextNormalizer.matchKey(pieces[named])
                    let tail = Array(pieces[(named + 1)...])
                    if mentions.count == 1, !tail.isEmpty, !continues(mentions[0], pendingText, tail) {
                        // Text after the label that does not continue it (`事业性收费` ⏎ `政 6 …`):
                        // the start of another row's wrapped label; the values are not this row's.
                        pending = []
                    }
                } else if pending.count == 1, !late, !continues(pending[0], pendingText, pieces) {
                    // A label naming no row after the one that named the pending row, which does not
                    // continue it: the start of another row's wrapped label, as above.
                    pending = []; openRow = nil
                } else if case let earlier = lateRows(pieces, below: lastAssigned, assigned: Set(assigned.map(\.row))), !earlier.isEmpty {
                    pending = earlier; openRow = nil; late = true
                } else if let last = pieces.last, Self.startsWithMarker(last) {
                    // An item label no row's words recognize (`2. 2请各直本…`, a garbled OCR line):
                    // the values after it are that unknown row's, not the row before's.
                    pending = []; openRow = nil
                }
            case .values(let tokens):
                if pending.isEmpty {
                    if let o = openRow, assigned[o].tokens.count < template.rows[assigned[o].row].slots {
                        assigned[o].tokens += tokens.enumerated().map { $0.offset == 0 ? hard($0.element) : $0.element }
                    } else if openRow == nil, afterHeading {
                        orphan = tokens
                    }
                    continue
                }
                if orphan != nil, ActiveDisclosureLayout.subTableFirstRows.contains(template.rows[pending[0]].spec.key) {
                    // Values above and below labels in one sub-table: which label each belongs to
                    // is not printed. (Values above a later row's label are a row whose label was
                    // lost, as OCR loses them: read as before.)
                    diagnostics.append(
                        Diagnostic(
                            .warning, .valuesUnplaced,
                            "\(template.name): values printed both above and below the labels of one sub-table (\(pending.map { template.rows[$0].spec.label }.joined(separator: ", "))); they cannot be placed without guessing, left null",
                            at: tokens[0].at))
                    orphan = nil
                    pending = []
                    openRow = nil
                    continue
                }
                orphan = nil
                if late {
                    // Rows printed out of template order (PDF reading order of a borderless table):
                    // taken only when the values are exactly their cells, each a clean value.
                    if tokens.allSatisfy(Self.clean), let rows = Self.distribute(tokens, over: pending, template) {
                        assigned += rows
                    } else {
                        diagnostics.append(
                            Diagnostic(
                                .warning, .valuesUnplaced,
                                "\(template.name): \(tokens.count) values follow the labels of \(pending.map { template.rows[$0].spec.label }.joined(separator: ", ")), printed after later rows; they are not exactly those rows' cells, left null",
                                at: tokens[0].at))
                    }
                    pending = []; late = false; openRow = nil
                    continue
                }
                if pending.count == 1 {
                    assigned.append((pending[0], tokens))
                    openRow = assigned.count - 1
                    lastAssigned = pending[0]
                } else {
                    let separate = tokens.allSatisfy { $0.kind != .text }
                    if separate, let rows = Self.distribute(tokens, over: pending, template) {
                        assigned += rows
                    } else {
                        diagnostics.append(
                            Diagnostic(
                                .warning, .valuesUnplaced,
                                "\(template.name): \(tokens.count) values follow the labels of \(pending.count) rows (\(pending.map { template.rows[$0].spec.label }.joined(separator: ", "))); they cannot be placed without guessing, left null",
                                at: tokens[0].at))
                    }
                    lastAssigned = pending.last!
                    openRow = nil
                }
                pending = []
            }
        }
        // Values printed before their row's label, taken by the row above (a page break).
        ValuesBeforeLabel.spill(&assigned, template: template, named: Set(namedRows), diagnostics: &diagnostics)
        if Set(assigned.map(\.row)).count < template.rows.count, let ordered = TemplateOrderReading(template: template).read(segments),
            TemplateOrderReading.agrees(ordered, with: assigned, slots: template.rows.map(\.slots)) || labelsInTemplateOrder(segments)
        {
            // The labels could not place every row; the values are exactly the template's cells
            // in template order, and only one printing order fits the identities.
            finalDiagnostics.append(
                Diagnostic(
                    .note, .valuesInTemplateOrder,
                    "\(template.name): the labels are out of place; the \(ordered.count * (template.rows.first?.slots ?? 0)) values are exactly the table's cells in template order, some blocks printed column by column, and only one order satisfies the identities",
                    at: ordered.first?.tokens.first?.at ?? .none))
            return resolve(ordered, diagnostics: &finalDiagnostics)
        }
        finalDiagnostics += diagnostics
        return resolve(assigned, diagnostics: &finalDiagnostics)
    }

    /// Whether the row labels of the region, in printed order, name rows for the first time in
    /// increasing template order, at least half of the rows: the rows were printed in template
    /// order even where each label sits a line away from its values.
    func labelsInTemplateOrder(_ segments: [Segment]) -> Bool {
        var last = -1
        // The rows named so far, by template row (no Set grown by insertion), and how many.
        var named = [Bool](repeating: false, count: template.rows.count)
        var count = 0
        for segment in segments {
            guard case .label(let pieces, _) = segment else { continue }
            for piece in pieces {
                // A group label (（三）不予公开) names again a row already named: not out of order.
                guard let r = match(piece), !named[r] else { continue }
                guard r > last else { return false }
                last = r
                named[r] = true
                count += 1
            }
        }
        return count * 2 >= template.rows.count
    }

    private func hard(_ t: TableToken) -> TableToken { var t = t; t.gap = nil; return t }

    /// Rows a label names above the last row assigned and not yet given values, in template order.
    func lateRows(_ pieces: [String], below last: Int, assigned: Set<Int>) -> [Int] {
        var out: [Int] = []
        for piece in pieces {
            guard let r = match(piece), r < last, !assigned.contains(r), r > (out.last ?? -1) else { continue }
            out.append(r)
        }
        return out
    }

    /// The values of several labelled rows printed together, handed out in order when they are
    /// exactly those rows' cells (their slot counts add up to the number of values); nil otherwise.
    static func distribute(_ tokens: [TableToken], over rows: [Int], _ template: TableTemplate) -> [(row: Int, tokens: [TableToken])]? {
        let slots = rows.map { template.rows[$0].slots }
        guard tokens.count == slots.reduce(0, +) else { return nil }
        var out: [(row: Int, tokens: [TableToken])] = []
        var k = 0
        for (r, n) in zip(rows, slots) {
            out.append((r, Array(tokens[k..<(k + n)])))
            k += n
        }
        return out
    }

    /// One cell's value as printed: a number (no digit run with a leading zero), a mark or a blank.
    static func clean(_ t: TableToken) -> Bool {
        switch t.kind {
        case .number: return !t.isZeroLedRun && CellReading.read(t.text).kind == .number
        case .mark, .blank: return true
        case .text: return false
        }
    }

    /// A row that took the values of the rows after it: the open row holds its own values and
    /// then exactly the values of the rows a label names next, with no values after that label.
    /// Each value a separate cell (hard boundaries, no text), the named rows the very next rows
    /// of the template: the values are cut at the row lengths, in template order, the only
    /// reading. Returns the open row's values and then each named row's, or nil.
    func overflow(_ open: (row: Int, tokens: [TableToken]), into mentions: [Int]) -> [[TableToken]]? {
        let own = template.rows[open.row].slots
        guard mentions == Array((open.row + 1)..<(open.row + 1 + mentions.count)),
            mentions.last! < template.rows.count
        else { return nil }
        let slots = [own] + mentions.map { template.rows[$0].slots }
        guard open.tokens.count == slots.reduce(0, +),
            open.tokens.allSatisfy({ $0.kind != .text && $0.gap == nil })
        else { return nil }
        var out: [[TableToken]] = []
        var k = 0
        for n in slots { out.append(Array(open.tokens[k..<(k + n)])); k += n }
        return out
    }

    /// The template row a label piece names, if any.
    /// Whether label pieces naming no row continue the label of template row `row` that `text`
    /// began (`其他对外管理服务` ⏎ `事项`): the pieces joined on read as one label with the row's own.
    func continues(_ row: Int, _ text: String, _ pieces: [String]) -> Bool {
        let joined = text + pieces.map(TextNormalizer.matchKey).joined()
        let official = labelKeys[row]
        return official.includes(joined) || joined.includes(official)
    }

    func match(_ piece: String) -> Int? { match(key: TextNormalizer.matchKey(piece)) }

    /// The template row a label's match key names, if one does.
    func match(key: String) -> Int? {
        guard !key.isEmpty, !holdsHeaderWord(key), let i = matcher.firstMatchIndex(key) else { return nil }
        // 总计 alone is also a column header (法人或其他组织 … 总计, printed again on each page):
        // the row is （七）总计.
        if isTotalProcessed[i] && !key.includes("七") { return nil }
        return rowOfSpec[i]
    }

    /// `key.hasPrefix("第二十条")`, the Character test made only when the bytes start with the
    /// word's: no other scalar is canonically equivalent to 第, 二, 十 or 条 or decomposes to one
    /// of them, so a key whose first four Characters are the word's starts with its bytes.
    static func startsWithArticle20(_ key: String) -> Bool {
        key.startsWithBytes("第二十条") && key.hasPrefix("第二十条")
    }

    /// Whether a label's match key holds one of the template's header words (a column header,
    /// no row): `template.headerWords.contains { key.includes($0) }`, each word searched only
    /// when the key has every bit of its ``headerMasks`` (a necessary condition).
    func holdsHeaderWord(_ key: String) -> Bool {
        let keyMask = key.byteMask
        for (w, word) in template.headerWords.enumerated() where headerMasks[w] & ~keyMask == 0 && key.includes(word) { return true }
        return false
    }

    /// Groups tokens into label text (cut into pieces at item markers) and runs of values.
    static func segments(_ tokens: [TableToken]) -> [Segment] {
        var out: [Segment] = []
        var text = ""
        var textAt: Location = .none
        var scratch = TableTokenizer.ScanScratch()
        var k = 0
        while k < tokens.count {
            if tokens[k].kind == .text {
                if text.isEmpty {
                    textAt = tokens[k].at
                } else {
                    text += " "
                }
                text += tokens[k].text
                k += 1
                continue
            }
            if !text.isEmpty { out.append(.label(pieces(text, scratch: &scratch), textAt)); text = "" }
            // The run of values up to the next text, copied at once (not appended one by one).
            var end = k + 1
            while end < tokens.count, tokens[end].kind != .text { end += 1 }
            out.append(.values(Array(tokens[k..<end])))
            k = end
        }
        if !text.isEmpty { out.append(.label(pieces(text, scratch: &scratch), textAt)) }
        return out
    }

    /// Values printed between a sub-table's heading and its only label (`第二十条第（五）项 …
    /// 本年处理决定数量` ⏎ `550` ⏎ `行政许可` ⏎ `第二十条第（六）项`): that row's, when they are exactly its
    /// cells, each a clean value, and the row has none yet.
    func valuesAbove(_ tokens: [TableToken], label row: Int, assigned: [(row: Int, tokens: [TableToken])]) -> (row: Int, tokens: [TableToken])? {
        guard tokens.count == template.rows[row].slots, tokens.allSatisfy(Self.clean), !assigned.contains(where: { $0.row == row }) else { return nil }
        return (row, tokens)
    }

    /// Whether a label piece begins with an item marker: `一、`, `（一）`/`(一)`, `1.`/`1、`/`1．`.
    static func startsWithMarker(_ piece: String) -> Bool {
        // The first two scalars read in place (not copied into an array).
        var scalars = piece.unicodeScalars.makeIterator()
        guard let first = scalars.next(), let second = scalars.next() else { return false }
        if HeadingTokenizer.numerals[first] != nil, second == "、" { return true }
        if first == "（" || first == "(", HeadingTokenizer.numerals[second] != nil { return true }
        if TableTokenizer.digit(first), second == "." || second == "、" || second == "．" { return true }
        return false
    }

    /// Cuts label text before each item marker: `一、`, `（一）`/`(一)`, `1.`/`1、`/`1．`.
    static func pieces(_ text: String) -> [String] {
        var scratch = TableTokenizer.ScanScratch()
        return pieces(text, scratch: &scratch)
    }

    /// ``pieces(_:)`` with the arrays of the label before, refilled (``TableTokenizer/ScanScratch``).
    static func pieces(_ text: String, scratch: inout TableTokenizer.ScanScratch) -> [String] {
        var out: [String] = []
        var text = text
        text.withUTF8 { bytes in
            let (s, offsets) = scratch.decode(bytes)
            // Each piece cut from the text's UTF-8 bytes (the same bytes as its scalars), not built
            // one scalar at a time. A String's bytes cut where its scalars start are valid UTF-8 by
            // construction: not validated again.
            var start = 0
            var i = 1
            while i < s.count {
                let c = s[i]
                var marker = false
                if HeadingTokenizer.numerals[c] != nil, i + 1 < s.count, s[i + 1] == "、", HeadingTokenizer.numerals[s[i - 1]] == nil {
                    marker = true
                } else if c == "（" || c == "(", i + 2 < s.count, HeadingTokenizer.numerals[s[i + 1]] != nil, s[i - 1] != "第" {
                    // `第（六）项` cites an item, it starts none.
                    marker = true
                } else if c == "第", i + 3 < s.count, s[i + 1] == "二", s[i + 2] == "十", s[i + 3] == "条" {
                    // A sub-table's heading `第二十条第（六）项` ends the label before it.
                    marker = true
                } else if TableTokenizer.digit(c), i + 1 < s.count, s[i + 1] == "." || s[i + 1] == "、" || s[i + 1] == "．", !TableTokenizer.digit(s[i - 1]) {
                    marker = true
                }
                if marker {
                    out.append(String(validUTF8: UnsafeBufferPointer(rebasing: bytes[offsets[start]..<offsets[i]])))
                    start = i
                }
                i += 1
            }
            if start < s.count {
                out.append(String(validUTF8: UnsafeBufferPointer(rebasing: bytes[offsets[start]..<offsets[s.count]])))
            }
        }
        return out
    }

    // MARK: values of the assigned rows

    /// What decided a split row's candidates, for its `digits_split` note.
    enum SplitReason {
        /// The row identities.
        case identities
        /// The identities, and full-width and ASCII digits kept in separate cells.
        case widths
        /// Exactly one digit per cell: the print allows no other split.
        case oneDigitPerCell
        /// One full-width number broken over two lines, joined where the identities hold.
        case brokenNumber
    }

    enum RowValues {
        case printed([TableToken])
        case split(run: String, at: Location, DigitSplitter.Outcome, SplitReason = .identities)
        case other([TableToken])
    }

    /// Whether some row of the table prints all its cells as separate clean values: then the
    /// separators are there, and a run of digits is a number, never cells run together.
    static func separated(_ groups: [(slots: Int, tokens: [TableToken])]) -> Bool {
        groups.contains { g in
            g.slots >= 2 && g.tokens.count == g.slots
                && g.tokens.allSatisfy { t in
                    t.kind != .text && !t.isZeroLedRun
                } && g.tokens.contains { $0.kind == .number }
        }
    }

    /// A row's values when its blank cells are marked one by one (``TableToken/marked``) and the
    /// other cells run together between the marks: the runs, and exactly how many blank cells stand
    /// before each run and after the last (`blanks`, one more than the runs). Nil unless the row
    /// holds a mark, and nothing but marks and runs of digits (or `/` marks) with a mark between
    /// any two runs.
    /// Nil too when the marks and runs need more cells than the row's `slots`.
    static func markedPieces(_ tokens: [TableToken], slots: Int) -> (pieces: [[UInt8]], blanks: [Int])? {
        guard tokens.contains(where: \.marked) else { return nil }
        var pieces: [[UInt8]] = []
        var blanks = [0]
        var previousPiece = false
        for t in tokens {
            if t.marked {
                blanks[blanks.count - 1] += 1
                previousPiece = false
                continue
            }
            guard !previousPiece, let piece = t.splitPiece else { return nil }
            pieces.append(piece)
            blanks.append(0)
            previousPiece = true
        }
        guard !pieces.isEmpty, pieces.count + blanks.reduce(0, +) <= slots else { return nil }
        return (pieces, blanks)
    }

    /// The tokens with the blank marks read as the spaces they were printed as: each mark one space
    /// of whitespace before the next token (a soft separator).
    static func unmarked(_ tokens: [TableToken]) -> [TableToken] {
        var out: [TableToken] = []
        var spaces = 0
        for t in tokens {
            if t.marked { spaces += 1; continue }
            var t = t
            if spaces > 0 && !out.isEmpty { t.gap = (t.gap ?? 0) + spaces }
            spaces = 0
            out.append(t)
        }
        return out
    }

    /// Runs of plain digits with exactly one digit per cell of the row.
    static func oneDigitPerCell(_ pieces: [[UInt8]], slots: Int) -> Bool {
        pieces.allSatisfy { $0.allSatisfy { $0 < 10 } } && pieces.reduce(0) { $0 + $1.count } == slots
    }

    func values(_ tokens: [TableToken], slots: Int, runTogether: Bool) -> RowValues {
        if tokens.count == slots && tokens.allSatisfy(Self.clean) { return .printed(tokens) }
        // Blank cells marked one by one: the runs between them hold the other cells, run together.
        if tokens.contains(where: \.marked) {
            guard let marked = Self.markedPieces(tokens, slots: slots) else {
                // More marks than the row has room for: they were spaces after all.
                return values(Self.unmarked(tokens), slots: slots, runTogether: runTogether)
            }
            let run = tokens.filter { !$0.marked }.map(\.text).joined(separator: " ")
            return .split(
                run: run, at: tokens[0].at,
                DigitSplitter.split(pieces: marked.pieces, blanks: marked.blanks, slots: slots, identities: template.rowIdentities, exactBlanks: true))
        }
        let soft = tokens.dropFirst().allSatisfy { $0.gap != nil }
        if runTogether, soft, tokens.contains(where: { $0.kind == .number }), tokens.allSatisfy({ $0.splitPiece != nil }) {
            let pieces = tokens.map { $0.splitPiece! }
            // Whitespace between pieces may stand for blank cells (one per space), never inside a piece.
            var blanks = [0]
            for t in tokens.dropFirst() { blanks.append(t.gap ?? 0) }
            blanks.append(0)
            let run = tokens.map(\.text).joined(separator: " ")
            let outcome = DigitSplitter.split(pieces: pieces, blanks: blanks, slots: slots, identities: template.rowIdentities)
            // Several splits: a cell's digits are of one width, so where the run changes between
            // full-width and ASCII digits (`１２07`) a cell ends, if a split allows it.
            if case .candidates(let c) = outcome, c.count > 1, tokens.contains(where: { $0.widthPieces != nil }) {
                var narrowPieces: [[UInt8]] = []
                var narrowBlanks: [Int] = []
                for (k, t) in tokens.enumerated() {
                    let cut = t.widthPieces ?? [pieces[k]]
                    for (m, p) in cut.enumerated() {
                        narrowBlanks.append(m == 0 ? blanks[k] : 0)
                        narrowPieces.append(p)
                    }
                }
                narrowBlanks.append(blanks[tokens.count])
                let narrow = DigitSplitter.split(pieces: narrowPieces, blanks: narrowBlanks, slots: slots, identities: template.rowIdentities)
                if case .candidates(let n) = narrow, !n.isEmpty, n.count < c.count {
                    return .split(run: run, at: tokens[0].at, narrow, .widths)
                }
            }
            // One digit per cell: the print allows no other split, whether or not its identities
            // hold (a document's own arithmetic error is reported by the checks, not hidden).
            if Self.oneDigitPerCell(pieces, slots: slots) {
                let only = outcome == .candidates([]) ? .candidates([pieces.flatMap { $0.map { Int64($0) } }]) : outcome
                if case .candidates(let c) = only, c.count == 1 { return .split(run: run, at: tokens[0].at, only, .oneDigitPerCell) }
            }
            return .split(run: run, at: tokens[0].at, outcome)
        }
        // One number broken over two lines (full-width digits one per line).
        if let joined = BrokenNumber.candidates(tokens, slots: slots, identities: template.rowIdentities) {
            return .split(run: tokens.map(\.text).joined(separator: " "), at: tokens[0].at, .candidates(joined), .brokenNumber)
        }
        return .other(tokens)
    }

    func resolve(_ assigned: [(row: Int, tokens: [TableToken])], diagnostics: inout [Diagnostic]) -> [LogicalRow] {
        // Cells run together: some run of digits starts with 0 (`0000000`), and no row prints its
        // cells apart.
        let leadingZero = assigned.contains { a in
            a.tokens.contains { $0.isZeroLedRun }
                // one run for a whole row of at least three cells
                || (a.tokens.count == 1 && template.rows[a.row].slots >= 3 && a.tokens[0].isDigitRun && a.tokens[0].text.count >= template.rows[a.row].slots)
        }
        let runTogether = leadingZero && !Self.separated(assigned.map { (template.rows[$0.row].slots, $0.tokens) })
        let resolved = assigned.map { values($0.tokens, slots: template.rows[$0.row].slots, runTogether: runTogether) }
        // Settle the split rows together under the column identities.
        // One solver row per template row, in template order: template row `r` is solver row `r`.
        var solverRows: [DigitTableSolver.Row] = []
        solverRows.reserveCapacity(template.rows.count)
        // The last assigned row of each template row (an array by row: no dictionary grown).
        var byRow = [Int?](repeating: nil, count: template.rows.count)
        for (k, a) in assigned.enumerated() { byRow[a.row] = k }
        // A row of no known values, made once per width and shared by the rows of that width.
        var unknown: [Int64?] = []
        func unknownRow(_ n: Int) -> DigitTableSolver.Row {
            if unknown.count != n { unknown = [Int64?](repeating: nil, count: n) }
            return .known(unknown)
        }
        for r in template.rows.indices {
            let n = template.rows[r].slots
            guard let k = byRow[r] else { solverRows.append(unknownRow(n)); continue }
            switch resolved[k] {
            case .printed(let tokens):
                solverRows.append(
                    .known(
                        tokens.map { t in
                            let v = CellReading.read(t.text).value
                            return (v?.isInteger ?? false) && v!.scale == 0 ? v!.units : nil
                        }))
            case .split(_, _, .candidates(let c), _): solverRows.append(.choices(c.map { $0.map(DigitSplitter.number) }))
            default: solverRows.append(unknownRow(n))
            }
        }
        let columns = template.rows.map(\.slots).max() ?? 0
        let uniform = template.rows.allSatisfy { $0.slots == columns }
        let solved = DigitTableSolver.solve(solverRows, columns: columns, identities: uniform ? template.columnIdentities : [])
        // Rows still unsettled (blank cells lost, several splits): solved with the whole table.
        var settled: [Int: [Int64?]] = [:]
        var unsettled = false
        for (k, a) in assigned.enumerated() {
            switch resolved[k] {
            case .split(_, _, .candidates(let original), _):
                if case .settled(let v) = solved[a.row] {
                    let printed = original.filter { $0.map(DigitSplitter.number) == v }
                    if printed.count == 1 { settled[k] = printed[0]; continue }
                }
                unsettled = true
            case .split(_, _, .tooMany, _): unsettled = true
            case .other(let tokens): if tokens.count < template.rows[a.row].slots { unsettled = true }
            case .printed: break
            }
        }
        let placed = unsettled ? TablePlacer(template: template).place(assigned, resolved, settled: settled) : [:]

        var out: [LogicalRow] = []
        for (k, a) in assigned.enumerated() {
            let label = template.rows[a.row].spec.label
            let name = rowNames[a.row]
            let labelKey = labelKeys[a.row]
            func row(_ values: [PlacedReading], at: Location) -> LogicalRow {
                LogicalRow(labelKeys: [labelKey], label: label, values: values, at: at)
            }
            if let p = placed[k] {
                diagnostics.append(p.diagnostic)
                out.append(row(p.values, at: p.diagnostic.at))
                continue
            }
            switch resolved[k] {
            case .printed(let tokens):
                out.append(row(tokens.map { PlacedReading(reading: CellReading.read($0.text), at: $0.at, column: nil) }, at: tokens.first?.at ?? .none))
            case .other(let tokens):
                // Values in reading order may be another row's: no missing cell is inferred here.
                let n = template.rows[a.row].slots
                if tokens.count == n {
                    out.append(row(tokens.map { PlacedReading(reading: CellReading.read($0.text), at: $0.at, column: nil) }, at: tokens.first?.at ?? .none))
                } else {
                    let printed = tokens.map { $0.text.isEmpty ? "□" : $0.text }.joined(separator: " ")
                    diagnostics.append(
                        Diagnostic(
                            .warning, tokens.count < n ? "row_short" : "row_long",
                            "\(name): \(tokens.count) values for \(n) columns in reading order (\(printed)); they cannot be placed without guessing, left null",
                            at: tokens.first?.at ?? .none))
                }
            case .split(let run, let at, .tooMany, _):
                diagnostics.append(
                    Diagnostic(
                        .error, .rowAmbiguous,
                        "\(name): the digits \"\(run)\" split into \(template.rows[a.row].slots) cells in too many ways; values left null", at: at))
            case .split(let run, let at, .candidates(let original), let reason):
                guard var result = solved[a.row] else { continue }
                // Marks (`/`) went to the solver as blanks: take the printed split back.
                if case .settled(let v) = result {
                    let printed = original.filter { $0.map(DigitSplitter.number) == v }
                    result = printed.count == 1 ? .settled(printed[0]) : .ambiguous(printed)
                }
                switch result {
                case .settled(let v):
                    let show = v.map { $0 == DigitSplitter.markValue ? "/" : ($0.map(String.init) ?? "□") }.joined(separator: " | ")
                    let message: String
                    switch reason {
                    case .brokenNumber:
                        message =
                            "\(name): the \(v.count + 1) values \"\(run)\" are one more than the row's cells: a full-width number was broken over two lines; the only join that satisfies the identities is \(show)"
                    case .oneDigitPerCell:
                        message = "\(name): the run \"\(run)\" has lost its cell separators; it has one digit per cell, the only split its print allows: \(show)"
                    case .widths:
                        message =
                            "\(name): the run \"\(run)\" has lost its cell separators; the only split that satisfies the identities and keeps full-width and ASCII digits in separate cells is \(show)"
                    case .identities:
                        message = "\(name): the run \"\(run)\" has lost its cell separators; the only split that satisfies the identities is \(show)"
                    }
                    diagnostics.append(Diagnostic(.note, .digitsSplit, message, at: at))
                    let marks = assigned[k].tokens.filter { $0.kind == .mark }.map(\.text)
                    var nextMark = 0
                    out.append(
                        row(
                            v.map { x in
                                let reading: CellReading
                                if x == DigitSplitter.markValue {
                                    reading = CellReading(value: nil, kind: .notApplicable, raw: nextMark < marks.count ? marks[nextMark] : "/")
                                    nextMark += 1
                                } else if let x {
                                    reading = CellReading(value: DecimalNumber(units: x), kind: .number, raw: run)
                                } else {
                                    reading = CellReading(value: nil, kind: .empty, raw: "")
                                }
                                return PlacedReading(reading: reading, at: at, column: nil)
                            }, at: at))
                case .ambiguous(let c):
                    let list = c.prefix(4).map { $0.map { $0 == DigitSplitter.markValue ? "/" : ($0.map(String.init) ?? "□") }.joined(separator: " ") }.joined(separator: "; ")
                    diagnostics.append(
                        Diagnostic(
                            .error, .rowAmbiguous,
                            "\(name): the run \"\(run)\" splits into \(c.count) different rows that satisfy the identities (\(list)\(c.count > 4 ? "; …" : "")); values left null", at: at))
                case .impossible:
                    diagnostics.append(
                        Diagnostic(
                            .error, .digitsUnsplittable,
                            "\(name): no split of the run \"\(run)\" into \(template.rows[a.row].slots) cells satisfies the identities; values left null", at: at))
                }
            }
        }
        return out
    }
}
