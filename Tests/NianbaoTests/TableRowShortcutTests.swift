import Foundation
import Testing

@testable import NianbaoCore

/// The row collector's and the table tokenizer's shortcuts must answer as the plain reading they
/// stand for: checked on crafted texts and on every cell of the committed text reports.
@Suite struct TableRowShortcutTests {
    static let crafted = [
        "信息内容", "信息内容上一年项目数量", "信息内容\u{301}上一年", "信息内容a", "信息内容 1", "信息内", "信息内容１", "信息内容（",
        "无", "不适用", "空", "一、总体情况", "行政许可", "0", "１２", "－", "", "第二十条第（五）项", "丨信息",
    ]

    /// ``CellReading/read(_:matchKey:)``'s first-scalar label path reads text only where the tests
    /// it skips read text: no plain number, a non-ASCII first byte, no number-or-mark start.
    @Test func labelByFirstScalarIsThePlainTextReading() throws {
        for text in try ReadingShortcutTests.corpusCellTexts() + Self.crafted {
            var t = text
            guard t.withUTF8({ CellReading.isLabelByFirstScalar($0, at: 0) }) else { continue }
            #expect(CellReading.parseNumber(text.utf8) == nil, "\(text)")
            #expect(!text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2C || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B }, "\(text)")
            #expect((text.utf8.first ?? 0) >= 0x80, "\(text)")
            #expect(!CellReading.startsLikeNumberOrMark(text), "\(text)")
            #expect(CellReading.read(text).kind == .text, "\(text)")
        }
    }

    /// ``RowCollector/startsWithHeadingWord(_:)`` is `hasPrefix("信息内容")`.
    @Test func headingWordIsHasPrefix() throws {
        for text in try ReadingShortcutTests.corpusCellTexts() + Self.crafted {
            for key in [text, TextNormalizer.matchKey(text)] {
                #expect(RowCollector.startsWithHeadingWord(key) == key.hasPrefix("信息内容"), "\(key)")
            }
        }
    }

    /// ``RowCollector/cellText(_:_:)`` is the cell's text, and ``TableTokenizer/ScanScratch/decode(_:)``
    /// reads a text's scalars and cuts its bytes at them.
    @Test func cellTextAndScalarOffsets() throws {
        let texts = try ReadingShortcutTests.corpusCellTexts() + Self.crafted
        let cells = texts.map { GridCell(text: $0, at: .none) }
        cells.withUnsafeBufferPointer { b in
            for i in b.indices { #expect(RowCollector.cellText(b, i) == cells[i].text) }
        }
        var scratch = TableTokenizer.ScanScratch()
        for text in texts {
            let s = Array(text.unicodeScalars)
            var t = text
            let (scalars, offsets) = t.withUTF8 { scratch.decode($0) }
            #expect(Array(scalars) == s, "\(text)")
            let bytes = Array(text.utf8)
            #expect(offsets.last == bytes.count)
            for k in s.indices {
                #expect(String(decoding: bytes[offsets[k]..<offsets[k + 1]], as: UTF8.self) == String(s[k]), "\(text)")
            }
        }
    }

    /// ``PrintedLabel`` (joined when read) is the label the row collector joined for every row:
    /// the first `end` cells' texts, the last one's replaced when a text is given, joined with
    /// spaces; ``PrintedLabel/isEmpty(end:last:lastText:)`` is the joined text's emptiness. On
    /// runs of corpus cells and crafted ones (empty texts among them).
    @Test func printedLabelIsTheJoinedLabel() throws {
        let texts = try ReadingShortcutTests.corpusCellTexts() + Self.crafted
        for start in stride(from: 0, to: texts.count, by: 53) {
            let cells = texts[start..<min(start + 4, texts.count)].map { GridCell(text: $0, at: .none) } + [GridCell(text: "", at: .none)]
            for end in 0...cells.count {
                for last in [nil, "", "（一）予以公开 1"] as [String?] where end > 0 || last == nil {
                    var parts = cells[..<end].map(\.text)
                    if let last { parts[end - 1] = last }
                    let plain = parts.joined(separator: " ")
                    let label = PrintedLabel(cells: cells, end: end, last: last)
                    #expect(Array(label.text.utf8) == Array(plain.utf8), "\(parts)")
                    let lastText = end > 0 ? cells[end - 1].text : ""
                    #expect(PrintedLabel.isEmpty(end: end, last: last, lastText: lastText) == plain.isEmpty, "\(parts)")
                }
            }
        }
        for text in texts.prefix(200) + Self.crafted {
            #expect(Array(PrintedLabel(text).text.utf8) == Array(text.utf8))
        }
        // Labels lent by the rows above: theirs joined with spaces.
        for n in 0...3 {
            let above = texts.prefix(n).map { PrintedLabel($0) }
            let plain = texts.prefix(n).joined(separator: " ")
            #expect(Array(PrintedLabel(lentBy: above).text.utf8) == Array(plain.utf8))
        }
    }

    /// ``TableTokenizer/scan(_:at:firstGap:lineStart:into:scratch:)`` with the arrays of the cells
    /// before (one ``TableTokenizer/ScanScratch`` for every cell, as ``TableTokenizer/tokens(_:)``
    /// scans) gives the tokens of a scan with arrays of its own, cell after cell.
    @Test func scanScratchIsAFreshScan() throws {
        var scratch = TableTokenizer.ScanScratch()
        for text in try ReadingShortcutTests.corpusCellTexts() + Self.crafted + ["00000002.其他法律", "无无无", "1,024元 / 7\u{A0}8"] {
            for lineStart in [false, true] {
                var reused: [TableToken] = []
                var fresh: [TableToken] = []
                TableTokenizer.scan(text, at: .line(3), firstGap: 2, lineStart: lineStart, into: &reused, scratch: &scratch)
                var freshScratch = TableTokenizer.ScanScratch()
                TableTokenizer.scan(text, at: .line(3), firstGap: 2, lineStart: lineStart, into: &fresh, scratch: &freshScratch)
                #expect(reused.count == fresh.count, "\(text)")
                for (a, b) in zip(reused, fresh) {
                    #expect(a.kind == b.kind && Array(a.text.utf8) == Array(b.text.utf8) && a.at == b.at && a.gap == b.gap && a.marked == b.marked, "\(text)")
                }
            }
        }
    }

    /// ``RowCollector/joined(_:separator:)`` (texts appended into one string) is
    /// `joined(separator:)`, byte for byte.
    @Test func joinedIsLibraryJoined() throws {
        let texts = try ReadingShortcutTests.corpusCellTexts() + Self.crafted
        for n in [0, 1, 2, 3, 7] {
            for start in stride(from: 0, to: max(texts.count - n, 1), by: 97) {
                let parts = Array(texts[start..<min(start + n, texts.count)])
                for separator in ["", " "] {
                    let got = RowCollector.joined(parts, separator: separator)
                    #expect(Array(got.utf8) == Array(parts.joined(separator: separator).utf8), "\(parts)")
                }
            }
        }
    }

    /// ``RowFiller/fill(_:name:judge:diagnostics:)`` of a complete row (each value's reading and
    /// place loaded from its fields) gives the printed values as they are.
    @Test func completeRowFillKeepsTheReadings() throws {
        let texts = try ReadingShortcutTests.corpusCellTexts() + Self.crafted
        let values = texts.prefix(14).enumerated().map { i, text in
            PlacedReading(reading: CellReading.read(text), at: i % 2 == 0 ? .line(i + 1) : .table(0, row: i, column: 1), column: i, x: Double(i))
        }
        let row = LogicalRow(labelKeys: ["x"], label: "x", values: values, at: .line(1))
        let filler = RowFiller(slots: values.count, identities: [], canonicalColumns: nil)
        var diagnostics: [Diagnostic] = []
        let slots = filler.fill(row, name: "t", judge: { _ in ColumnVerdicts() }, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(slots.count == values.count)
        for (slot, value) in zip(slots, values) {
            guard let slot, !slot.isInferred else {
                Issue.record("not printed: \(value)")
                continue
            }
            #expect(slot.reading == value.reading)
            #expect(slot.at == value.at)
        }
        // The readings moved into the slots (``RowFiller/fill(taking:at:name:judge:diagnostics:)``)
        // are the same slots; a short row is filled from its values as they are, with the same
        // diagnostics, and keeps them.
        var taken = values
        let moved = filler.fill(taking: &taken, at: .line(1), name: "t", judge: { _ in ColumnVerdicts() }, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(moved.map { $0?.reading } == slots.map { $0?.reading } && moved.map { $0?.at } == slots.map { $0?.at })
        #expect(taken.allSatisfy { $0.reading.raw.isEmpty && $0.reading.unit == nil })
        for dropped in [1, 2, values.count] {
            var short = Array(values.dropLast(dropped))
            var plainDiagnostics: [Diagnostic] = []
            var takenDiagnostics: [Diagnostic] = []
            let plain = filler.fill(values: short, at: .line(2), name: "t", judge: { _ in ColumnVerdicts() }, diagnostics: &plainDiagnostics)
            let filled = filler.fill(taking: &short, at: .line(2), name: "t", judge: { _ in ColumnVerdicts() }, diagnostics: &takenDiagnostics)
            #expect(filled.map { $0?.reading } == plain.map { $0?.reading } && filled.map { $0?.at } == plain.map { $0?.at })
            #expect(takenDiagnostics == plainDiagnostics)
            #expect(short.map(\.reading) == values.dropLast(dropped).map(\.reading))
        }
    }

    /// ``SlotValue/takeCell(key:blankAsZero:)`` (the printed text moved into the cell) is the cell
    /// the slot stands for: key, value (a blank as zero only when asked, only when printed), text
    /// (none for an inferred slot), kind and place; each slot's cell is made once.
    @Test func takenCellIsTheSlotsCell() throws {
        let texts = try ReadingShortcutTests.corpusCellTexts() + Self.crafted + ["", " ", "不适用", "1,024元", "\u{301}"]
        var kinds = Set<Cell.Kind>()
        for (i, text) in texts.enumerated() where i % 7 == 0 || i >= texts.count - Self.crafted.count - 5 {
            let reading = CellReading.read(text)
            let at: Location = i % 2 == 0 ? .line(i + 1) : .scan(1, Box(x0: 1, y0: 2, x1: 3, y1: 4), confidence: 0.5)
            for blankAsZero in [false, true] {
                var printed: SlotValue? = .printed(reading, at)
                let cell = printed!.takeCell(key: "k.\(i)", blankAsZero: blankAsZero)
                let value = blankAsZero && reading.kind == .empty ? DecimalNumber(0) : reading.value
                #expect(cell == Cell(key: "k.\(i)", value: value, raw: reading.raw, kind: reading.kind, at: at), "\(text)")
                #expect(Array(cell.raw!.utf8) == Array(text.utf8), "\(text)")
                kinds.insert(cell.kind)
            }
            if let number = reading.value {
                for blankAsZero in [false, true] {
                    var inferred: SlotValue? = .inferred(number, at)
                    let cell = inferred!.takeCell(key: "k", blankAsZero: blankAsZero)
                    #expect(cell == Cell(key: "k", value: number, raw: nil, kind: .inferred, at: at), "\(text)")
                }
            }
        }
        #expect(kinds == [.number, .empty, .notApplicable, .text])
        // A row's slots written as cells in an array's memory: the slots that are not nil, in
        // column order, each the cell of its column's key.
        let readings = (Self.crafted + ["1", "", "不适用"]).map { CellReading.read($0) }
        let slots: [SlotValue?] = readings.indices.map { c in
            c % 3 == 2 ? nil : c % 4 == 1 ? .inferred(DecimalNumber(c), .line(c)) : .printed(readings[c], .line(c))
        }
        let keys = slots.indices.map { "k.\($0)" }
        for blankAsZero in [false, true] {
            var written = slots
            let cells = [Cell](unsafeUninitializedCapacity: slots.count) { out, count in
                SlotValue.writeCells(&written, keys: keys, blankAsZero: blankAsZero, to: out, count: &count)
            }
            var plain: [Cell] = []
            for c in slots.indices {
                guard var slot = slots[c] else { continue }
                plain.append(slot.takeCell(key: keys[c], blankAsZero: blankAsZero))
            }
            #expect(cells == plain)
            #expect(cells.count == slots.count(where: { $0 != nil }))
        }
    }

    /// The tokens' texts and the label pieces, cut from a String's bytes where its scalars start
    /// and made without validating them, are valid UTF-8: each is the String the validating
    /// initializer makes of its bytes, and they join back into the text. On every corpus cell and
    /// crafted ones (combining marks, a lone full-width digit, no-break spaces, empty).
    @Test func cutTextsAreValidStrings() throws {
        let odd = ["\u{301}", "a\u{301}1", "１２０7", "\u{A0}1\u{A0}", "（一）予以公开（二）部分公开1.属于", "𠀋1𠀋 2", "", " "]
        var scratch = TableTokenizer.ScanScratch()
        for text in try ReadingShortcutTests.corpusCellTexts() + Self.crafted + odd {
            var tokens: [TableToken] = []
            TableTokenizer.scan(text, at: .none, firstGap: nil, into: &tokens, scratch: &scratch)
            for t in tokens {
                #expect(Array(String(decoding: Array(t.text.utf8), as: UTF8.self).utf8) == Array(t.text.utf8), "\(text)")
            }
            let pieces = TokenTableReader.pieces(text)
            #expect(Array(pieces.joined().utf8) == Array(text.utf8), "\(text)")
            for p in pieces {
                #expect(Array(String(decoding: Array(p.utf8), as: UTF8.self).utf8) == Array(p.utf8), "\(text)")
            }
        }
    }

    /// ``LabelMatcher/matchIndex(_:_:)`` (a row of a buffer, its label keys read from their field)
    /// is ``LabelMatcher/matchIndex(_:)`` of the row, on the logical rows of every committed text
    /// report read whole as one table.
    @Test func bufferRowMatchIsRowMatch() throws {
        let dir = TestSupport.packageRoot.appendingPathComponent("Corpus/text")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        var matched = 0
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: dir.appendingPathComponent(name)))
            let document = try TextReader().read(data: bytes, path: name)
            let logical = RowCollector.collect(document.grid.rows[...])
            let matcher = ApplicationsLayout.matcher
            logical.withUnsafeBufferPointer { rows in
                for i in rows.indices {
                    let plain = matcher.matchIndex(logical[i])
                    #expect(matcher.matchIndex(rows, i) == plain, "\(name): \(logical[i].label)")
                    if plain != nil { matched += 1 }
                }
            }
        }
        #expect(matched > 0)
    }
}
