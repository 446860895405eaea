/// Groups the rows of a table region into logical rows: label cells followed by trailing value cells.
/// A row without values lends its label to the next row that has values (wrapped labels, labels
/// whose numbers sit on the next line).
enum RowCollector {
    static func collect(_ rows: ArraySlice<GridRow>) -> [LogicalRow] {
        // Room for a table's rows (a huge region's grow past it).
        var out: [LogicalRow] = []
        out.reserveCapacity(min(rows.count, 64))
        // The keys of the label-only rows above, of which the last 12 are kept: cut down to
        // them when twice as many pile up and when a row takes them (cut at every label-only row
        // of a long run, the keys were moved down and one released each time).
        var pendingKeys: [String] = []
        // The label-only rows above, joined only when a row of values without a label of its own
        // takes their label (rarely): the row, its label cells' count and its cut last cell. The
        // last 6 are kept, cut down as the keys.
        var pendingLabels: [(row: Int, end: Int, last: String?)] = []
        // One buffer for every row's readings, reused until a row takes it (then emptied, it makes
        // a new one of its capacity). Room made for Table 三's seven values at once: grown from
        // nothing, it was made anew three or four times in a table's first rows.
        var readings: [PlacedReading] = []
        readings.reserveCapacity(8)
        // The keys of a row of values, in a buffer of the loop's until the row takes it (then
        // emptied, it makes a new one of its capacity).
        var rowKeys: [String] = []
        // By index, the cells read through a buffer: binding a row or a cell copied it (a retain
        // and a release of each text, tens of thousands per report).
        for r in rows.indices {
            let cells = rows[r].cells
            var labelEnd = cells.count
            // Walk from the right while cells are values (collected right to left, then reversed:
            // inserting at the front was quadratic in a row of 200,000 cells).
            // One flat buffer, each cell's readings appended in reverse (a cell of one value, the
            // common case, makes no array of its own), reversed once at the end.
            // (Emptied only when it holds readings: emptying an empty one still cost a call.)
            if !readings.isEmpty { readings.removeAll(keepingCapacity: true) }
            // Only a scan's rows (three cells or more) can hold misread values: no row is passed otherwise.
            let misread = cells.count > 2 ? misreadValueCells(cells) : []
            // The label's last cell with trailing values cut off (`splitTrailingValues`), if any.
            var lastLabel: String? = nil
            // The match key of the label's last cell, when reading the cell made it.
            var labelKey: String? = nil
            // The label's last cell's text (cell `labelEnd - 1`'s when `labelEnd > 0`), kept from
            // the walk: loaded again for the tests below and its key, it was retained and released
            // each time.
            var labelText = ""
            // Whether `labelText` holds a space, tested once in the walk (tested again for the
            // trailing values below, the text was searched twice).
            var labelSpaced = false
            cells.withUnsafeBufferPointer { cells in
                while labelEnd > 0 {
                    // A value OCR could not read (`92? l`, `I0`, `《`) leaves its column empty: the row
                    // keeps its other values (the cell is then missing, solved by the identities or null)
                    // instead of turning into a label-only row.
                    if !misread.isEmpty && misread.contains(labelEnd - 1) {
                        labelEnd -= 1
                        continue
                    }
                    let text = cellText(cells, labelEnd - 1)
                    // A plain ASCII number (most value cells): ``CellReading/plainNumber(_:)``'s
                    // reading made in the placed reading (out of an Optional it was copied, and
                    // the copy released).
                    if let number = text.utf8.withContiguousStorageIfAvailable({ CellReading.parseNumber($0) }) ?? nil {
                        append(number, .number, text, nil, cells, labelEnd - 1, to: &readings)
                        labelEnd -= 1
                        continue
                    }
                    // ``CellReading/read(_:matchKey:)``'s meaning of the text (no plain number: not
                    // parsed again), its reading built only when it is a value (``append(_:_:_:_:_:_:to:)``).
                    var key: String? = nil
                    let meaning = CellReading.meaning(ofNoPlainNumber: text, matchKey: &key)
                    if meaning.kind != .text {
                        append(meaning.value, meaning.kind, text, meaning.unit, cells, labelEnd - 1, to: &readings)
                        labelEnd -= 1
                        continue
                    }
                    // (A text without a space is no run of values: the test made here. The
                    // text and place passed, not the cell: it was copied into the call.)
                    let spaced = text.includesByte(0x20)
                    if spaced, let split = splitRun(text, at: cellPlace(cells, labelEnd - 1)) {
                        readings.append(contentsOf: split.reversed())
                        labelEnd -= 1
                    } else {
                        labelKey = key
                        labelText = text
                        labelSpaced = spaced
                        break
                    }
                }
                // In place on the buffer (Array.reverse made each swap check the buffer's uniqueness).
                readings.withUnsafeMutableBufferPointer { $0.reverse() }
                // A label printed one space away from its numbers: "2．申请人…申请 0 0 0 0 0 0 0".
                // (``splitTrailingValues(_:at:)``'s own first test made here. The text and place
                // passed, not the cell: it was copied into the call.)
                if labelEnd > 0, (cells.baseAddress! + (labelEnd - 1)).pointee.column == nil, labelSpaced,
                    let (label, values) = splitTrailingValues(labelText, at: cellPlace(cells, labelEnd - 1))
                {
                    lastLabel = label
                    readings.insert(contentsOf: values, at: 0)
                }
            }
            let hasNumber = holds(readings) { $0.isNumberOrMark }
            // An all-blank row counts when the reader knows its cells (HTML/PDF tables) or when tabs
            // delimit at least five blank cells (a data row printed empty); otherwise it is label text.
            let labelOnly = readings.isEmpty || (!hasNumber && rows[r].table == nil && readings.count < 5)
            if labelOnly {
                // The keys go straight to the pending keys (made into an array of the row's, they
                // were copied there and released with it). A sub-table's heading row: the labels
                // above it are not the next values' labels (a heading row that also holds a row's
                // label keeps it: `信息内容 … 行政许可`); its keys are made up to the heading's.
                var heading = false
                var made = false
                labelKeys(cells, end: labelEnd, last: lastLabel, key: &labelKey, text: labelText) { k in
                    if isSubTableHeading(k) {
                        heading = true
                        return false
                    }
                    // Room made for the keys kept (12) and a row's when the first is appended:
                    // appended one by one into an empty array, they grew it two or three times
                    // (a long run of label-only rows grows it once more).
                    if pendingKeys.isEmpty { pendingKeys.reserveCapacity(16) }
                    pendingKeys.append(k)
                    made = true
                    return true
                }
                if heading {
                    pendingKeys.removeAll()
                    while !pendingLabels.isEmpty { pendingLabels.removeLast() }
                } else if made {
                    pendingLabels.append((r, labelEnd, lastLabel))
                    if pendingKeys.count > 24 { pendingKeys.removeFirst(pendingKeys.count - 12) }
                    if pendingLabels.count > 12 { pendingLabels.removeFirst(pendingLabels.count - 6) }
                }
                continue
            }
            // The row's own keys, into the loop's buffer (empty here: a row that takes it leaves
            // it emptied).
            labelKeys(cells, end: labelEnd, last: lastLabel, key: &labelKey, text: labelText) { k in
                rowKeys.append(k)
                return true
            }
            // The label is joined when read (``PrintedLabel``): this row's own, or when it is
            // empty the labels the rows above lend it. The keys of the rows above, this row's
            // pending key and the row before's following key, are joined when read too (most
            // never are). (`labelText` is cell `labelEnd - 1`'s text when `labelEnd > 0`.)
            let ownLabelIsEmpty = PrintedLabel.isEmpty(end: labelEnd, last: lastLabel, lastText: labelText)
            if pendingKeys.count > 12 { pendingKeys.removeFirst(pendingKeys.count - 12) }
            if !out.isEmpty, !rowKeys.isEmpty { out[out.count - 1].followingKeyParts = pendingKeys }
            // The row takes the buffer of its pending keys, moved (given as a copy, it was
            // retained, and released when the pending keys were emptied for the next row).
            out.append(
                LogicalRow(
                    labelKeys: rowKeys,
                    pendingPieces: moved(&pendingKeys),
                    printedLabel: ownLabelIsEmpty
                        ? PrintedLabel(lentBy: pendingLabels.suffix(6).map { PrintedLabel(cells: rows[$0.row].cells, end: $0.end, last: $0.last) })
                        : PrintedLabel(cells: cells, end: labelEnd, last: lastLabel),
                    values: readings,
                    at: rows[r].at))
            // Emptied (a new buffer of its capacity: the row holds this one) only when it holds
            // keys. (The row's keys and values are copies: moved, they left the loop's buffers
            // without one, and making a new one by `reserveCapacity` cost more than the retain
            // and release it saved.)
            if !rowKeys.isEmpty { rowKeys.removeAll(keepingCapacity: true) }
            // Its buffer kept (the array is never shared), its few labels removed from the end
            // (`removeAll(keepingCapacity:)` went through `replaceSubrange`, some 400
            // instructions a call).
            while !pendingLabels.isEmpty { pendingLabels.removeLast() }
        }
        if pendingKeys.count > 12 { pendingKeys.removeFirst(pendingKeys.count - 12) }
        if !out.isEmpty { out[out.count - 1].followingKeyParts = pendingKeys }
        return out
    }

    /// The match keys of a row's label cells (its first `end` cells), in order, the empty ones
    /// left out, each handed to `take` as it is made (owned: appended, it is moved, not copied)
    /// until `take` returns false. The last cell's is its cut text's (`last`), else the key its
    /// reading made (`key`, taken), else its text's (`text`). (A function of its own, not one
    /// nested in the row loop: the loop's variables it read were checked for exclusive access
    /// at run time, each time.)
    @inline(__always)
    private static func labelKeys(
        _ cells: [GridCell], end: Int, last: String?, key: inout String?, text: String, _ take: (consuming String) -> Bool
    ) {
        guard end > 0 else { return }
        let more = cells.withUnsafeBufferPointer { cells in
            for i in 0..<(end - 1) {
                let k = TextNormalizer.matchKey(cellText(cells, i))
                if !k.isEmpty, !take(k) { return false }
            }
            return true
        }
        guard more else { return }
        let k: String
        if let last { k = TextNormalizer.matchKey(last) } else { k = key.take() ?? TextNormalizer.matchKey(text) }
        if !k.isEmpty { _ = take(k) }
    }

    /// `array`, moved out: it is left empty, without a buffer, and its buffer is handed on without
    /// a retain.
    @inline(__always)
    private static func moved<T>(_ array: inout [T]) -> [T] {
        var taken: [T] = []
        swap(&taken, &array)
        return taken
    }

    /// Whether a reading of `values` is of a kind `test` accepts, as
    /// `values.contains { test($0.reading.kind) }`: by index through the buffer (`contains(where:)`
    /// copied each reading it looked at: a retain and a release of its strings, through the
    /// type's witnesses).
    @inline(__always)
    static func holds(_ values: [PlacedReading], _ test: (Cell.Kind) -> Bool) -> Bool {
        values.withUnsafeBufferPointer { b in b.indices.contains { test(b[$0].reading.kind) } }
    }

    /// The texts of the first `end` cells joined with spaces, the last one's replaced by `last`
    /// when given: as `labelCells.map(\.text).joined(separator: " ")`.
    static func joinedLabel(_ cells: [GridCell], end: Int, last: String?) -> String {
        cells.withUnsafeBufferPointer { joinedLabel($0, end: end, last: last) }
    }

    /// ``joinedLabel(_:end:last:)`` on the cells' buffer.
    private static func joinedLabel(_ cells: UnsafeBufferPointer<GridCell>, end: Int, last: String?) -> String {
        func text(_ i: Int) -> String {
            if i == end - 1, let last { return last }
            return cellText(cells, i)
        }
        guard end > 1 else { return end == 1 ? text(0) : "" }
        return joined(count: end, separator: " ", text)
    }

    /// `cells[i].text`, loaded from the field's place: reading the field through the buffer copied
    /// the whole cell (its location too) and released the rest, tens of thousands of times a report.
    @inline(__always)
    static func cellText(_ cells: UnsafeBufferPointer<GridCell>, _ i: Int) -> String {
        precondition(i >= 0 && i < cells.count)
        // The offset written here, not kept in a `static let`: the compiler folds it into a
        // constant, where the stored one was read through a lazy initialization check per cell.
        return UnsafeRawPointer(cells.baseAddress! + i).load(fromByteOffset: MemoryLayout<GridCell>.offset(of: \GridCell.text)!, as: String.self)
    }

    /// `cells[i].at`, read through the cell's pointer (the cell is not copied to read it).
    @inline(__always)
    private static func cellPlace(_ cells: UnsafeBufferPointer<GridCell>, _ i: Int) -> Location {
        precondition(i >= 0 && i < cells.count)
        return (cells.baseAddress! + i).pointee.at
    }

    /// Appends cell `i`'s reading (`value`, `kind`, the printed `raw` and `unit`: what
    /// ``CellReading/read(_:)`` reads it as) to `readings`, placed at the cell (its place's fields
    /// read through the cell's pointer: the cell is not copied to read them). Given the
    /// reading's parts, built here once: a reading made before the test of its kind was copied
    /// for the placed reading and released.
    @inline(__always)
    private static func append(
        _ value: DecimalNumber?, _ kind: Cell.Kind, _ raw: __owned String, _ unit: __owned String?, _ cells: UnsafeBufferPointer<GridCell>, _ i: Int,
        to readings: inout [PlacedReading]
    ) {
        precondition(i >= 0 && i < cells.count)
        let cell = cells.baseAddress! + i
        readings.append(
            PlacedReading(
                reading: CellReading(value: value, kind: kind, raw: raw, unit: unit), at: cell.pointee.at, column: cell.pointee.column,
                x: cell.pointee.centerX))
    }

    /// `parts.joined(separator:)`: no or one part is no joining (the same String); more are
    /// copied into one string made at its size (the library's `joined(separator:)` is generic
    /// code, not specialized here: some 2,700 instructions a call).
    @inline(__always)
    static func joined(_ parts: [String], separator: String = "") -> String {
        switch parts.count {
        case 0: return ""
        case 1: return parts[0]
        default: return joined(count: parts.count, separator: separator) { parts[$0] }
        }
    }

    /// `part(0) … part(count - 1)` joined with `separator`: their UTF-8 bytes copied one after
    /// another into a buffer of their size, made into one string. (`String.append` of each part,
    /// tried, cost more: each append checks the string's storage and grows it.) Whole Strings'
    /// bytes one after another are valid UTF-8 by construction: the string is made without
    /// validating them again (`String(unsafeUninitializedCapacity:)` validated them).
    @inline(__always)
    private static func joined(count: Int, separator: String, _ part: (Int) -> String) -> String {
        var separator = separator
        var bytes = separator.utf8.count * (count - 1)
        for i in 0..<count { bytes += part(i).utf8.count }
        guard bytes > 0 else { return "" }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes) { out in
            var n = 0
            func copy(_ text: inout String) {
                text.withUTF8 { b in
                    guard b.count > 0, let base = b.baseAddress else { return }
                    out.baseAddress!.advanced(by: n).initialize(from: base, count: b.count)
                    n += b.count
                }
            }
            for i in 0..<count {
                if i > 0 { copy(&separator) }
                var t = part(i)
                copy(&t)
            }
            return String(validUTF8: UnsafeBufferPointer(rebasing: out[..<n]))
        }
    }

    /// The heading rows of Table 二's sub-tables: `第二十条第（五）项` and the column header row
    /// `信息内容 | 上一年项目数量 | …`.
    /// A heading that also names a row (`信息内容上一年项目数量…行政许可`, lines joined) is not one.
    static func isSubTableHeading(_ key: String) -> Bool {
        guard key.includes("第二十条") || startsWithHeadingWord(key) else { return false }
        // The matcher tries only the specs whose keyword bytes the key holds.
        return !activeDisclosureRows.matchesAny(key)
    }

    /// `key.hasPrefix("信息内容")`, decided on the bytes when they start with the word's and the
    /// byte after them ends the key, is ASCII or leads a scalar U+4000–U+9FFF: then the word's
    /// fourth character ends there (no such scalar extends a grapheme) and the Character test
    /// would agree. Otherwise the Character test decides.
    static func startsWithHeadingWord(_ key: String) -> Bool {
        let byBytes = key.utf8.withContiguousStorageIfAvailable { b -> Bool? in
            let p = headingWordBytes
            guard b.count >= p.count else { return false }
            for j in 0..<p.count where b[j] != p[j] { return false }
            if b.count == p.count { return true }
            let next = b[p.count]
            if next < 0x80 || (next >= 0xE4 && next <= 0xE9) { return true }
            return nil
        }
        if let byBytes, let decided = byBytes { return decided }
        return key.startsWithBytes("信息内容") && key.hasPrefix("信息内容")
    }

    /// The UTF-8 bytes of `信息内容`.
    private static let headingWordBytes: [UInt8] = Array("信息内容".utf8)

    private static let activeDisclosureRows = LabelMatcher(priority: (ActiveDisclosureLayout.rows(.g2019) + ActiveDisclosureLayout.rows(.g2021)).map(\.spec))

    /// Cells of a scanned ruled row, right of its first value cell, that OCR made into text that is
    /// no number and no label (no more than one Chinese character), or into two numbers: misread
    /// values.
    /// (Of a row's cells: the row is not copied into the call.)
    static func misreadValueCells(_ cells: [GridCell]) -> Set<Int> {
        // By index: `contains(where:)` copied every cell of every row to look at two fields.
        guard cells.count > 2 else { return [] }
        var scanned = false
        for i in cells.indices where cells[i].at.isScan && cells[i].column != nil {
            scanned = true
            break
        }
        guard scanned else { return [] }
        // The first value: a row without a label (Table 四's) starts with one.
        guard let first = cells.indices.first(where: { splitValues(cells[$0]) != nil }) else { return [] }
        var out = Set<Int>()
        for i in (first + 1)..<cells.count where cells[i].column != nil {
            if let values = splitValues(cells[i]) {
                // Two numbers in one ruled cell (`21 0`: a speck read as a digit) is no reading of it.
                if values.count >= 2 && cells[i].at.isScan { out.insert(i) }
                continue
            }
            let scalars = cells[i].text.unicodeScalars.filter { !$0.properties.isWhitespace }
            let chinese = scalars.filter { (0x3400...0x9FFF).contains($0.value) }.count
            if chinese <= 1 && scalars.count <= 10 { out.insert(i) }
        }
        return out
    }

    /// Splits "label 0 0 0" (a cell's `text`, at `at`) into the label and its trailing number readings.
    static func splitTrailingValues(_ text: String, at: Location) -> (String, [PlacedReading])? {
        guard text.includesByte(0x20) else { return nil }  // one part: nothing to split
        // The last part (after the last space, before any trailing spaces) read first: when it
        // starts with a CJK letter it is a label, and no value trails (prose is not split).
        let lastIsLabel = text.utf8.withContiguousStorageIfAvailable { b -> Bool in
            var end = b.count
            while end > 0 && b[end - 1] == 0x20 { end -= 1 }
            guard end > 0 else { return false }
            var start = end
            while start > 0 && b[start - 1] != 0x20 { start -= 1 }
            return CellReading.isLabelByFirstScalar(b, at: start)
        }
        if lastIsLabel == true { return nil }
        if let onBytes = text.utf8.withContiguousStorageIfAvailable({ splitTrailingValuesOnBytes($0, at: at) }), let decided = onBytes {
            return decided
        }
        return splitTrailingValues(characters: text, at: at)
    }

    /// ``splitTrailingValues(_:at:)`` cut at the text's Characters `" "` (`split(separator:)`: a
    /// space a combining mark extends is no separator), the label its parts before the values
    /// joined with one space.
    static func splitTrailingValues(characters text: String, at: Location) -> (String, [PlacedReading])? {
        let parts = text.split(separator: " ")
        guard parts.count >= 2 else { return nil }
        var end = parts.count
        var values: [PlacedReading] = []
        while end > 1 {
            let r = CellReading.read(String(parts[end - 1]))
            guard r.isNumberOrMark else { break }
            values.append(PlacedReading(reading: r, at: at, column: nil))
            end -= 1
        }
        guard !values.isEmpty else { return nil }
        values.reverse()
        return (parts[0..<end].joined(separator: " "), values)
    }

    /// ``splitTrailingValues(_:at:)`` cut at the space bytes of the text's UTF-8 `b` when every
    /// space byte is a Character `" "` of its own (``spacesStandAlone(_:)``), else nil (not
    /// known): the parts of `split(separator: " ")` are then the runs of other bytes. Read from
    /// the right, part by part (no array of the parts made, no Character walk), the first part
    /// never a value; the label is the parts left joined with one space
    /// (``spaceJoinedParts(_:)``).
    static func splitTrailingValuesOnBytes(_ b: UnsafeBufferPointer<UInt8>, at: Location) -> (String, [PlacedReading])?? {
        guard spacesStandAlone(b) else { return .none }
        var values: [PlacedReading] = []
        // The end of the part read next; where the walk stops, the end of the label's last part.
        var hi = b.count
        while hi > 0 && b[hi - 1] == 0x20 { hi -= 1 }
        while hi > 0 {
            var lo = hi
            while lo > 0 && b[lo - 1] != 0x20 { lo -= 1 }
            // The end of the part before: none (only spaces before it) when this part is the first.
            var before = lo
            while before > 0 && b[before - 1] == 0x20 { before -= 1 }
            if before == 0 { break }
            let r = CellReading.read(String(validUTF8: UnsafeBufferPointer(rebasing: b[lo..<hi])))
            guard r.isNumberOrMark else { break }
            values.append(PlacedReading(reading: r, at: at, column: nil))
            hi = before
        }
        guard !values.isEmpty else { return .some(nil) }
        values.reverse()
        return .some((spaceJoinedParts(UnsafeBufferPointer(rebasing: b[..<hi])), values))
    }

    /// Whether each scalar of the UTF-8 bytes `b` is one that joins no space into a Character:
    /// ASCII (CR LF, the one Character of two ASCII scalars, holds no space), the CJK unified
    /// ideographs U+4E00–U+9FFF, the CJK symbols U+3000–U+3029 (`、`, `。`, the brackets; not the
    /// tone marks after them, which extend the Character before), the punctuation U+2010–U+2027
    /// (dashes, quotes, `…`) and the full-width forms U+FF01–U+FF5E (`（`, `．`, `：`). None of them
    /// extends the Character before it or is prepended to the one after it, so every space byte
    /// among them is a Character of its own.
    private static func spacesStandAlone(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            if b[i] < 0x80 {
                i += 1
                continue
            }
            let (v, next) = b.scalar(at: i)
            guard (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3000 && v <= 0x3029) || (v >= 0x2010 && v <= 0x2027) || (v >= 0xFF01 && v <= 0xFF5E) else {
                return false
            }
            i = next
        }
        return true
    }

    /// The runs of bytes other than spaces in `b` (each space a Character of its own) joined with
    /// one space, as `split(separator: " ").joined(separator: " ")`: the bytes as they are when no
    /// space leads, ends them or follows another.
    private static func spaceJoinedParts(_ b: UnsafeBufferPointer<UInt8>) -> String {
        var plain = b.first != 0x20 && b.last != 0x20
        var i = 1
        while plain && i < b.count {
            if b[i] == 0x20 && b[i - 1] == 0x20 { plain = false }
            i += 1
        }
        if plain { return String(validUTF8: b) }
        var parts: [String] = []
        i = 0
        while i < b.count {
            if b[i] == 0x20 {
                i += 1
                continue
            }
            var end = i
            while end < b.count && b[end] != 0x20 { end += 1 }
            parts.append(String(validUTF8: UnsafeBufferPointer(rebasing: b[i..<end])))
            i = end
        }
        return joined(parts, separator: " ")
    }

    /// The value readings of a cell, or nil if the cell is a label. A text cell holding several
    /// space-separated numbers ("0 0 0") gives several readings.
    static func splitValues(_ cell: GridCell) -> [PlacedReading]? {
        let reading = CellReading.read(cell.text)
        if reading.isValue { return [PlacedReading(reading: reading, at: cell.at, column: cell.column, x: cell.centerX)] }
        return splitRun(cell.text, at: cell.at)
    }

    /// ``splitValues(_:)`` of a cell whose whole text reads as text (`text`, at `at`): its
    /// space-separated values, or nil when a part is no value.
    static func splitRun(_ text: String, at: Location) -> [PlacedReading]? {
        guard text.includesByte(0x20) else { return nil }
        // The first part (the text starts with it: its first scalar is no space) starts with a
        // scalar at or above U+0080 that starts no number or mark (a CJK letter, `（`): read as
        // text (``CellReading/meaning(ofNoPlainNumber:matchKey:)``'s test of the first scalar),
        // and the cell no run of values (prose is not split, nor walked Character by Character).
        if let v = text.unicodeScalars.first?.value, v >= 0x80, !CellReading.startsLikeNumberOrMark(scalar: v) { return nil }
        if let onBytes = text.utf8.withContiguousStorageIfAvailable({ splitRunOnBytes($0, at: at) }), let decided = onBytes { return decided }
        // The parts of `text.split(separator: " ")`, cut one at a time: a label stops the
        // reading at its first part, before the rest of a long cell is split.
        var out: [PlacedReading] = []
        var rest = Substring(text)
        while true {
            while rest.first == " " { rest = rest.dropFirst() }
            if rest.isEmpty { break }
            let end = rest.firstIndex(of: " ") ?? rest.endIndex
            let r = CellReading.read(String(rest[..<end]))
            guard r.isNumberOrMark else { return nil }
            out.append(PlacedReading(reading: r, at: at, column: nil))
            rest = rest[end...]
        }
        return out
    }

    /// ``splitRun(_:at:)`` cut at the space bytes of the text's UTF-8 `b`, when its scalars are
    /// ASCII and CJK unified ideographs only (U+4E00–U+9FFF), else nil (not known): no such scalar
    /// joins a space into a grapheme (as a combining mark after it or a prepended one before it
    /// would), so every space byte is a Character `" "` of its own and the parts are the
    /// Characters' parts, without walking the text Character by Character.
    private static func splitRunOnBytes(_ b: UnsafeBufferPointer<UInt8>, at: Location) -> [PlacedReading]?? {
        var i = 0
        while i < b.count {
            if b[i] < 0x80 {
                i += 1
            } else if b.isIdeographLead(at: i) {
                i += 3
            } else {
                return .none
            }
        }
        var out: [PlacedReading] = []
        i = 0
        while true {
            while i < b.count && b[i] == 0x20 { i += 1 }
            if i == b.count { break }
            var end = i
            while end < b.count && b[end] != 0x20 { end += 1 }
            let r = CellReading.read(String(validUTF8: UnsafeBufferPointer(rebasing: b[i..<end])))
            guard r.isNumberOrMark else { return .some(nil) }
            out.append(PlacedReading(reading: r, at: at, column: nil))
            i = end
        }
        return .some(out)
    }
}
