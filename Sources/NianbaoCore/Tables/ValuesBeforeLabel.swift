/// The values of a row printed before its label, right after the values of the row above it
/// (PDF reading order across a page break: the row's numbers end one page, or start the next,
/// and its label comes after later rows), so the row above took them all.
///
/// A row holding more values than its cells gives the values beyond its own to the next template
/// row only when that row got no values of its own, its label is printed somewhere in the region
/// (the row exists, out of place), and every value is a separate clean value (hard boundaries: a
/// line, a cell; no text): its own values first, in printed order, then exactly the next row's
/// cells, or one value more where a number was broken over two lines (``BrokenNumber``, settled
/// by the identities). Anything else stays as it was (the long row is left null).
enum ValuesBeforeLabel {
    static func spill(
        _ assigned: inout [(row: Int, tokens: [TableToken])], template: TableTemplate, named: Set<Int>, diagnostics: inout [Diagnostic]
    ) {
        var k = 0
        while k < assigned.count {
            defer { k += 1 }
            let (row, tokens) = assigned[k]
            let own = template.rows[row].slots
            let next = row + 1
            guard tokens.count > own, next < template.rows.count, named.contains(next), !assigned.contains(where: { $0.row == next }),
                tokens.allSatisfy({ $0.gap == nil && !$0.marked && $0.kind != .text && TokenTableReader.clean($0) })
            else { continue }
            let rest = Array(tokens[own...])
            let slots = template.rows[next].slots
            guard rest.count == slots || BrokenNumber.candidates(rest, slots: slots, identities: template.rowIdentities) != nil else { continue }
            // The cut must be certain: no number broken over two lines among the row's own values
            // or across the cut (it would move the cut), and the row identities that can be
            // assessed hold on both sides.
            guard !Self.mayBreak(tokens[..<(own + 1)]), Self.holds(Array(tokens[..<own]), template), rest.count != slots || Self.holds(rest, template)
            else { continue }
            assigned[k].tokens = Array(tokens[..<own])
            assigned.insert((next, rest), at: k + 1)
            diagnostics.append(
                Diagnostic(
                    .note, .valuesBeforeLabel,
                    "\(template.name): the \(rest.count) values after the \(own) of \(template.rows[row].spec.label) are the next row's, \(template.rows[next].spec.label), whose label is printed elsewhere in the table (reading order across a page break)",
                    at: rest[0].at))
            k += 1
        }
    }

    /// Whether two neighbouring values may be one full-width number broken over two lines.
    static func mayBreak(_ tokens: ArraySlice<TableToken>) -> Bool {
        zip(tokens, tokens.dropFirst()).contains { a, b in BrokenNumber.mayJoin(a, b) }
    }

    /// Whether every row identity whose cells are all printed numbers holds on `tokens`, one per cell.
    static func holds(_ tokens: [TableToken], _ template: TableTemplate) -> Bool {
        let v: [Int64?] = tokens.map { t in
            guard t.kind == .number, let x = CellReading.read(t.text).value, x.isInteger, x.scale == 0 else { return nil }
            return x.units
        }
        return template.rowIdentities.allSatisfy { $0.holds(on: v) ?? true }
    }
}
