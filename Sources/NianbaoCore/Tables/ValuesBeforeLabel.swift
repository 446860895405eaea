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
}
