/// Chooses, per table, between the grid reader and the token reader. The grid reading is kept when
/// it is complete (every cell of the template read) and its identities hold; only then is the token
/// reader not tried. Otherwise the token reading wins when it reads more cells with no more failed
/// checks (or as many cells with fewer failed checks), and a `table_reader` note says so; the
/// losing reading's diagnostics are dropped with it.
///
/// A document's own arithmetic errors fail checks in any reading, so more failed checks alone do
/// not keep a poorer reading: the token reading also wins when it reads more cells, every check
/// that passes on the grid's reading still passes on it, and its failed checks are few beside its
/// passing ones (at most one in ``maxFailShare``). A misplaced reading breaks the identities
/// wholesale (a row's values under another row fail every column they touch), a printed error
/// breaks one or two; the failed checks stay in the output and flag their cells.
///
/// On text OCR made (``OCRDoubt``) the readings are compared as they will be reported: without
/// the cells of their failed checks, which ``OCRDoubt`` leaves null afterwards.
struct TableReaderChoice {
    var blankAsZero: Bool
    /// The region is text that OCR made (a `|` glued to digits): see ``OCRDoubt``.
    var ocrText = false

    private func score(_ cells: [Cell]) -> Score {
        guard ocrText else { return Score(cells) }
        var ignored: [Diagnostic] = []
        return Score(OCRDoubt.dropDoubtful(cells, diagnostics: &ignored))
    }

    /// The token reading may carry one failed check per this many assessed checks.
    static let maxFailShare = 5

    struct Score {
        var known: Int
        var fails: Int
        /// The passing checks' ids, as a set of their numbers (``IdentityTally/passed``): two
        /// readings' are compared without hashing an id.
        var passed: IdentityTally.IDs

        init(_ cells: [Cell]) {
            known = Self.known(cells)
            let tally = IdentityChecker().tally(cells)
            fails = tally.fails
            passed = tally.passed
        }

        static func known(_ cells: [Cell]) -> Int {
            cells.reduce(0) { $0 + (($1.value != nil || $1.kind == .empty || $1.kind == .notApplicable) ? 1 : 0) }
        }

        /// The grid's reading is kept without trying the tokens: complete, identities holding.
        static func complete(_ cells: [Cell], expected: Int) -> Bool {
            known(cells) >= expected && IdentityChecker().tally(cells).fails == 0
        }

        func beaten(by other: Score) -> Bool {
            if (other.known > known && other.fails <= fails) || (other.known == known && other.fails < fails) { return true }
            // Nothing read by the grid, one failed check beside at least two passing (Table 四's
            // three identities, one of them printed wrong): the document's error, not a misreading.
            let otherPassed = other.passed
            if known == 0 && other.known > 0 && other.fails == 1 && otherPassed.count >= 2 { return true }
            // More cells, nothing the grid confirmed broken, failed checks a small share (the document's own errors).
            return other.known > known && passed.isSubset(of: otherPassed)
                && other.fails * TableReaderChoice.maxFailShare <= otherPassed.count + other.fails
        }
    }

    /// The token readers of the tables' templates, made once per process: a reader makes its
    /// label matcher (the keywords' byte masks) when it is made, and the templates depend on
    /// nothing but the generation (``TableTemplate/activeDisclosure(_:)`` reads the 2019 rows for
    /// `.g2019` and the 2021 rows otherwise) or the form of （六）.
    static let activeDisclosureTokens2019 = TokenTableReader(template: .activeDisclosure(.g2019))
    static let activeDisclosureTokens2021 = TokenTableReader(template: .activeDisclosure(.g2021))
    static let applicationsTokens = TokenTableReader(template: .applications(singleOther: false))
    static let applicationsTokensSingleOther = TokenTableReader(template: .applications(singleOther: true))
    static let reviewLitigationTokens = TokenTableReader(template: .reviewLitigation())

    /// A table region this large is not a table (a huge cell, a page of filler): the token reader
    /// is not tried on it.
    static let maxRegionBytes = 256 << 10

    static func small(_ rows: ArraySlice<GridRow>) -> Bool {
        var bytes = 0
        for r in rows { bytes += r.text.utf8.count; if bytes > maxRegionBytes { return false } }
        return true
    }

    private func note(_ name: String, grid: Score, tokens: Score, expected: Int) -> Diagnostic {
        Diagnostic(
            .note, .tableReader,
            "\(name): read from the token stream (\(tokens.known) of \(expected) cells, \(tokens.fails) failed checks) rather than the grid (\(grid.known) cells, \(grid.fails) failed checks)")
    }

    func activeDisclosure(_ rows: ArraySlice<GridRow>, fallback: Generation, diagnostics: inout [Diagnostic]) -> ActiveDisclosureReader.Result {
        let reader = ActiveDisclosureReader(blankAsZero: blankAsZero)
        var gridDiagnostics: [Diagnostic] = []
        // The header's generation found once, for the grid's reading and the token reader's
        // (``ActiveDisclosureReader/read(_:fallback:diagnostics:)`` finds it so).
        let detected = ActiveDisclosureReader.generation(of: rows)
        let grid = reader.read(logical: RowCollector.collect(rows), detected: detected, fallback: fallback, diagnostics: &gridDiagnostics)
        let quickGeneration = grid.generation ?? (fallback == .g2019 ? .g2019 : .g2021)
        let quickExpected = ActiveDisclosureLayout.plan(quickGeneration).expected
        if rows.isEmpty || !Self.small(rows) || (grid.generation != nil && Score.complete(grid.cells, expected: quickExpected)) {
            diagnostics += gridDiagnostics
            return grid
        }
        let generation = grid.generation ?? detected ?? (fallback == .g2019 ? .g2019 : .g2021)
        let tokenReader = generation == .g2019 ? Self.activeDisclosureTokens2019 : Self.activeDisclosureTokens2021
        let expected = tokenReader.template.rows.reduce(0) { $0 + $1.slots }
        var tableDiagnostics: [Diagnostic] = []
        var chosen = choose(
            "Table 二", expected: expected, grid: grid, gridDiagnostics: gridDiagnostics, cells: \.cells, found: \.found,
            tokens: { tokenDiagnostics in
                let logical = tokenReader.read(rows, diagnostics: &tokenDiagnostics)
                return reader.read(logical: logical, detected: detected ?? generation, fallback: fallback, diagnostics: &tokenDiagnostics)
            }, diagnostics: &tableDiagnostics)
        // Sub-tables whose values were printed under their column headers apart from the row labels.
        if chosen.found, Score.known(chosen.cells) < expected, let g = chosen.generation ?? detected, g == .g2019 || g == .g2021 {
            var detachedDiagnostics: [Diagnostic] = []
            if let placed = DetachedSubTables.activeDisclosure(rows, reading: chosen.cells, generation: g, diagnostics: &detachedDiagnostics),
                Score.known(placed.cells) > Score.known(chosen.cells)
            {
                chosen.cells = placed.cells
                let labels = placed.rows.map { "Table 二: row \($0.label) not found" }
                // The header blocks' lines were no unknown or second rows after all.
                tableDiagnostics =
                    tableDiagnostics.filter {
                        !($0.code == .rowMissing && labels.contains($0.message))
                            && !([.rowUnrecognized, .rowDuplicate, .valuesUnplaced].contains($0.code) && placed.lines.contains($0.at))
                    } + detachedDiagnostics
            }
        }
        diagnostics += tableDiagnostics
        return chosen
    }

    func applications(_ rows: ArraySlice<GridRow>, diagnostics: inout [Diagnostic]) -> ApplicationsReader.Result {
        let reader = ApplicationsReader(blankAsZero: blankAsZero)
        var gridDiagnostics: [Diagnostic] = []
        let grid = reader.read(rows, diagnostics: &gridDiagnostics)
        // No rows: the grid's reading (nothing found) is what `choose` would keep (`keepGrid`).
        if rows.isEmpty || !Self.small(rows) {
            diagnostics += gridDiagnostics
            return grid
        }
        // Complete with its identities holding (``Score/complete(_:expected:)``), told from the
        // grid's score, which `choose` then takes as it is (it scores the same cells the same way
        // unless the text is OCR's).
        var gridScore: Score? = nil
        if let split = grid.splitOther {
            let plain = Score(grid.cells)
            if plain.known >= (split ? 25 : 24) * ApplicationsLayout.columns.count && plain.fails == 0 {
                diagnostics += gridDiagnostics
                return grid
            }
            if !ocrText { gridScore = plain }
        }
        let singleOther: Bool
        if let split = grid.splitOther {
            singleOther = !split
        } else {
            let words = rows.contains { r in
                let k = TextNormalizer.matchKey(r.text)
                return k.includes("不补正") || k.includes("收费通知") || k.includes("缴纳费用")
            }
            singleOther = !words && rows.contains { TextNormalizer.matchKey($0.text).includes("其他处理") }
        }
        let template = TableTemplate.applications(singleOther: singleOther)
        let expected = template.rows.count * ApplicationsLayout.columns.count
        var tableDiagnostics: [Diagnostic] = []
        var chosen = choose(
            "Table 三", expected: expected, grid: grid, gridDiagnostics: gridDiagnostics, gridScore: gridScore, cells: \.cells, found: \.found,
            keepGrid: rows.isEmpty,
            tokens: { tokenDiagnostics in
                let tokenReader = singleOther ? Self.applicationsTokensSingleOther : Self.applicationsTokens
                let logical = tokenReader.read(rows, diagnostics: &tokenDiagnostics)
                return reader.read(logical: logical, diagnostics: &tokenDiagnostics)
            }, diagnostics: &tableDiagnostics)
        // OCR text: rows left incomplete or failing are read again with rulings read as digits taken out.
        if ocrText, chosen.found {
            var ocrDiagnostics: [Diagnostic] = []
            if let reread = OCRTextRows.applications(rows, reading: chosen.cells, template: template, diagnostics: &ocrDiagnostics),
                score(chosen.cells).beaten(by: score(reread.cells))
            {
                chosen.cells = reread.cells
                tableDiagnostics = tableDiagnostics.filter { !OCRTextRows.superseded($0, rows: reread.rows) } + ocrDiagnostics
            }
        }
        // Rows left open whose value lines were printed apart from their labels (OCR of a borderless table).
        if chosen.found, Score.known(chosen.cells) < expected {
            var detachedDiagnostics: [Diagnostic] = []
            if let filled = DetachedValueRows.applications(rows, reading: chosen.cells, template: template, diagnostics: &detachedDiagnostics),
                score(chosen.cells).beaten(by: score(filled.cells))
            {
                chosen.cells = filled.cells
                tableDiagnostics =
                    tableDiagnostics.filter {
                        !OCRTextRows.superseded($0, rows: filled.rows) && !($0.code == .rowUnrecognized && filled.lines.contains($0.at))
                    } + detachedDiagnostics
            }
        }
        diagnostics += tableDiagnostics
        return chosen
    }

    func reviewLitigation(_ rows: ArraySlice<GridRow>, diagnostics: inout [Diagnostic]) -> (cells: [Cell], found: Bool) {
        let reader = ReviewLitigationReader(blankAsZero: blankAsZero)
        var gridDiagnostics: [Diagnostic] = []
        let grid = reader.read(rows, diagnostics: &gridDiagnostics)
        let expected = ReviewLitigationLayout.keys.count
        var tableDiagnostics: [Diagnostic] = []
        var chosen = choose(
            "Table 四", expected: expected, grid: grid, gridDiagnostics: gridDiagnostics, cells: \.cells, found: \.found,
            keepGrid: rows.isEmpty || !Self.small(rows),
            tokens: { tokenDiagnostics in
                let logical = Self.reviewLitigationTokens.read(rows, diagnostics: &tokenDiagnostics)
                return reader.read(logical: logical, diagnostics: &tokenDiagnostics)
            }, diagnostics: &tableDiagnostics)
        // OCR text: the row read again with rulings read as digits taken out, where one reading holds.
        if ocrText, chosen.found, OCRReviewRow.open(chosen.cells) {
            var ocrDiagnostics: [Diagnostic] = []
            if let cells = OCRReviewRow.read(rows, diagnostics: &ocrDiagnostics) {
                chosen.cells = cells
                tableDiagnostics = tableDiagnostics.filter { !($0.message.hasPrefix("Table 四") && [.rowShort, .rowLong, .cellMissing].contains($0.code)) }
            }
            tableDiagnostics += ocrDiagnostics
        }
        diagnostics += tableDiagnostics
        return chosen
    }

    /// The grid reading when it is complete without a failed check (or `keepGrid`); otherwise the
    /// token reading when it finds the table and beats the grid's score, with a `table_reader` note.
    /// `gridScore`: the grid's ``score(_:)`` when the caller has it already.
    /// The chosen reading's diagnostics are kept, the other's dropped.
    private func choose<Reading>(
        _ name: String, expected: Int, grid: Reading, gridDiagnostics: [Diagnostic], gridScore known: Score? = nil, cells: (Reading) -> [Cell],
        found: (Reading) -> Bool, keepGrid: Bool = false, tokens read: (inout [Diagnostic]) -> Reading, diagnostics: inout [Diagnostic]
    ) -> Reading {
        let gridScore = known ?? score(cells(grid))
        if gridScore.known >= expected && gridScore.fails == 0 || keepGrid {
            diagnostics += gridDiagnostics
            return grid
        }
        var tokenDiagnostics: [Diagnostic] = []
        let tokens = read(&tokenDiagnostics)
        let tokenScore = score(cells(tokens))
        if found(tokens) && gridScore.beaten(by: tokenScore) {
            diagnostics += tokenDiagnostics
            diagnostics.append(note(name, grid: gridScore, tokens: tokenScore, expected: expected))
            return tokens
        }
        diagnostics += gridDiagnostics
        return grid
    }
}
