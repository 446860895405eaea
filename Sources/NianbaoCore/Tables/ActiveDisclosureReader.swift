/// Reads Table 二 from the rows of its region into cells keyed `active_disclosure.<row>.<column>`,
/// detecting the generation from the header words.
struct ActiveDisclosureReader: Sendable {
    struct Result: Sendable {
        var cells: [Cell]
        var found: Bool
        /// The generation the table's header says, if it says one.
        var generation: Generation?
    }

    var blankAsZero: Bool

    static func generation(of rows: ArraySlice<GridRow>) -> Generation? {
        var score2021 = 0, score2019 = 0
        // The words and masks read once (each static access checks its lazy initialization).
        let words2021 = ActiveDisclosureLayout.words2021, masks2021 = ActiveDisclosureLayout.words2021Masks
        let words2019 = ActiveDisclosureLayout.words2019, masks2019 = ActiveDisclosureLayout.words2019Masks
        // By index: a row bound in a `for … in` loop is a copy (its text and cells retained and released).
        for r in rows.indices {
            // Most rows (values, labels) can hold no header word: not normalized (``holdsNoHeaderWord(_:)``).
            if holdsNoHeaderWord(rows[r].text) { continue }
            let k = TextNormalizer.matchKey(rows[r].text)
            // A word whose bytes the row lacks is not in it (``String/byteMask``): not searched.
            let m = k.byteMask
            // Counted in place (a filtered array per row and generation cost more than the counting).
            for w in words2021.indices where masks2021[w] & ~m == 0 && k.includes(words2021[w]) {
                score2021 += 1
            }
            for w in words2019.indices where masks2019[w] & ~m == 0 && k.includes(words2019[w]) {
                score2019 += 1
            }
        }
        if score2021 == 0 && score2019 == 0 { return nil }
        return score2021 >= score2019 ? .g2021 : .g2019
    }

    /// True when the match key of `text` holds none of the header words, told from the text's own
    /// bytes without making the key. The words are CJK ideographs (U+4E00–9FFF). When every
    /// scalar of the text is one ``TextNormalizer/matchKey(_:)`` folds without NFKC
    /// (``TextNormalizer/isFastPath(_:)``) and none is a radical (the fast path's only fold into an
    /// ideograph), the key's ideographs are the text's: a word found in the key has every byte
    /// of its mask among the bytes of the text's ideographs. False (not known) otherwise.
    static func holdsNoHeaderWord(_ text: String) -> Bool {
        guard ActiveDisclosureLayout.headerWordsAreIdeographs else { return false }
        return text.utf8.withContiguousStorageIfAvailable { b -> Bool in
            var mask: UInt64 = 0
            var i = 0
            while i < b.count {
                let lead = b[i]
                if lead < 0x80 { i += 1; continue }
                // E5–E9 lead U+5000–9FFF, all ideographs: their three bytes without decoding.
                if lead >= 0xE5 && lead <= 0xE9 && i + 2 < b.count {
                    mask |= 1 &<< UInt64(lead & 63) | 1 &<< UInt64(b[i + 1] & 63) | 1 &<< UInt64(b[i + 2] & 63)
                    i += 3
                    continue
                }
                let (v, next) = b.scalar(at: i)
                if v >= 0x4E00 && v <= 0x9FFF {
                    for j in i..<next { mask |= 1 &<< UInt64(b[j] & 63) }
                } else if !TextNormalizer.isFastPath(v) || (v >= RadicalTable.first && v <= RadicalTable.last) {
                    return false
                }
                i = next
            }
            for m in ActiveDisclosureLayout.headerWordMasks where m & ~mask == 0 { return false }
            return true
        } ?? false
    }

    func read(_ rows: ArraySlice<GridRow>, fallback: Generation, diagnostics: inout [Diagnostic]) -> Result {
        read(logical: RowCollector.collect(rows), detected: Self.generation(of: rows), fallback: fallback, diagnostics: &diagnostics)
    }

    /// Reads the table from logical rows (the grid's, or the token reader's); `detected`: the
    /// generation the header words say.
    /// A complete row's readings are moved into its slots (``RowFiller/fill(taking:at:name:judge:diagnostics:)``):
    /// the rows are the reader's own, read no more once filled.
    func read(logical: consuming [LogicalRow], detected: Generation?, fallback: Generation, diagnostics: inout [Diagnostic]) -> Result {
        var detected = detected
        if detected == nil {
            // No header words: 2019 rows carry three values for 行政许可, 2021 rows one.
            let broad = ActiveDisclosureLayout.broadMatcher
            if let lic = logical.firstIndex(where: { broad.matchIndex($0) == ActiveDisclosureLayout.broadLicensing }) {
                detected = logical[lic].values.count >= 3 ? .g2019 : .g2021
            }
        }
        let generation = detected ?? (fallback == .g2019 ? .g2019 : .g2021)
        // Rows by index into the generation's plan (made once): no dictionary keyed by row key,
        // no matcher built and no flat keys spelled out per reading.
        let plan = ActiveDisclosureLayout.plan(generation)
        var state = [[SlotValue?]?](repeating: nil, count: plan.rows.count)
        var found = false
        // The rows borrowed through a buffer, by index: binding each row copied it (a retain and a
        // release of each of its arrays and strings).
        logical.withUnsafeMutableBufferPointer { rows in
            for i in rows.indices {
                guard let m = plan.matcher.matchIndex(UnsafeBufferPointer(rows), i) else {
                    if RowCollector.holds(rows[i].values, { $0 == .number }) {
                        diagnostics.append(
                            Diagnostic(
                                .note, .rowUnrecognized,
                                "Table 二: row \"\(rows[i].label)\" is not a row of the \(generation.rawValue) table; ignored", at: rows[i].at))
                    }
                    continue
                }
                let r = plan.rowOfSpec[m]
                found = true
                if state[r] != nil {
                    diagnostics.append(
                        Diagnostic(.warning, .rowDuplicate, "Table 二: second row for \(plan.rows[r].spec.label); the first one is kept", at: rows[i].at))
                    continue
                }
                // Said after the row's own diagnostics, made before its readings are moved into its slots.
                var unitNotes: [Diagnostic] = []
                for v in rows[i].values.indices {
                    if let unit = rows[i].values[v].reading.unit {
                        let value = rows[i].values[v]
                        unitNotes.append(
                            Diagnostic(
                                .note, .unitInCell,
                                "Table 二 \(plan.rows[r].spec.label): value \"\(value.reading.raw)\" carries the unit \(unit); the number is kept as printed",
                                at: value.at))
                    }
                }
                let filler = RowFiller(slots: plan.rows[r].columns.count, identities: [], canonicalColumns: nil)
                state[r] = filler.fill(
                    taking: &rows[i].values, at: rows[i].at, name: "Table 二 \(plan.rows[r].spec.label)", judge: { _ in .none }, diagnostics: &diagnostics)
                if !unitNotes.isEmpty { diagnostics += unitNotes }
            }
        }
        guard found else { return Result(cells: [], found: false, generation: detected) }
        let cells = SlotValue.cells(
            &state, rows: plan.rows.indices, keys: plan.cellKeys, table: "Table 二", label: { plan.rows[$0].spec.label }, blankAsZero: blankAsZero,
            diagnostics: &diagnostics)
        return Result(cells: cells, found: true, generation: detected ?? generation)
    }
}
