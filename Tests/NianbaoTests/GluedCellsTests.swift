import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore

/// Cells that lost their separators in ways the digit splitter alone cannot undo: `无` marks glued
/// to a label and to each other, full-width digits beside ASCII ones, and html2text pipe rows whose
/// first cells are blank.
@Suite struct GluedCellsTests {
    static func tokens(_ text: String) -> [TableToken] {
        var out: [TableToken] = []
        var scratch = TableTokenizer.ScanScratch()
        TableTokenizer.scan(text, at: .none, firstGap: nil, lineStart: true, into: &out, scratch: &scratch)
        return out
    }

    @Test func gluedNoneMarksAreOneCellEach() {
        // lxml's text of an HTML row: 无 | 1 | 无 | 无 | 无 | 无 | 1 after the label.
        let t = Self.tokens("二、上年结转政府信息公开申请数量无1无无无无1")
        #expect(t.map(\.kind) == [.text, .mark, .number, .mark, .mark, .mark, .mark, .number])
        #expect(t[0].text == "二、上年结转政府信息公开申请数量")
        // A label that begins with 无, 有无, and a 无 not before a number stay text.
        #expect(TableTokenizer.gluedMarks("无正当理由大量反复申请", beforeNumber: true) == 0)
        #expect(TableTokenizer.gluedMarks("有无", beforeNumber: true) == 0)
        #expect(TableTokenizer.gluedMarks("申请数量无", beforeNumber: false) == 0)
        #expect(TableTokenizer.gluedMarks("无无无", beforeNumber: false) == 3)
        #expect(TableTokenizer.gluedMarks("无", beforeNumber: false) == 0)  // a lone mark is read as one already
    }

    @Test func widthChangeEndsACellWhenTheIdentitiesAllowSeveralSplits() {
        let run = TableToken(kind: .number, text: "１２07", at: .none, gap: nil)
        #expect(run.widthPieces == [[1, 2], [0, 7]])
        #expect(TableToken(kind: .number, text: "1207", at: .none, gap: nil).widthPieces == nil)
        #expect(TableToken(kind: .number, text: "１２０７", at: .none, gap: nil).widthPieces == nil)
    }

    @Test func lxmlTextOfFullWidthReportReadsGluedRows() throws {
        let url = RunTogetherReportTests.convertedFile("lxml/h08-2021-fullwidth-radicals.txt")
        let r = try ReportExtractor().extract(file: url.path)
        func cell(_ key: String) -> Cell? { r.cells.first { $0.key == key } }
        // 规范性文件１２07: 1 | 20 | 7 and 12 | 0 | 7 both hold 发布 − 废止 ≤ 有效; the widths decide.
        #expect(cell("active_disclosure.normative_documents.issued")?.value == DecimalNumber(units: 12))
        #expect(cell("active_disclosure.normative_documents.repealed")?.value == DecimalNumber(units: 0))
        #expect(cell("active_disclosure.normative_documents.in_force")?.value == DecimalNumber(units: 7))
        #expect(r.diagnostics.contains { $0.code == .digitsSplit && $0.message.contains("full-width and ASCII digits") })
        // …数量无1无无无无1: the row is read, its 无 cells not applicable.
        #expect(cell("applications.carried_over.commercial_enterprise")?.value == DecimalNumber(units: 1))
        #expect(cell("applications.carried_over.total")?.value == DecimalNumber(units: 1))
        #expect(cell("applications.carried_over.natural_person")?.kind == .notApplicable)
        let wrong = try RunTogetherReportTests.wrongValues(r, gold: RunTogetherReportTests.convertedFile("lxml/h08-2021-fullwidth-radicals.gold.json"))
        #expect(wrong.isEmpty, "\(wrong)")
    }

    @Test func html2textRowKeepsItsLeadingBlankCells() throws {
        // html2text writes no opening pipe (its rule is `---|---`): ` |  | 0|` starts with two blank cells.
        let md = "行政复议| 行政诉讼\n---|---\n |  |  | 0| 9| 15  \n"
        let rows = TextGridBuilder(pipeRows: true).build(MarkdownText.plain(md)).rows
        #expect(rows.last?.cells.map(\.text) == ["", "", "", "0", "9", "15"])
        // Tables whose rule opens with a pipe drop the empty text before the opening pipe.
        let gfm = "| a | b |\n|---|---|\n| | 5 | 6 |\n"
        #expect(TextGridBuilder(pipeRows: true).build(MarkdownText.plain(gfm)).rows.last?.cells.map(\.text) == ["", "5", "6"])
        // Outside pipe tables a leading tab is an indent.
        #expect(TextGridBuilder().build("\t\t0\t9\t15\n").rows[0].cells.map(\.text) == ["0", "9", "15"])
        let url = RunTogetherReportTests.convertedFile("html2text/h02-2019-blanks.md")
        let r = try ReportExtractor().extract(file: url.path)
        #expect(r.cells.first { $0.key == "review_litigation.litigation_after_review.upheld" }?.value == DecimalNumber(units: 6))
        #expect(r.cells.first { $0.key == "review_litigation.litigation_direct.pending" }?.value == DecimalNumber(units: 0))
        let wrong = try RunTogetherReportTests.wrongValues(r, gold: RunTogetherReportTests.convertedFile("html2text/h02-2019-blanks.gold.json"))
        #expect(wrong.isEmpty, "\(wrong)")
    }

    @Test func w3mBoxTableRowKeepsItsLeadingBlankCells() throws {
        // `│        │        │ … │   0    │    │   6    │`: w3m's drawn table, first cells blank.
        let url = RunTogetherReportTests.convertedFile("w3m/h02-2019-blanks.txt")
        let r = try ReportExtractor().extract(file: url.path)
        #expect(r.cells.first { $0.key == "review_litigation.litigation_after_review.upheld" }?.value == DecimalNumber(units: 6))
        #expect(r.cells.first { $0.key == "review_litigation.litigation_after_review.total" }?.value == DecimalNumber(units: 15))
        let wrong = try RunTogetherReportTests.wrongValues(r, gold: RunTogetherReportTests.convertedFile("w3m/h02-2019-blanks.gold.json"))
        #expect(wrong.isEmpty, "\(wrong)")
    }
}
