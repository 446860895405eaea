/// Proof-reads table values read by OCR with the identities I1–I4.
///
/// A value is reported when an identity confirms it, or, for the cells no identity covers (Table 二),
/// when OCR is confident of it. A doubtful cell (low confidence, not a number, or ink where OCR read
/// nothing) or a cell a failing identity points at is solved from an identity whose other cells
/// are trusted; the value must be a non-negative count and hold in every other identity it is in:
///   - the solved value is what OCR read: reported as printed;
///   - OCR doubted the cell and read something else: `inferred`, with an `ocr_inferred` diagnostic
///     quoting what OCR read;
///   - OCR was confident and read something else (a misread or the document's own arithmetic:
///     a scan cannot tell) or nothing determines it: left out (null) with an `ocr_doubtful`
///     diagnostic. Never a guessed number.
package struct OCRProofreader: Sendable {
    /// Characters below this confidence make a cell doubtful.
    package var threshold: Double

    package init(threshold: Double = 0.9) {
        self.threshold = threshold
    }

    /// True when some cell was read by OCR.
    package static func applies(to cells: [Cell]) -> Bool {
        cells.contains { $0.at.isScan }
    }

    private struct Identity {
        var id: String
        var terms: [(key: String, sign: Int64)]
    }

    private func identities(_ checks: [Check]) -> [Identity] {
        checks.map { c in
            let signs: [Int64] = c.id.hasPrefix("I1.") ? [1, 1, -1, -1] : [1] + Array(repeating: -1, count: max(0, c.keys.count - 1))
            return Identity(id: c.id, terms: Array(zip(c.keys, signs)).map { (key: $0.0, sign: $0.1) })
        }
    }

    /// `applications.granted.total` → `applications.granted`.
    private static func row(of key: String) -> Substring {
        key.lastIndex(of: ".").map { key[..<$0] } ?? Substring(key)
    }

    private func confidence(_ c: Cell) -> Double? {
        if case .scan(_, _, let k) = c.at { return k }
        return nil
    }

    package func proofread(_ cells: [Cell], diagnostics: inout [Diagnostic]) -> [Cell] {
        var byKey: [String: Int] = [:]
        for (i, c) in cells.enumerated() { byKey[c.key] = i }
        // A ruled cell of a scan without any ink (blank, confidence 1) counts as 0 in the
        // arithmetic: a row of counts with blank cells (`22 | | | | 22`) is proof-read like one
        // with printed zeros. The cell itself stays blank in the output.
        var arithmetic = cells.map { c -> Cell in
            guard c.kind == .empty, c.value == nil, let k = confidence(c), k >= threshold else { return c }
            var zero = c
            zero.value = DecimalNumber(0)
            return zero
        }
        var checks = IdentityChecker().check(arithmetic)
        // A blank total of non-zero parts was not printed: not a 0 (`OCRUnprintedTotals`).
        let blank = Set(cells.indices.filter { cells[$0].value == nil && arithmetic[$0].value != nil }.map { cells[$0].key })
        let unprinted = OCRUnprintedTotals.keys(checks, blank: blank)
        if !unprinted.isEmpty {
            for i in arithmetic.indices where unprinted.contains(arithmetic[i].key) { arithmetic[i].value = nil }
            checks = IdentityChecker().check(arithmetic)
        }
        let ids = identities(checks)
        var doubtful = Set<String>()
        for c in cells {
            // Solved by a reader from the row's other cells, which OCR read: no better than they are.
            if c.kind == .inferred { doubtful.insert(c.key) }
            guard let k = confidence(c) else { continue }
            switch c.kind {
            case .text: doubtful.insert(c.key)
            case .number, .empty, .notApplicable: if k < threshold { doubtful.insert(c.key) }
            case .inferred: break
            }
        }
        var inPassing = Set<String>(), inFailing = Set<String>()
        var twins: [(String, String)] = []
        func isNonZero(_ key: String) -> Bool { byKey[key].flatMap { arithmetic[$0].value }.map { $0 != DecimalNumber(0) } ?? false }
        // A row's own identity holds by construction once a reader solved one of its cells from it:
        // `4 404 0 0 0 1 | 409` adds up once 409 is inferred. It confirms nothing. (A column identity
        // through that cell still does: it was not solved from it.)
        let inferredRows = Set(cells.filter { $0.kind == .inferred }.map { Self.row(of: $0.key) })
        // A row's identity is also no proof when OCR doubted one of its numbers: a row that took
        // another row's values (`0 10 0 0 0 0 | 10` under the row above) adds up as well; only
        // the column identities see such a shift.
        for c in checks where c.status == .pass {
            if let first = c.keys.first, c.keys.allSatisfy({ Self.row(of: $0) == Self.row(of: first) }) {
                if inferredRows.contains(Self.row(of: first)) { continue }
                if c.keys.contains(where: { doubtful.contains($0) && isNonZero($0) }) { continue }
                // `21 0 0 0 0 0 | 21` holds as `x = x`: the two non-zero cells are two prints of
                // one number, and OCR misreads both alike (`2 … | 2` from a faint 1). Such a row
                // vouches for its zeros only. (Letting confident prints confirm each other gave
                // hongze's 150 dpi JPEG scan 21 … | 21 as 2 … | 2 again, both prints confident.)
                let nonZero = c.keys.filter(isNonZero)
                if nonZero.count == 2 {
                    inPassing.formUnion(c.keys.filter { !nonZero.contains($0) })
                    twins.append((nonZero[0], nonZero[1]))
                    continue
                }
            }
            inPassing.formUnion(c.keys)
        }
        for c in checks where c.status == .fail { inFailing.formUnion(c.keys) }
        // …unless another identity confirms one of the two prints (`OCRTwinPrints`).
        inPassing.formUnion(OCRTwinPrints.confirmed(twins, confirmed: inPassing, doubtful: doubtful, failing: inFailing))
        var suspect = doubtful.filter { !(inPassing.contains($0) && !inFailing.contains($0)) }
        // A cell the identities cover is reported only when one of them confirms it: OCR is
        // confident of many a misread, and a misplaced row reads confidently too.
        var covered = Set<String>()
        for c in checks { covered.formUnion(c.keys) }
        for key in covered where !inPassing.contains(key) {
            if let i = byKey[key], cells[i].kind == .number { suspect.insert(key) }
        }
        for c in checks where c.status == .fail {
            // One cell that no passing identity vouches for explains the failure; otherwise every cell is in doubt.
            let unexplained = c.keys.filter { !inPassing.contains($0) && byKey[$0] != nil }
            if unexplained.count == 1 { suspect.insert(unexplained[0]) } else { suspect.formUnion(c.keys.filter { byKey[$0] != nil }) }
        }
        // Only cells read by OCR are judged here; text-layer cells keep their printed values.
        suspect = suspect.filter { byKey[$0].map { confidence(cells[$0]) != nil || cells[$0].kind == .inferred } ?? false }
        guard !suspect.isEmpty else { return cells }

        func known(_ key: String, _ solved: [String: DecimalNumber]) -> DecimalNumber? {
            if let v = solved[key] { return v }
            guard !suspect.contains(key), let i = byKey[key] else { return nil }
            return arithmetic[i].value
        }
        var solved: [String: DecimalNumber] = [:]
        var via: [String: String] = [:]
        var progress = true
        while progress {
            progress = false
            for identity in ids {
                let open = identity.terms.filter { suspect.contains($0.key) && solved[$0.key] == nil }
                guard open.count == 1 else { continue }
                let target = open[0]
                var sum = DecimalNumber(0)
                var complete = true
                for t in identity.terms where t.key != target.key {
                    guard let v = known(t.key, solved) else { complete = false; break }
                    sum = t.sign > 0 ? sum + v : sum - v
                }
                guard complete else { continue }
                // sign·x + sum = 0
                let value = target.sign > 0 ? DecimalNumber(0) - sum : sum
                guard !value.isNegative else { continue }
                var trial = solved
                trial[target.key] = value
                let consistent = ids.allSatisfy { other in
                    guard other.terms.contains(where: { $0.key == target.key }) else { return true }
                    var total = DecimalNumber(0)
                    for t in other.terms {
                        guard let v = known(t.key, trial) else { return true }  // not assessable yet
                        total = t.sign > 0 ? total + v : total - v
                    }
                    return total == DecimalNumber(0)
                }
                guard consistent else { continue }
                solved[target.key] = value
                via[target.key] = identity.id
                progress = true
            }
        }

        var out: [Cell] = []
        for c in cells {
            guard suspect.contains(c.key) else { out.append(c); continue }
            let read = c.raw.flatMap { $0.isEmpty ? nil : "\"\($0)\"" } ?? "nothing"
            let conf = confidence(c).map { " (confidence \(Int(($0 * 100).rounded()))%)" } ?? ""
            if let v = solved[c.key] {
                if let printed = c.value, printed == v {
                    out.append(c)
                } else if doubtful.contains(c.key) {
                    var inferred = c
                    inferred.value = v
                    inferred.raw = nil
                    inferred.kind = .inferred
                    out.append(inferred)
                    diagnostics.append(
                        Diagnostic(
                            .warning, .ocrInferred,
                            "\(c.key): OCR read \(read)\(conf); \(via[c.key] ?? "the identities") determine \(v)", at: c.at))
                } else {
                    diagnostics.append(
                        Diagnostic(
                            .warning, .ocrDoubtful,
                            "\(c.key): OCR read \(read)\(conf) but \(via[c.key] ?? "the identities") give \(v): a misread or the document's own arithmetic; left null", at: c.at))
                }
            } else {
                diagnostics.append(
                    Diagnostic(
                        .warning, .ocrDoubtful,
                        "\(c.key): OCR read \(read)\(conf) and no identity confirms or determines it; left null", at: c.at))
            }
        }
        return out
    }
}
