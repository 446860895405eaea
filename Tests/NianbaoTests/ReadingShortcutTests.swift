import Foundation
import Testing

@testable import NianbaoCore

/// The table readers' shortcuts must answer as the work they skip: each is checked here against the
/// plain reading it stands for, on crafted texts and on every cell of the committed text reports.
@Suite struct ReadingShortcutTests {
    /// Every cell text of the committed text reports.
    static func corpusCellTexts() throws -> [String] {
        try CorpusTextRows.rows().flatMap { $0.cells.map(\.text) }
    }

    static let crafted = [
        "0", "12", "1,024", "1.5万元", "12万元", "3件", "50%", "1.属于国家秘密", "2.其他", "1 2 3", "0 0 0", "- -",
        "0 \u{301}1", "1 \u{301} 2", "无 0", "/ 0 1", "  0  1 ", "1.5 2万元", "（三）不予公开 1", "１２", "－", "",
        "1 无 0", "0 0 不适用", "1 二 3", "0\u{600} 1", "0 \u{200D}1", "0 \u{FE0F}1", "x 0", " ", "0 ", " 0", "- 0 -", "7 3件",
        "1\r\n 2", "1,024 3.5", String(repeating: "0 ", count: 20_000), "（一）予以公开 1 2", "Ａ 1", "\u{301} 1", "é 1", "e\u{301} 1",
        "・ 0", "\u{3000}1 2", "\u{A0}1 2", "× 1", "－ 1", "１ ２", "无 无", "\u{1F600} 1", "\u{FEFF}1 2",
    ]

    /// ``CellReading/hasNonNumberByteBeforeUnit(_:)`` flags only keys that no unit makes a number.
    @Test func labelShortcutNeverSkipsANumber() throws {
        for text in try Self.corpusCellTexts() + Self.crafted {
            let key = TextNormalizer.matchKey(text)
            guard CellReading.hasNonNumberByteBeforeUnit(key) else { continue }
            #expect(CellReading.parseNumber(Substring(key)) == nil, "\(text)")
            for u in CellReading.units where key.hasSuffix(u) {
                #expect(CellReading.parseNumber(Substring(key).dropLast(u.count)) == nil, "\(text) with \(u)")
            }
        }
        #expect(CellReading.hasNonNumberByteBeforeUnit(TextNormalizer.matchKey("1.属于国家秘密")))
        #expect(!CellReading.hasNonNumberByteBeforeUnit(TextNormalizer.matchKey("1.5万元")))
        #expect(CellReading.read("1.5万元").value == DecimalNumber(units: 15, scale: 1))
        #expect(CellReading.read("1.属于国家秘密").kind == .text)
    }

    /// ``RowCollector/splitValues(_:)`` cuts a cell's parts as `split(separator: " ")` does
    /// (Characters: a space with a combining mark is no separator).
    @Test func splitValuesCutsAsSplit() throws {
        func reference(_ text: String) -> [CellReading]? {
            let whole = CellReading.read(text)
            if whole.isValue { return [whole] }
            guard text.utf8.contains(0x20) else { return nil }
            var out: [CellReading] = []
            for part in text.split(separator: " ") {
                let r = CellReading.read(String(part))
                guard r.kind == .number || r.kind == .notApplicable else { return nil }
                out.append(r)
            }
            return out
        }
        for text in try Self.corpusCellTexts() + Self.crafted {
            let got = RowCollector.splitValues(GridCell(text: text, at: .line(1)))?.map(\.reading)
            // A first part that starts with a CJK letter is a label without reading it (the same answer).
            #expect(got == reference(text), "\(text)")
        }
    }

    /// ``RowCollector/splitTrailingValuesOnBytes(_:at:)``, where it decides, cuts the label and
    /// its trailing values as the plain reading does (``RowCollector/splitTrailingValues(characters:at:)``:
    /// `split(separator: " ")` of the Characters, the label's parts joined with one space), on the
    /// corpus's cells and on crafted texts: runs of spaces at either end and between parts,
    /// scalars of the byte path's set beside spaces (`…`, `．`, `、`, full-width forms, U+3000);
    /// scalars that join a space into a Character (combining marks, U+302A, a prepended mark,
    /// ZWJ) leave it to the plain reading.
    @Test func splitTrailingValuesCutsAsSplit() throws {
        let spaced = [
            "2．申请人…申请 0 0 0", "申请  0   1 ", "  申请 0", "申请 0  ", "a b  c 1 2", "  a  b 1", "（七）总计 1 / 无", "申请\u{3000}1 2", "申请 １ ２",
            "“三安全一稳定” 0 0", "申请、 0 -", "申请 0 0 0 申请", "1. 属于国家秘密", "0 0", " 0 0", "申请 " + String(repeating: "0 ", count: 5_000),
        ]
        let joining = ["申请 \u{301}1 2", "申请 1 \u{302A}2", "申请\u{600} 1", "申请 \u{200D}1", "申请 0\u{301} 1", "é 1 2", "申请 1\u{FF9E} 2"]
        var decided = 0
        for text in try Self.corpusCellTexts() + Self.crafted + spaced + joining {
            guard text.utf8.contains(0x20), let onBytes = text.utf8.withContiguousStorageIfAvailable({ RowCollector.splitTrailingValuesOnBytes($0, at: .line(1)) }),
                let got = onBytes
            else { continue }
            decided += 1
            let want = RowCollector.splitTrailingValues(characters: text, at: .line(1))
            #expect(got?.0 == want?.0, "\(text)")
            #expect(got?.1.map(\.reading) == want?.1.map(\.reading), "\(text)")
            #expect(got?.1.allSatisfy { $0.at == .line(1) && $0.column == nil && $0.x == nil } ?? true, "\(text)")
        }
        #expect(decided > spaced.count)
        for text in joining {
            let onBytes = text.utf8.withContiguousStorageIfAvailable { RowCollector.splitTrailingValuesOnBytes($0, at: .line(1)) }
            #expect(onBytes.map { $0 != nil } == false, "\(text)")
        }
        #expect(RowCollector.splitTrailingValues("a b  c 1 2", at: .line(1))?.0 == "a b c")
        #expect(RowCollector.splitTrailingValues("2．申请人…申请 0 0 0", at: .line(1))?.1.count == 3)
    }

    /// ``RowFiller/fill(taking:at:name:judge:diagnostics:)`` fills a row as
    /// ``RowFiller/fill(values:at:name:judge:diagnostics:)`` does (the same slots, the same
    /// diagnostics), rows that blank cells at their ends make complete moved without placing
    /// them: on every logical row of the corpus at every width up to its length, and on crafted
    /// rows of blanks, numbers, marks and text.
    @Test func fillTakingFillsAsFill() throws {
        func describe(_ slots: [SlotValue?]) -> [String] {
            slots.map { $0.map { "\($0.reading.kind) \($0.reading.raw) \(String(describing: $0.number)) \($0.at) \($0.isInferred)" } ?? "nil" }
        }
        func check(_ values: [PlacedReading], slots n: Int) {
            let filler = RowFiller(slots: n, identities: [RowIdentity(parts: Array(0..<max(n - 1, 0)), total: max(n - 1, 0))], canonicalColumns: nil)
            var plainDiagnostics: [Diagnostic] = []
            let plain = filler.fill(values: values, at: .line(1), name: "row", judge: { _ in .none }, diagnostics: &plainDiagnostics)
            var taken = values
            var takenDiagnostics: [Diagnostic] = []
            let got = filler.fill(taking: &taken, at: .line(1), name: "row", judge: { _ in .none }, diagnostics: &takenDiagnostics)
            #expect(describe(got) == describe(plain), "\(values.map(\.reading.raw)) in \(n)")
            #expect(takenDiagnostics.map(\.message) == plainDiagnostics.map(\.message), "\(values.map(\.reading.raw)) in \(n)")
        }
        var rows = RowCollector.collect(try CorpusTextRows.rows()[...]).map(\.values).filter { !$0.isEmpty }
        let crafted = [
            ["", "1", "2", ""], ["", "", "1"], ["1", "", ""], ["", "1", "", "2", ""], ["", "/", "0", ""], ["", "", "", ""], ["1", "2"], ["", "x", "1", ""],
            ["", "0", "0", "0", "0", "0", "0", "0"], ["0", "0", "0", "0", "0", "0", "0", ""], ["", "", "1", "2", "", ""],
        ]
        rows += crafted.map { texts in texts.enumerated().map { PlacedReading(reading: CellReading.read($1), at: .line($0 + 1), column: nil) } }
        #expect(rows.contains { $0.count > 1 && $0.first?.reading.kind == .empty })
        for values in rows {
            for n in 1...min(values.count, 16) { check(values, slots: n) }
        }
    }

    /// ``CellReading/parseNumber(_:)-(UnsafeBufferPointer<UInt8>)``'s digits path reads what the
    /// general reading reads: on every cell of the corpus and its match key, on every string of up
    /// to four bytes from digits, signs, separators and the bytes beside the digits (`/`, `:`),
    /// and on long runs of digits around the 18 read straight and Int64's limit.
    @Test func parseNumberDigitsPathIsTheGeneralReading() throws {
        func check(_ text: String) {
            var t = text
            let fast = t.withUTF8 { CellReading.parseNumber($0) }
            #expect(fast == CellReading.parseNumber(general: Array(text.utf8)), "\(text)")
        }
        for text in try Self.corpusCellTexts() + Self.crafted {
            check(text)
            check(TextNormalizer.matchKey(text))
        }
        let alphabet = ["0", "1", "9", "-", "+", ",", ".", " ", "/", ":", "a", "１"]
        var texts = [""]
        for _ in 0..<4 {
            texts = texts.flatMap { t in alphabet.map { t + $0 } }
            texts.forEach(check)
        }
        for n in 15...21 {
            for digit in ["0", "1", "9"] {
                let run = String(repeating: digit, count: n)
                for text in [run, "1" + run, "-" + run, run + ".5", run + "a"] { check(text) }
            }
        }
        for text in ["9223372036854775807", "9223372036854775808", "999999999999999999", "1000000000000000000", "-9223372036854775808", "007"] {
            check(text)
        }
        #expect(CellReading.read("9999").value == DecimalNumber(units: 9999, scale: 0))
        #expect(CellReading.read(String(repeating: "9", count: 19)).value == nil)
    }

    /// ``IdentityPlan/mayBePlanKey(_:)`` is true for every key a check reads and every `applications.` key.
    @Test func planKeyTestKeepsEveryPlanKey() {
        for key in IdentityPlan.slotKeys { #expect(IdentityPlan.mayBePlanKey(key), "\(key)") }
        #expect(IdentityPlan.mayBePlanKey("applications.other.total.total"))
        #expect(IdentityPlan.mayBePlanKey("a"))
        #expect(!IdentityPlan.mayBePlanKey("active_disclosure.licensing.new"))
    }
}
