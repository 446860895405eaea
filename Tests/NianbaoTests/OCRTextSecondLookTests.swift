import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore

/// Issue 11, tesseract text: the second look at Table 三 rows the first left open (`3`, `7`, `9`
/// and `p` also tried as rulings, `工` as 1), readings ruled out by non-negative counts, the cells
/// every remaining reading agrees on, and Table 四's OCR row read again (``OCRReviewRow``).
/// Every snippet is a line of the committed tesseract text (Corpus/converted/tesseract).
@Suite struct OCRTextSecondLookTests {
    static let i3 = [RowIdentity(parts: Array(0..<6), total: 6)]

    static func readings(_ text: String, loose: Bool, lostCell: Bool = false) -> [[Int64]] {
        guard case .readings(let r)? = OCRTextRows.readings(text, slots: 7, identities: i3, lostCell: lostCell, loose: loose) else { return [] }
        return r
    }

    /// hongze's `1010101010101310` (10 | 0 | 0 | 0 | 0 | 0 | 10): the `3` is a ruling; only the second look finds that reading.
    @Test func threeAsRulingOnTheSecondLook() {
        #expect(!Self.readings("1010101010101310", loose: false).contains([10, 0, 0, 0, 0, 0, 10]))
        #expect(Self.readings("1010101010101310", loose: true).contains([10, 0, 0, 0, 0, 0, 10]))
        // hongze's `4 101010190101 4`: the `9` is a ruling.
        #expect(!Self.readings("4 101010190101 4", loose: false).contains([4, 0, 0, 0, 0, 0, 4]))
        #expect(Self.readings("4 101010190101 4", loose: true).contains([4, 0, 0, 0, 0, 0, 4]))
    }

    /// hongze's `工   010101010   工`: a serifed 1 read as 工, on the second look only.
    @Test func gongAsOneOnTheSecondLook() {
        #expect(OCRTextRows.readings("工 010101010 工", slots: 7, identities: Self.i3) == nil)
        #expect(Self.readings("工 010101010 工", loose: true) == [[1, 0, 0, 0, 0, 0, 1]])
        #expect(OCRTextRows.valueCell("工", loose: true) && !OCRTextRows.valueCell("工"))
    }

    /// p01's `1 |o lo po   0   0` (the total lost): `po` for `|o`, the total solved from the row.
    @Test func pAsRulingOnTheSecondLook() {
        #expect(OCRTextRows.readings("1 |o lo po 0 0", slots: 7, identities: Self.i3, lostCell: true) == nil)
        #expect(Self.readings("1 |o lo po 0 0", loose: true, lostCell: true) == [[1, 0, 0, 0, 0, 0, 1]])
    }

    /// A reading with a count larger than the other side of a column identity can hold is out.
    @Test func boundedDropsReadingsNoTotalCanHold() {
        let rows: [DigitTableSolver.Row] = [
            .known([21, 0, 0, 0, 0, 0, 21]),  // the total row
            .choices([[4, 1010, 0, 90, 0, 4, 1108], [4, 0, 0, 0, 0, 0, 4]]),
            .known([nil, nil, nil, nil, nil, nil, nil]),  // a row not read: it bounds nothing on its side
        ]
        let out = OCRTextRows.bounded(rows, identities: [ColumnIdentity(lhs: [0], rhs: [1, 2])])
        #expect(out[1] == .choices([[4, 0, 0, 0, 0, 0, 4]]))
        // The other way round: the total is bounded by nothing (a part not read).
        #expect(
            OCRTextRows.bounded([.choices([[5, 0, 0, 0, 0, 0, 5], [50, 0, 0, 0, 0, 0, 50]]), rows[1], rows[2]], identities: [ColumnIdentity(lhs: [0], rhs: [1, 2])])[0]
                == .choices([[5, 0, 0, 0, 0, 0, 5], [50, 0, 0, 0, 0, 0, 50]]))
    }

    /// hongze: with 国家秘密, 部分公开 and 不掌握 read on the second look, I2 settles 一、 and （七）总计
    /// (`21 | 0 … | 21` could be read as 2 … 2 alone).
    @Test func hongzeSecondLookSettlesTheTotals() throws {
        let r = try DegradedTextTests.converted("tesseract/hongze-2023.txt")
        #expect(try RunTogetherReportTests.wrongValues(r, gold: RunTogetherReportTests.convertedFile("tesseract/hongze-2023.gold.json")).isEmpty)
        #expect(r.value("applications.new_received.natural_person") == DecimalNumber(21))
        #expect(r.value("applications.total_processed.total") == DecimalNumber(21))
        #expect(r.value("applications.denied.state_secret.total") == DecimalNumber(1))
        #expect(r.value("applications.unable.not_held.natural_person") == DecimalNumber(10))
        #expect(r.diagnostics.contains { $0.code == "ocr_inferred" && $0.message.contains("工 as 1") })
        // Table 四 printed 10 + 1 + 0 + 0 = 0 (the document's own error): no reading holds, nothing is read again.
        #expect(r.value("review_litigation.review.upheld") == nil)
        #expect(!r.diagnostics.contains { $0.code == "ocr_inferred" && $0.message.hasPrefix("Table 四") })
    }

    /// p03's Table 四 `4 0 0 0 4 11 0 0 0 1 2 3 2 2 9`: `11` is `|1`, the only reading whose three blocks hold.
    @Test func reviewRowReadAgain() throws {
        let i4 = OCRReviewRow.identities
        let line = "4   0    0    0    4 11    0   0    0    1  2    3    2    2    9"
        #expect(OCRTextRows.readings(line, slots: 15, identities: i4) == .readings([[4, 0, 0, 0, 4, 1, 0, 0, 0, 1, 2, 3, 2, 2, 9]]))
        let r = try DegradedTextTests.converted("tesseract/p03-2021-radicals.txt")
        #expect(try RunTogetherReportTests.wrongValues(r, gold: RunTogetherReportTests.convertedFile("tesseract/p03-2021-radicals.gold.json")).isEmpty)
        #expect(r.value("review_litigation.litigation_direct.upheld") == DecimalNumber(1))
        #expect(r.value("review_litigation.litigation_direct.total") == DecimalNumber(1))
        #expect(r.cells.first { $0.key == "review_litigation.litigation_direct.total" }?.kind == .inferred)
    }

    /// p03's `18 |1  0  0  0  0 119` reads as 18 1 0 0 0 0 19 or 8 1 0 0 0 0 9 (or 8 0 0 0 0 1 9):
    /// the counts every reading agrees on are taken (their column totals printed 0), the others stay null.
    @Test func agreedCellsOfAnAmbiguousRow() throws {
        let r = try DegradedTextTests.converted("tesseract/p03-2021-radicals.txt")
        #expect(r.value("applications.unable.not_held.research_institution") == DecimalNumber(0))
        #expect(r.cells.first { $0.key == "applications.unable.not_held.research_institution" }?.kind == .inferred)
        #expect(r.value("applications.unable.not_held.natural_person") == nil)
        #expect(r.value("applications.unable.not_held.total") == nil)
        #expect(r.diagnostics.contains { $0.code == "row_ambiguous" && $0.message.contains("不掌握") && $0.message.contains("the same in every reading") })
    }
}
