/// One value slot of a table row once placed: printed, or inferred from the identities.
///
/// A struct, not an enum of the two cases: an optional slot of the two-case enum with payloads
/// was destroyed through the runtime's multi-payload enum witnesses. This one's optional is
/// still destroyed through its type's witnesses, for less (measured in Table 三's reader: 24K →
/// 18K instructions a report).
struct SlotValue: Sendable {
    /// The printed reading; for an inferred slot, a reading of kind `.inferred` holding the value
    /// (its text is not used).
    private(set) var reading: CellReading
    private(set) var at: Location
    /// Inferred from the identities, not printed.
    private(set) var isInferred: Bool

    /// A printed value, read as `reading`, at `at`.
    /// (Consuming, as the enum case it stands for took its payload.)
    static func printed(_ reading: consuming CellReading, _ at: Location) -> SlotValue {
        SlotValue(reading: consume reading, at: at, isInferred: false)
    }

    /// A value missing from the source, solved from the identities; `at`: the row's place.
    static func inferred(_ value: DecimalNumber, _ at: Location) -> SlotValue {
        SlotValue(reading: CellReading(value: value, kind: .inferred, raw: ""), at: at, isInferred: true)
    }

    var number: DecimalNumber? { reading.value }

    /// The slot as the cell of `key`, its printed text moved into the cell: the slot keeps an empty
    /// text (the readers make each slot's cell once, at the end, and read the slot no more).
    /// Mutating in place, not consuming the slot: taken out of its array and consumed, the slot
    /// was destroyed whole through the generic witnesses of its Optional after its text was
    /// retained, and the cell built twice, copied and released (a reading's text moved here is
    /// neither retained nor released).
    mutating func takeCell(key: String, blankAsZero: Bool) -> Cell {
        var raw: String? = nil
        if !isInferred {
            var text = ""
            swap(&text, &reading.raw)
            raw = text
        }
        let value = (!isInferred && blankAsZero && reading.kind == .empty) ? DecimalNumber(0) : reading.value
        return Cell(key: key, value: value, raw: raw, kind: isInferred ? .inferred : reading.kind, at: at)
    }

    /// The cells of the table's `rows` (indices into `state`, in the order the cells are written),
    /// each row's slots moved out of `state` (read no more) and their cells written in the array's
    /// memory by ``writeCells(_:keys:blankAsZero:to:count:)`` (`keys`: the cells' keys by row and
    /// column). A row never filled is said missing: `"<table>: row <label> not found"`.
    static func cells(
        _ state: inout [[SlotValue?]?], rows: some Collection<Int>, keys: [[String]], table: String, label: (Int) -> String, blankAsZero: Bool,
        diagnostics: inout [Diagnostic]
    ) -> [Cell] {
        let capacity = rows.reduce(0) { $0 + (state[$1]?.count ?? 0) }
        return [Cell](unsafeUninitializedCapacity: capacity) { out, count in
            for r in rows {
                guard var slots = state[r].take() else {
                    diagnostics.append(Diagnostic(.warning, .rowMissing, "\(table): row \(label(r)) not found"))
                    continue
                }
                writeCells(&slots, keys: keys[r], blankAsZero: blankAsZero, to: out, count: &count)
            }
        }
    }

    /// Writes the cells of a row's slots that are not nil, in column order (`keys`: the cells'
    /// keys by column), at `out[count...]`, each made by ``takeCell(key:blankAsZero:)``, and counts
    /// them in `count`. Written in place: appended to an array, each cell was built twice, one
    /// copy copied into the array through the type's witnesses and the other released.
    @inline(__always)
    static func writeCells(_ slots: inout [SlotValue?], keys: [String], blankAsZero: Bool, to out: UnsafeMutableBufferPointer<Cell>, count: inout Int) {
        for c in slots.indices where slots[c] != nil {
            precondition(count < out.count)
            (out.baseAddress! + count).initialize(to: slots[c]!.takeCell(key: keys[c], blankAsZero: blankAsZero))
            count += 1
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
        fill(values: row.values, at: row.at, name: name(), judge: judge, diagnostics: &diagnostics)
    }

    /// ``fill(_:name:judge:diagnostics:)`` of a row with these values, at `at`: a row read through
    /// a buffer is passed by these two fields (passed whole, it was copied: a retain and a
    /// release of each of its five arrays and strings).
    func fill(
        values rowValues: [PlacedReading], at: Location, name: @autoclosure () -> String, judge: ([DecimalNumber]) -> ColumnVerdicts,
        diagnostics: inout [Diagnostic]
    ) -> [SlotValue?] {
        // Only diagnostics show it: made when one is written.
        func printedText() -> String { rowValues.map { $0.reading.raw.isEmpty ? "□" : $0.reading.raw }.joined(separator: " ") }
        // A complete row (the common case): RowPlacement.place keeps its values as they are, no
        // cell is missing and nothing is said; the values are the slots, without the arrays between.
        if rowValues.count == slots {
            // By index through a buffer, each reading and place loaded from its field: `map`, and
            // then `values[i]`, copied each placed reading whole to take two fields. (Written in
            // an array made by `Array(unsafeUninitializedCapacity:)`, tried, the slots cost more:
            // that array is made by unspecialized code, twice the cost of `reserveCapacity`.)
            // The offsets written in place: the compiler folds them into constants (kept in a
            // `static let`, each was read through a lazy initialization check per value).
            var out: [SlotValue?] = []
            out.reserveCapacity(slots)
            rowValues.withUnsafeBufferPointer { values in
                guard let base = values.baseAddress else { return }
                for i in values.indices {
                    let value = UnsafeRawPointer(base + i)
                    out.append(
                        .printed(
                            value.load(fromByteOffset: MemoryLayout<PlacedReading>.offset(of: \PlacedReading.reading)!, as: CellReading.self),
                            value.load(fromByteOffset: MemoryLayout<PlacedReading>.offset(of: \PlacedReading.at)!, as: Location.self)))
                }
            }
            return out
        }
        if let placed = RowPlacement.place(rowValues, slots: slots, canonicalColumns: canonicalColumns, centers: centers) {
            var out: [SlotValue?] = placed.map { $0.map { .printed($0.reading, $0.at) } }
            let missing = out.indices.filter { out[$0] == nil }
            if missing.count == 1 {
                let printed = placed.compactMap { $0?.reading.value }
                if printed.count == slots - 1 {
                    switch MissingCellSolver.solve(printed: printed, slots: slots, allowedGaps: missing, identities: identities, judge: judge) {
                    case .filled(let values, let gap, _, let overlooked):
                        out[gap] = .inferred(values[gap], at)
                        diagnostics.append(
                            Diagnostic(
                                .warning, .cellInferred,
                                "\(name()): column \(gap + 1) is missing from the source; inferred \(values[gap]) from the identities\(Self.overlookedNote(overlooked))",
                                at: at))
                        return out
                    default: break
                    }
                }
            }
            if !missing.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .warning, .cellMissing,
                        "\(name()): \(missing.count) cell(s) missing from the source (columns \(missing.map { String($0 + 1) }.joined(separator: ", "))); left null", at: at))
            }
            return out
        }
        if rowValues.count > slots {
            diagnostics.append(
                Diagnostic(
                    .error, .rowLong,
                    "\(name()): \(rowValues.count) values for \(slots) columns (\(printedText())); values left null", at: at))
            return Array(repeating: nil, count: slots)
        }
        // Short row, positions unknown: only a single missing cell can be solved.
        let numbers = rowValues.compactMap { $0.reading.value }
        if rowValues.count == slots - 1 && numbers.count == rowValues.count {
            switch MissingCellSolver.solve(printed: numbers, slots: slots, identities: identities, judge: judge) {
            case .filled(let values, let gap, let positions, let overlooked):
                var out: [SlotValue?] = []
                var k = 0
                for s in 0..<slots {
                    if s == gap { out.append(.inferred(values[s], at)) } else { out.append(.printed(rowValues[k].reading, rowValues[k].at)); k += 1 }
                }
                let where_ =
                    positions > 1
                    ? "the missing cell could be at \(positions) positions, all giving the same values; marked column \(gap + 1) as inferred"
                    : "the missing cell is column \(gap + 1)"
                diagnostics.append(
                    Diagnostic(
                        .warning, .cellInferred,
                        "\(name()): \(rowValues.count) values for \(slots) columns (\(printedText())); \(where_); inferred \(values[gap]) from the identities\(Self.overlookedNote(overlooked))",
                        at: at))
                return out
            case .ambiguous(let n):
                diagnostics.append(
                    Diagnostic(
                        .error, .rowShort,
                        "\(name()): \(rowValues.count) values for \(slots) columns (\(printedText())); \(n) different placements fit the identities, values left null", at: at))
            case .impossible:
                diagnostics.append(
                    Diagnostic(
                        .error, .rowShort,
                        "\(name()): \(rowValues.count) values for \(slots) columns (\(printedText())); no placement fits the identities, values left null", at: at))
            }
        } else {
            diagnostics.append(
                Diagnostic(
                    .error, .rowShort,
                    "\(name()): \(rowValues.count) values for \(slots) columns (\(printedText())); cannot tell which cells are missing, values left null", at: at))
        }
        return Array(repeating: nil, count: slots)
    }

    /// ``fill(values:at:name:judge:diagnostics:)`` of values the caller reads no more: a complete
    /// row's readings are moved into its slots, their texts and units taken out of `rowValues`
    /// (left empty), not copied (a retain of each value's text, and its release when the row was
    /// freed, per cell of the table). So are those of a longer row that blank cells beyond the
    /// columns at its ends make complete (``RowPlacement/blankTrimmed(_:slots:)``: `（七）总计`
    /// after a spanned label column, a row ending in a tab), which
    /// ``RowPlacement/place(_:slots:canonicalColumns:centers:)`` places as they stand, nothing
    /// said (placed, they were copied into three arrays on the way). Other rows are filled from
    /// the values as they are.
    func fill(
        taking rowValues: inout [PlacedReading], at: Location, name: @autoclosure () -> String, judge: ([DecimalNumber]) -> ColumnVerdicts,
        diagnostics: inout [Diagnostic]
    ) -> [SlotValue?] {
        let kept = rowValues.count > slots ? RowPlacement.blankTrimmed(rowValues, slots: slots) : rowValues.indices
        guard kept.count == slots else { return fill(values: rowValues, at: at, name: name(), judge: judge, diagnostics: &diagnostics) }
        var out: [SlotValue?] = []
        out.reserveCapacity(slots)
        rowValues.withUnsafeMutableBufferPointer { values in
            for i in kept { out.append(.printed(values[i].reading.take(), values[i].at)) }
        }
        return out
    }

    /// Says which column identities were set aside in placing a missing cell (``MissingCellSolver``).
    static func overlookedNote(_ columns: [Int]) -> String {
        guard !columns.isEmpty else { return "" }
        let list = columns.map { String($0 + 1) }.joined(separator: ", ")
        return " (the identity of column \(list) fails whichever cell is missing, so it did not place it; the column of the missing cell adds up with it)"
    }
}
