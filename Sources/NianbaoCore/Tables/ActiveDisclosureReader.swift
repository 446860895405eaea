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
        for row in rows {
            let k = TextNormalizer.matchKey(row.text)
            // A word whose bytes the row lacks is not in it (``String/byteMask``): not searched.
            let m = k.byteMask
            // Counted in place (a filtered array per row and generation cost more than the counting).
            for w in ActiveDisclosureLayout.words2021.indices
            where ActiveDisclosureLayout.words2021Masks[w] & ~m == 0 && k.includes(ActiveDisclosureLayout.words2021[w]) {
                score2021 += 1
            }
            for w in ActiveDisclosureLayout.words2019.indices
            where ActiveDisclosureLayout.words2019Masks[w] & ~m == 0 && k.includes(ActiveDisclosureLayout.words2019[w]) {
                score2019 += 1
            }
        }
        if score2021 == 0 && score2019 == 0 { return nil }
        return score2021 >= score2019 ? .g2021 : .g2019
    }

    func read(_ rows: ArraySlice<GridRow>, fallback: Generation, diagnostics: inout [Diagnostic]) -> Result {
        read(logical: RowCollector.collect(rows), detected: Self.generation(of: rows), fallback: fallback, diagnostics: &diagnostics)
    }

    /// Reads the table from logical rows (the grid's, or the token reader's); `detected`: the
    /// generation the header words say.
    func read(logical: [LogicalRow], detected: Generation?, fallback: Generation, diagnostics: inout [Diagnostic]) -> Result {
        var detected = detected
        if detected == nil {
            // No header words: 2019 rows carry three values for 行政许可, 2021 rows one.
            let broad = LabelMatcher(priority: ActiveDisclosureLayout.rows2019.map(\.spec))
            if let lic = logical.first(where: { broad.match($0)?.key == "licensing" }) {
                detected = lic.values.count >= 3 ? .g2019 : .g2021
            }
        }
        let generation = detected ?? (fallback == .g2019 ? .g2019 : .g2021)
        let layout = ActiveDisclosureLayout.rows(generation)
        let matcher = ActiveDisclosureLayout.matcher(generation)
        var state: [String: [SlotValue?]] = [:]
        var found = false
        for row in logical {
            guard let spec = matcher.match(row), let def = layout.first(where: { $0.spec.key == spec.key }) else {
                if row.values.contains(where: { $0.reading.kind == .number }) {
                    diagnostics.append(
                        Diagnostic(
                            .note, .rowUnrecognized,
                            "Table 二: row \"\(row.label)\" is not a row of the \(generation.rawValue) table; ignored", at: row.at))
                }
                continue
            }
            found = true
            if state[spec.key] != nil {
                diagnostics.append(Diagnostic(.warning, .rowDuplicate, "Table 二: second row for \(spec.label); the first one is kept", at: row.at))
                continue
            }
            let filler = RowFiller(slots: def.columns.count, identities: [], canonicalColumns: nil)
            state[spec.key] = filler.fill(row, name: "Table 二 \(spec.label)", judge: { _ in .none }, diagnostics: &diagnostics)
            for v in row.values {
                if let unit = v.reading.unit {
                    diagnostics.append(
                        Diagnostic(
                            .note, .unitInCell,
                            "Table 二 \(spec.label): value \"\(v.reading.raw)\" carries the unit \(unit); the number is kept as printed", at: v.at))
                }
            }
        }
        guard found else { return Result(cells: [], found: false, generation: detected) }
        var cells: [Cell] = []
        for def in layout {
            guard let slots = state[def.spec.key] else {
                diagnostics.append(Diagnostic(.warning, .rowMissing, "Table 二: row \(def.spec.label) not found"))
                continue
            }
            for (c, slot) in slots.enumerated() {
                if let slot { cells.append(slot.cell(key: "active_disclosure.\(def.spec.key).\(def.columns[c])", blankAsZero: blankAsZero)) }
            }
        }
        return Result(cells: cells, found: true, generation: detected ?? generation)
    }
}
