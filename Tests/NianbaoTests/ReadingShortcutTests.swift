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
        "1\r\n 2", "1,024 3.5", String(repeating: "0 ", count: 20_000),
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

    /// ``IdentityPlan/mayBePlanKey(_:)`` is true for every key a check reads and every `applications.` key.
    @Test func planKeyTestKeepsEveryPlanKey() {
        for key in IdentityPlan.slotKeys { #expect(IdentityPlan.mayBePlanKey(key), "\(key)") }
        #expect(IdentityPlan.mayBePlanKey("applications.other.total.total"))
        #expect(IdentityPlan.mayBePlanKey("a"))
        #expect(!IdentityPlan.mayBePlanKey("active_disclosure.licensing.new"))
    }
}
