/// Text that OCR made of a ruled table reads the ruling before a cell as `1` glued to the cell's
/// digits (`|75` as `175`, `|0` as `10`). On such text (``OCRDoubt``), a failed row identity
/// (I3, I4) whose cells include numbers printed with a leading `1` is tried with those `1`s taken
/// off, in every combination. The cells are changed only when exactly one combination makes the
/// row identity hold, no check that passed fails afterwards, and every changed cell is confirmed
/// by a second identity (a column check that passes with it): then they are reported with
/// `kind: "inferred"` and an `ocr_inferred` diagnostic quoting what OCR read. Otherwise nothing
/// changes (``OCRDoubt`` leaves the cells of the failed check null).
enum OCRPipeDigits {
    /// At most this many cells of one row are tried (2ⁿ combinations).
    static let maxCandidates = 5
    static let maxRounds = 4

    static func correct(_ cells: [Cell], diagnostics: inout [Diagnostic]) -> [Cell] {
        var cells = cells
        var index: [String: Int] = [:]
        for (i, c) in cells.enumerated() where index[c.key] == nil { index[c.key] = i }
        var checks = IdentityChecker().check(cells)
        // A row corrected may let a column identity confirm another row: repeat while rows change.
        var progress = true
        var rounds = 0
        while progress && rounds < maxRounds {
            progress = false
            rounds += 1
            let rowChecks = checks.filter { $0.status == .fail && ($0.id.hasPrefix("I3.") || $0.id.hasPrefix("I4.")) }
            for failed in rowChecks {
                let candidates = failed.keys.compactMap { index[$0] }.filter { stripped(cells[$0]) != nil }
                guard !candidates.isEmpty, candidates.count <= maxCandidates else { continue }
                let passing = Set(checks.filter { $0.status == .pass }.map(\.id))
                var found: (cells: [Cell], changed: [Int], checks: [Check])? = nil
                var ambiguous = false
                for mask in 1..<(1 << candidates.count) {
                    var trial = cells
                    var changed: [Int] = []
                    for (b, i) in candidates.enumerated() where mask & (1 << b) != 0 {
                        trial[i] = stripped(cells[i])!
                        changed.append(i)
                    }
                    let after = IdentityChecker().check(trial)
                    guard after.contains(where: { $0.id == failed.id && $0.status == .pass }),
                        !after.contains(where: { $0.status == .fail && passing.contains($0.id) })
                    else { continue }
                    if let f = found {
                        if changed.map({ trial[$0].value }) != f.changed.map({ f.cells[$0].value }) || changed != f.changed { ambiguous = true; break }
                    } else {
                        found = (trial, changed, after)
                    }
                }
                guard !ambiguous, let f = found else { continue }
                // Every changed cell must be confirmed by a second identity that passes with it.
                let confirmed = f.changed.allSatisfy { i in
                    f.checks.contains { $0.id != failed.id && $0.status == .pass && $0.keys.contains(cells[i].key) }
                }
                guard confirmed else { continue }
                for i in f.changed {
                    diagnostics.append(
                        Diagnostic(
                            .warning, .ocrInferred,
                            "\(cells[i].key): OCR read \"\(cells[i].raw ?? "")\"; a table ruling read as 1 before \(f.cells[i].value.map { "\($0)" } ?? "?"); \(failed.id) and a column identity hold only with the 1 taken off",
                            at: cells[i].at))
                }
                cells = f.cells
                checks = f.checks
                progress = true
            }
        }
        return cells
    }

    /// The cell with a leading `1` taken off its printed digits (`175` → 75, `10` → 0), as an
    /// inferred cell; nil when the cell is not a printed run of two or more ASCII digits starting
    /// with 1 that reads as its value.
    static func stripped(_ c: Cell) -> Cell? {
        guard c.kind == .number, let raw = c.raw, raw.utf8.count >= 2, raw.utf8.first == 0x31,
            raw.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let v = c.value, v.description == raw
        else { return nil }
        let rest = raw.dropFirst()
        guard !(rest.count > 1 && rest.hasPrefix("0")), let units = Int64(rest) else { return nil }
        var out = c
        out.value = DecimalNumber(units: units)
        out.raw = nil
        out.kind = .inferred
        return out
    }
}
