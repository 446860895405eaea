/// One value slot of a table row once placed: printed, or inferred from the identities.
enum SlotValue: Sendable {
    case printed(CellReading, Location)
    case inferred(DecimalNumber, Location)

    var number: DecimalNumber? {
        switch self {
        case .printed(let r, _): return r.value
        case .inferred(let v, _): return v
        }
    }

    func cell(key: String, blankAsZero: Bool) -> Cell {
        switch self {
        case .printed(let r, let at):
            let value = (blankAsZero && r.kind == .empty) ? DecimalNumber(0) : r.value
            return Cell(key: key, value: value, raw: r.raw, kind: r.kind, at: at)
        case .inferred(let v, let at):
            return Cell(key: key, value: v, raw: nil, kind: .inferred, at: at)
        }
    }
}

/// Fills the slots of one row from its logical row, solving a single missing cell from the row's
/// identities when that is possible without guessing. Shared by the three table readers.
struct RowFiller {
    var slots: Int
    var identities: [RowIdentity]
    var canonicalColumns: [Int]?
    var centers: [Double]? = nil

    /// Returns the filled slots (nil entries: unknown), plus diagnostics.
    func fill(
        _ row: LogicalRow, name: @autoclosure () -> String, judge: ([DecimalNumber]) -> ColumnVerdicts,
        diagnostics: inout [Diagnostic]
    ) -> [SlotValue?] {
        // Only diagnostics show it: made when one is written.
        func printedText() -> String { row.values.map { $0.reading.raw.isEmpty ? "□" : $0.reading.raw }.joined(separator: " ") }
        // A complete row (the common case): RowPlacement.place keeps its values as they are, no
        // cell is missing and nothing is said; the values are the slots, without the arrays between.
        if row.values.count == slots {
            // By index through a buffer: `map` copied each reading whole to take two fields.
            var out: [SlotValue?] = []
            out.reserveCapacity(slots)
            row.values.withUnsafeBufferPointer { values in
                for i in values.indices { out.append(.printed(values[i].reading, values[i].at)) }
            }
            return out
        }
        if let placed = RowPlacement.place(row.values, slots: slots, canonicalColumns: canonicalColumns, centers: centers) {
            var out: [SlotValue?] = placed.map { $0.map { .printed($0.reading, $0.at) } }
            let missing = out.indices.filter { out[$0] == nil }
            if missing.count == 1 {
                let printed = placed.compactMap { $0?.reading.value }
                if printed.count == slots - 1 {
                    switch MissingCellSolver.solve(printed: printed, slots: slots, allowedGaps: missing, identities: identities, judge: judge) {
                    case .filled(let values, let gap, _, let overlooked):
                        out[gap] = .inferred(values[gap], row.at)
                        diagnostics.append(
                            Diagnostic(
                                .warning, .cellInferred,
                                "\(name()): column \(gap + 1) is missing from the source; inferred \(values[gap]) from the identities\(Self.overlookedNote(overlooked))",
                                at: row.at))
                        return out
                    default: break
                    }
                }
            }
            if !missing.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .warning, .cellMissing,
                        "\(name()): \(missing.count) cell(s) missing from the source (columns \(missing.map { String($0 + 1) }.joined(separator: ", "))); left null", at: row.at))
            }
            return out
        }
        if row.values.count > slots {
            diagnostics.append(
                Diagnostic(
                    .error, .rowLong,
                    "\(name()): \(row.values.count) values for \(slots) columns (\(printedText())); values left null", at: row.at))
            return Array(repeating: nil, count: slots)
        }
        // Short row, positions unknown: only a single missing cell can be solved.
        let numbers = row.values.compactMap { $0.reading.value }
        if row.values.count == slots - 1 && numbers.count == row.values.count {
            switch MissingCellSolver.solve(printed: numbers, slots: slots, identities: identities, judge: judge) {
            case .filled(let values, let gap, let positions, let overlooked):
                var out: [SlotValue?] = []
                var k = 0
                for s in 0..<slots {
                    if s == gap { out.append(.inferred(values[s], row.at)) } else { out.append(.printed(row.values[k].reading, row.values[k].at)); k += 1 }
                }
                let where_ =
                    positions > 1
                    ? "the missing cell could be at \(positions) positions, all giving the same values; marked column \(gap + 1) as inferred"
                    : "the missing cell is column \(gap + 1)"
                diagnostics.append(
                    Diagnostic(
                        .warning, .cellInferred,
                        "\(name()): \(row.values.count) values for \(slots) columns (\(printedText())); \(where_); inferred \(values[gap]) from the identities\(Self.overlookedNote(overlooked))",
                        at: row.at))
                return out
            case .ambiguous(let n):
                diagnostics.append(
                    Diagnostic(
                        .error, .rowShort,
                        "\(name()): \(row.values.count) values for \(slots) columns (\(printedText())); \(n) different placements fit the identities, values left null", at: row.at))
            case .impossible:
                diagnostics.append(
                    Diagnostic(
                        .error, .rowShort,
                        "\(name()): \(row.values.count) values for \(slots) columns (\(printedText())); no placement fits the identities, values left null", at: row.at))
            }
        } else {
            diagnostics.append(
                Diagnostic(
                    .error, .rowShort,
                    "\(name()): \(row.values.count) values for \(slots) columns (\(printedText())); cannot tell which cells are missing, values left null", at: row.at))
        }
        return Array(repeating: nil, count: slots)
    }

    /// Says which column identities were set aside in placing a missing cell (``MissingCellSolver``).
    static func overlookedNote(_ columns: [Int]) -> String {
        guard !columns.isEmpty else { return "" }
        let list = columns.map { String($0 + 1) }.joined(separator: ", ")
        return " (the identity of column \(list) fails whichever cell is missing, so it did not place it; the column of the missing cell adds up with it)"
    }
}
