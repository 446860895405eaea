import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore

/// Tables whose labels a converter scattered but whose values are the template's cells in order,
/// blocks printed column by column (pdftotext raw, pdfplumber), and OCR rulings read as `1`.
@Suite struct TemplateOrderReadingTests {
    static let template = TableTemplate.applications(singleOther: true)

    /// A Table 三 (23 rows × 7) whose identities hold: result rows, their sum, I1 with 2 carried forward.
    static let matrix: [[Int64]] = {
        func row(_ parts: [Int64]) -> [Int64] { parts + [parts.reduce(0, +)] }
        var results: [[Int64]] = []
        for k in 0..<19 { results.append(row([Int64(k % 4), Int64(k % 3 == 0 ? 1 : 0), 0, Int64(k == 5 ? 2 : 0), 0, Int64(k % 5 == 0 ? 1 : 0)])) }
        let processed = (0..<7).map { c in results.reduce(Int64(0)) { $0 + $1[c] } }
        let forward = row([2, 0, 0, 0, 0, 0])
        let carried = row([1, 0, 0, 0, 0, 0])
        let new = zip(processed, zip(forward, carried)).map { $0 + $1.0 - $1.1 }
        return [new, carried] + results + [processed, forward]
    }()

    static func tokens(_ values: [Int64]) -> [TableToken] {
        values.map { TableToken(kind: .number, text: String($0), at: .none, gap: nil) }
    }

    /// Rows `range` of the matrix printed as one run: the first `rowMajor` rows row by row, the rest column by column.
    static func run(_ range: Range<Int>, rowMajor: Int) -> [TableToken] {
        let rows = Array(matrix[range])
        var v: [Int64] = rows.prefix(rowMajor).flatMap { $0 }
        let rest = rows.dropFirst(rowMajor)
        for c in 0..<7 { for r in rest { v.append(r[c]) } }
        return tokens(v)
    }

    static func read(_ segments: [TokenTableReader.Segment]) -> [[Int64]]? {
        TemplateOrderReading(template: template).read(segments).map { rows in
            rows.map { $0.tokens.map { Int64($0.text)! } }
        }
    }

    @Test func permutationMixesRowAndColumnOrder() {
        // Two rows by row, then two by column: a b | c d | e g f h …
        #expect(TemplateOrderReading.permutation(rows: 3, columns: 2, rowMajorFirst: 1) == [0, 1, 2, 4, 3, 5])
        #expect(TemplateOrderReading.permutation(rows: 2, columns: 3, rowMajorFirst: 0) == [0, 2, 4, 1, 3, 5])
        #expect(TemplateOrderReading.permutation(rows: 2, columns: 3, rowMajorFirst: 2) == [0, 1, 2, 3, 4, 5])
    }

    @Test func columnBlocksPlacedInTemplateOrder() throws {
        let segments: [TokenTableReader.Segment] = [
            .values(Self.run(0..<4, rowMajor: 4)),
            .label(["（二）部分公开"], .none),
            .values(Self.run(4..<14, rowMajor: 1)),  // one row, then nine column by column
            .label(["1.属于国家秘密 2.其他法律行政法规禁止公开"], .none),
            .values(Self.run(14..<18, rowMajor: 0)),
            .label(["（七）总计"], .none),
            .values(Self.run(18..<23, rowMajor: 5)),
        ]
        let read = try #require(Self.read(segments))
        #expect(read == Self.matrix)
    }

    @Test func orderSettledByColumnIdentities() throws {
        // A row of zeros and a row 10 0 0 0 0 0 10 printed together: by columns they read
        // 0 0 0 0 0 0 0 and 0 0 0 10 0 0 10, which hold their row identity too; the column
        // identities keep only the printed order.
        var m = Self.matrix
        m[2] = [0, 0, 0, 0, 0, 0, 0]
        m[3] = [10, 0, 0, 0, 0, 0, 10]
        let processed = (0..<7).map { c in m[2..<21].reduce(Int64(0)) { $0 + $1[c] } }
        m[21] = processed
        m[0] = (0..<7).map { c in processed[c] + m[22][c] - m[1][c] }
        let segments: [TokenTableReader.Segment] =
            [.values(Self.tokens(m[0])), .label(["x"], .none), .values(Self.tokens(m[1])), .label(["x"], .none)]
            + [.values(Self.tokens(m[2] + m[3])), .label(["x"], .none)]
            + (4..<23).flatMap { r -> [TokenTableReader.Segment] in [.values(Self.tokens(m[r])), .label(["x"], .none)] }
        let read = try #require(Self.read(segments))
        #expect(read == m)
    }

    @Test func nothingReadWhenACellIsMissingOrNotACount() {
        var short = Self.run(0..<23, rowMajor: 23)
        short.removeLast()
        #expect(Self.read([.values(Array(short.prefix(7))), .values(Array(short.dropFirst(7)))]) == nil)
        var marked = Self.run(0..<23, rowMajor: 23)
        marked[10] = TableToken(kind: .mark, text: "/", at: .none, gap: nil)
        #expect(Self.read([.values(Array(marked.prefix(7))), .values(Array(marked.dropFirst(7)))]) == nil)
    }

    @Test func nothingReadWhenColumnIdentitiesFail() {
        var all = Self.run(0..<23, rowMajor: 23)
        // Row 21 (（七）总计) one more in column 1 and its total: I3 holds, I2 fails.
        all[21 * 7] = TableToken(kind: .number, text: String(Self.matrix[21][0] + 1), at: .none, gap: nil)
        all[21 * 7 + 6] = TableToken(kind: .number, text: String(Self.matrix[21][6] + 1), at: .none, gap: nil)
        #expect(Self.read([.values(Array(all.prefix(7))), .values(Array(all.dropFirst(7)))]) == nil)
        let good = Self.run(0..<23, rowMajor: 23)
        #expect(Self.read([.values(Array(good.prefix(7))), .values(Array(good.dropFirst(7)))]) == Self.matrix)
    }

    @Test(arguments: ["pdftotext/hongze-2023", "pdfplumber/hongze-2023"])
    func scatteredLabelsReadExactly(file: String) throws {
        let input = RunTogetherReportTests.convertedFile(file + ".txt"), gold = RunTogetherReportTests.convertedFile(file + ".gold.json")
        let r = try ReportExtractor().extract(file: input.path)
        #expect(try RunTogetherReportTests.wrongValues(r, gold: gold).isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: gold)) as? [String: Any])
        let values = try #require(json["values"] as? [String: Any])
        let table = values.filter { $0.key.hasPrefix("applications.") }
        #expect(table.count == 161)
        for (key, g) in table {
            #expect(r.value(key).map { Double($0.description) } == Double("\(g)"), "\(key)")
        }
        #expect(r.diagnostics.contains { $0.code == "values_in_template_order" })
    }

    @Test func rulingReadAsOne() throws {
        let cell = Cell(key: "k", value: DecimalNumber(175), raw: "175", kind: .number, at: .none)
        #expect(OCRPipeDigits.stripped(cell)?.value == DecimalNumber(75))
        #expect(OCRPipeDigits.stripped(cell)?.kind == .inferred)
        var ten = cell; ten.value = DecimalNumber(10); ten.raw = "10"
        #expect(OCRPipeDigits.stripped(ten)?.value == DecimalNumber(0))
        var one = cell; one.value = DecimalNumber(1); one.raw = "1"
        #expect(OCRPipeDigits.stripped(one) == nil)  // nothing left
        var hundred = cell; hundred.value = DecimalNumber(100); hundred.raw = "100"
        #expect(OCRPipeDigits.stripped(hundred) == nil)  // 00 is not a count
        var two = cell; two.value = DecimalNumber(275); two.raw = "275"
        #expect(OCRPipeDigits.stripped(two) == nil)

        // 118 for 18 in the total: I3 and I1 hold only with the 1 taken off.
        let cols = ApplicationsLayout.columns
        var cells: [Cell] = []
        func add(_ row: String, _ v: [Int]) {
            cells += zip(cols, v).map { Cell(key: "applications.\(row).\($0)", value: DecimalNumber($1), raw: String($1), kind: .number, at: .none) }
        }
        add("new_received", [18, 0, 0, 0, 0, 0, 18])
        add("carried_over", [0, 0, 0, 0, 0, 0, 0])
        add("total_processed", [18, 0, 0, 0, 0, 0, 118])
        add("carried_forward", [0, 0, 0, 0, 0, 0, 0])
        var diagnostics: [Diagnostic] = []
        let kept = OCRDoubt.dropDoubtful(cells, diagnostics: &diagnostics)
        #expect(kept.first { $0.key == "applications.total_processed.total" }?.value == DecimalNumber(18))
        #expect(kept.count == cells.count)
        #expect(diagnostics.map(\.code) == ["ocr_inferred"])
        // Without a second identity to confirm it (no 一/二/四 rows), nothing is changed.
        var alone = cells.filter { $0.key.hasPrefix("applications.total_processed.") }
        alone = OCRPipeDigits.correct(alone, diagnostics: &diagnostics)
        #expect(alone.first { $0.key == "applications.total_processed.total" }?.value == DecimalNumber(118))

        // Tesseract text of a ruled table: `|75` read as 175 in the total; I3 and I1 agree on 75.
        let file = "tesseract/p03-2021-radicals"
        let r = try ReportExtractor().extract(file: RunTogetherReportTests.convertedFile(file + ".txt").path)
        #expect(try RunTogetherReportTests.wrongValues(r, gold: RunTogetherReportTests.convertedFile(file + ".gold.json")).isEmpty)
        let total = r.cells.first { $0.key == "applications.new_received.total" }
        #expect(total?.value == DecimalNumber(75))
        #expect(total?.kind == .inferred)
        #expect(r.diagnostics.contains { $0.code == "ocr_inferred" && $0.message.contains("175") })
    }

    /// pymupdf4llm repeats a merged cell in every column it spans; the header row above shows the span.
    @Test func markdownMergedCellReadOnce() {
        let md = """
            |信息内容|本年处理决定数量|本年处理决定数量|本年处理决定数量|
            |---|---|---|---|
            |行政处罚|23|23|23|
            |行政强制|258|258|7|
            """
        #expect(MarkdownText.plain(md) == "信息内容\t本年处理决定数量\n\n行政处罚\t23\n行政强制\t258\t258\t7")
        // Separate columns under distinct headers: zeros stay three cells.
        let separate = """
            |信息内容|本年制发件数|本年废止件数|现行有效件数|
            |---|---|---|---|
            |规章|0|0|0|
            """
        #expect(MarkdownText.plain(separate).hasSuffix("规章\t0\t0\t0"))
        // A span shown by an earlier header row, not the last one, is not a span of the values.
        let table3 = """
            |申请人情况|法人或其他组织|法人或其他组织|法人或其他组织|
            |---|---|---|---|
            |自然人|商业企业|科研机构|其他|
            |一、本年新收|0|0|0|
            """
        #expect(MarkdownText.plain(table3).hasSuffix("一、本年新收\t0\t0\t0"))
    }

    /// pymupdf4llm writes the page number `- 2 -` as a list item `- 2`: page furniture, not a value.
    @Test func pageNumberBulletDropped() {
        #expect(MarkdownText.plain("1 0 0 0 0 0 1\n- 2 \n0 0 0") == "1 0 0 0 0 0 1\n\n0 0 0")
        #expect(MarkdownText.isPageNumberBullet("- 12 -"))
        #expect(!MarkdownText.isPageNumberBullet("-2"))  // a negative value (本年增/减)
        #expect(!MarkdownText.isPageNumberBullet("- 2 0 0"))
        #expect(!MarkdownText.isPageNumberBullet("- 2023"))
    }
}
