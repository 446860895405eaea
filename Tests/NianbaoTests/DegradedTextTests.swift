import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore

/// Issue 11: more cells read exactly from degraded text (raw reading order, OCR text, html2text
/// markdown), never a wrong one. Inputs are the committed converter matrix (Corpus/converted, made
/// by Scripts/generate-converted from the synthetic PDFs/HTML) and small texts written here.
@Suite struct DegradedTextTests {
    static func converted(_ relative: String) throws -> Report {
        try ReportExtractor().extract(file: RunTogetherReportTests.convertedFile(relative).path)
    }

    static func row(_ r: Report, _ row: String) -> [DecimalNumber?] {
        ApplicationsLayout.columns.map { r.value("applications.\(row).\($0)") }
    }

    static func numbers(_ v: [Int]) -> [DecimalNumber?] { v.map { DecimalNumber($0) } }

    /// pdftotext (reading order) prints the values of （六）3.其他, （七）总计 and 四、结转下年度继续办理
    /// as one run of 21 separate values, then the two labels: cut at the row lengths, in template order.
    @Test func labelsAfterTheirValues() throws {
        let r = try Self.converted("pdftotext/p01-2021-ruled-vertical.txt")
        #expect(Self.row(r, "other.other") == Self.numbers([0, 0, 0, 0, 0, 0, 0]))
        #expect(Self.row(r, "total_processed") == Self.numbers([60, 3, 0, 0, 0, 0, 63]))
        #expect(Self.row(r, "carried_forward") == Self.numbers([0, 2, 0, 0, 1, 0, 3]))
        #expect(try RunTogetherReportTests.wrongValues(r, gold: RunTogetherReportTests.convertedFile("pdftotext/p01-2021-ruled-vertical.gold.json")).isEmpty)
    }

    /// Values after labels that name rows other than the next ones, or followed by more values,
    /// are not moved: the overflowing row stays null.
    @Test func overflowNotMovedToRowsThatAreNotNext() throws {
        let header = "三、收到和处理政府信息公开申请情况\n自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
        // （五）4 then 14 values, then the labels of （七）总计 and 四 (（五）5 and （六） skipped).
        let text =
            "某县2023年政府信息公开工作年度报告\n一、总体情况\n无。\n二、主动公开政府信息情况\n无。\n" + header
            + "4.无正当理由大量反复申请\n" + (Array(repeating: "1", count: 14).joined(separator: "\n")) + "\n（七）总计\n四、结转下年度继续办理\n"
            + "四、政府信息公开行政复议、行政诉讼情况\n无。\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n"
        let r = try TestSupport.extract(text)
        #expect(Self.row(r, "not_processed.excessive").allSatisfy { $0 == nil })
        #expect(Self.row(r, "total_processed").allSatisfy { $0 == nil })
    }

    /// The document's own arithmetic errors (I2.total, I3.granted) fail in any reading: the token
    /// reading, which reads every cell, wins over the grid's empty reading and the checks fail.
    @Test func documentErrorsDoNotKeepAnEmptyReading() throws {
        let r = try Self.converted("pdftotext/p04-2022-borderless.txt")
        #expect(Self.row(r, "granted") == Self.numbers([27, 3, 0, 0, 1, 1, 42]))
        #expect(r.checks.first { $0.id == "I3.granted" }?.status == .fail)
        #expect(r.checks.first { $0.id == "I2.total" }?.status == .fail)
        #expect(r.diagnostics.contains { $0.code == "table_reader" && $0.message.hasPrefix("Table 三") })
        #expect(try RunTogetherReportTests.wrongValues(r, gold: RunTogetherReportTests.convertedFile("pdftotext/p04-2022-borderless.gold.json")).isEmpty)
    }

    @Test func choiceNeedsNoRegressionAndFewFailures() {
        func cell(_ key: String, _ v: Int?) -> Cell {
            Cell(key: "applications.\(key)", value: v.map { DecimalNumber($0) }, raw: v.map(String.init), kind: v == nil ? .empty : .number, at: .none)
        }
        let cols = ApplicationsLayout.columns
        // A grid reading of one row that adds up, and a token reading of two rows where that row no longer does.
        let grid = TableReaderChoice.Score(zip(cols, [1, 0, 0, 0, 0, 0, 1]).map { cell("new_received.\($0)", $1) })
        let broken = TableReaderChoice.Score(
            zip(cols, [1, 0, 0, 0, 0, 0, 2]).map { cell("new_received.\($0)", $1) }
                + zip(cols, [2, 0, 0, 0, 0, 0, 2]).map { cell("carried_over.\($0)", $1) })
        #expect(!grid.beaten(by: broken))
        // Nothing read on the grid; a token reading with one failed check among many passing ones wins.
        let empty = TableReaderChoice.Score([])
        var rows: [Cell] = []
        for (k, row) in ["new_received", "carried_over", "granted", "partially_granted", "denied.state_secret"].enumerated() {
            rows += zip(cols, [k, 0, 0, 0, 0, 0, k]).map { cell("\(row).\($0)", $1) }
        }
        rows += zip(cols, [1, 0, 0, 0, 0, 0, 9]).map { cell("denied.prohibited_by_law.\($0)", $1) }
        let tokens = TableReaderChoice.Score(rows)
        #expect(tokens.fails == 1)
        #expect(empty.beaten(by: tokens))
    }

    /// html2text writes no opening pipe and an empty last cell as a pipe and spaces.
    @Test func html2textEmptyLastCell() {
        #expect(MarkdownText.plain("（一）予以公开| 258| 12|  |  | 1| 1|    ") == "（一）予以公开\t258\t12\t\t\t1\t1\t")
        #expect(MarkdownText.plain("| a | 1 |") == "a\t1")
        #expect(MarkdownText.plain("a | 1 |") == "a\t1")
    }

    @Test func html2textBlankTotals() throws {
        let r = try Self.converted("html2text/shanghai-2019.md")
        #expect(r.value("applications.granted.natural_person") == DecimalNumber(258))
        #expect(r.cells.first { $0.key == "applications.granted.total" }?.kind == .empty)
        #expect(try RunTogetherReportTests.wrongValues(r, gold: RunTogetherReportTests.convertedFile("html2text/shanghai-2019.gold.json")).isEmpty)
    }

    @Test func fullWidthDigitsSplit() {
        let t = TableToken(kind: .number, text: "１２07", at: .none, gap: nil)
        #expect(t.splitPiece == [1, 2, 0, 7])
    }

    /// OCR dropped the dot of `5.要求…`: the digit begins the label, it is not the row above's value.
    @Test func itemNumberWithoutDotAtLineStart() {
        var out: [TableToken] = []
        var scratch = TableTokenizer.ScanScratch()
        TableTokenizer.scan("5要求行政机关确认或重新出具已获取", at: .none, firstGap: nil, lineStart: true, into: &out, scratch: &scratch)
        #expect(out.map(\.kind) == [.text])
        out = []
        TableTokenizer.scan("5要求", at: .none, firstGap: nil, lineStart: false, into: &out, scratch: &scratch)
        #expect(out.first?.kind == .number)
    }

    /// On OCR text a failed check drops only the one cell no passing check vouches for.
    @Test func ocrDoubtDropsTheUnexplainedCell() {
        // 一 + 二 = （七） + 四 per column holds except where 19 was read for 18 (118, a ruling
        // read as 1, is taken back to 18 by OCRPipeDigits: TemplateOrderReadingTests).
        let cells = MiniReport.applicationsCells([
            ("new_received", [18, 0, 0, 0, 0, 0, 18]), ("carried_over", [0, 0, 0, 0, 0, 0, 0]),
            ("total_processed", [18, 0, 0, 0, 0, 0, 19]), ("carried_forward", [0, 0, 0, 0, 0, 0, 0]),
        ])
        var diagnostics: [Diagnostic] = []
        let kept = OCRDoubt.dropDoubtful(cells, diagnostics: &diagnostics)
        #expect(!kept.contains { $0.key == "applications.total_processed.total" })
        #expect(kept.count == cells.count - 1)
        #expect(diagnostics.contains { $0.code == "ocr_doubtful" })
    }

    @Test func ocrTextReadsConfirmedRows() throws {
        let r = try Self.converted("tesseract/p01-2021-ruled-vertical.txt")
        #expect(Self.row(r, "total_processed") == Self.numbers([60, 3, 0, 0, 0, 0, 63]))
        #expect(try RunTogetherReportTests.wrongValues(r, gold: RunTogetherReportTests.convertedFile("tesseract/p01-2021-ruled-vertical.gold.json")).isEmpty)
    }
}
