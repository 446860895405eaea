import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

/// The reader on the real hongze-2023.pdf (WPS export) from the shared corpus.
@Suite(Prerequisite.shared("corpus/hongze-2023.pdf"))
struct PDFHongzeTests {
    /// Read once for the suite; nil when the file is absent.
    static let loaded: Result<SourceDocument, ExtractError>? = PDFFixtures.bytes(PDFFixtures.hongze).map { bytes in
        Result { () throws(ExtractError) in try PDFReader().read(data: bytes, path: PDFFixtures.hongze.lastPathComponent) }
    }

    static func document() throws -> SourceDocument {
        try #require(loaded, "\(PDFFixtures.hongze.path) is not there").get()
    }

    @Test func table3RowHasSevenValuesWithColumns() throws {
        let doc = try Self.document()
        let values = try #require(PDFFixtures.trailingValues(doc, label: "一、本年新收"))
        #expect(values.map(\.text) == ["21", "0", "0", "0", "0", "0", "21"])
        let columns = values.compactMap(\.column)
        #expect(columns.count == 7)
        #expect(columns == Array(columns[0]..<(columns[0] + 7)))
    }

    @Test func table4RowHasFifteenValues() throws {
        let doc = try Self.document()
        let row = try #require(doc.grid.rows.first { r in r.cells.count == 15 && r.cells.allSatisfy { ValueText.isValueLike($0.text) } })
        #expect(row.cells.map(\.text) == ["10", "1", "0", "0", "0", "0", "0", "0", "0", "0", "5", "0", "0", "0", "0"])
        #expect(row.cells.map(\.column) == (0..<15).map { Optional($0) })
    }

    @Test func tableCrossingPagesKeepsNumberAndColumns() throws {
        let doc = try Self.document()
        let first = try #require(doc.grid.rows.first { $0.text.hasPrefix("一、本年新收") })
        let last = try #require(doc.grid.rows.first { $0.text.hasPrefix("四、结转下年度继续办理") })
        #expect(first.at.lineOrPage == 3 && last.at.lineOrPage == 4)
        #expect(first.table != nil && first.table == last.table)
        #expect(first.cells.suffix(7).map(\.column) == last.cells.suffix(7).map(\.column))
    }

    @Test func verticalMergedLabelIsOneCell() throws {
        let doc = try Self.document()
        #expect(doc.grid.rows.contains { $0.cells.contains { $0.text == "三、本年度办理结果" } })
        // no junk rows made of single characters of the vertical label
        #expect(!doc.grid.rows.contains { $0.text == "度" || $0.text == "结果" })
        let header = doc.grid.rows.first { $0.cells.first?.text == "结果维持" }
        #expect(header?.cells.map(\.text).prefix(5) == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
    }

    @Test func pageNumbersAreDropped() throws {
        let doc = try Self.document()
        #expect(!doc.grid.rows.contains { PDFPageFurniture.isPageNumber($0.text) })
        #expect(doc.pages == 5 && doc.mediaType == "application/pdf")
    }

    @Test func wrappedLabelsJoinedAndBlanksExplicit() throws {
        let doc = try Self.document()
        #expect(doc.grid.rows.contains { $0.text.hasPrefix("（二）部分公开（区分处理的，只计这一情形，不计其他情形）") })
        #expect(doc.grid.rows.contains { $0.text.hasPrefix("5.要求行政机关确认或重新出具已获取信息") })
    }

    @Test func headingsAreProseParagraphs() throws {
        let doc = try Self.document()
        for h in ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"] {
            let row = doc.grid.rows.first { $0.text == h }
            #expect(row != nil && row?.table == nil && row?.startsParagraph == true, "\(h)")
        }
        #expect(doc.grid.rows.prefix(2).map(\.text) == ["洪泽区人民政府", "2023 年政府信息公开工作年度报告"])
    }
}

/// Unit tests of the steps on synthetic glyphs.
@Suite struct PDFStepTests {
    func glyph(_ s: String, _ x: Double, _ y: Double, size: Double = 10, width: Double? = nil) -> Glyph {
        Glyph(scalar: s.unicodeScalars.first!, box: Box(x0: x, y0: y, x1: x + (width ?? size), y1: y + size))
    }

    @Test func linesGroupByVerticalOverlap() {
        let gs = [glyph("甲", 10, 100), glyph("乙", 20, 100.5), glyph("1", 60, 98, size: 14, width: 7), glyph("丙", 10, 120)]
        let lines = LineBuilder.lines(gs)
        #expect(lines.count == 2)
        #expect(lines[0].glyphs.map { String($0.scalar) } == ["甲", "乙", "1"])
    }

    @Test func gapsSplitCellsButNumbersStayWhole() {
        // 0 | 12 | 1024 with wide gaps: three cells, never 0121024
        let gs = [
            glyph("0", 100, 10, width: 6), glyph("1", 140, 10, width: 6), glyph("2", 146, 10, width: 6),
            glyph("1", 190, 10, width: 6), glyph("0", 196, 10, width: 6), glyph("2", 202, 10, width: 6), glyph("4", 208, 10, width: 6),
        ]
        let line = LineBuilder.lines(gs)[0]
        let cells = LineBuilder.cells(of: line).map(LineBuilder.text(of:))
        #expect(cells == ["0", "12", "1024"])
        // justified Chinese with small gaps stays one cell, without spaces
        let prose = (0..<6).map { glyph("字", Double($0) * 13.5, 50) }
        #expect(LineBuilder.cells(of: LineBuilder.lines(prose)[0]).map(LineBuilder.text(of:)) == ["字字字字字字"])
    }

    @Test func fakeBoldDuplicatesRemoved() {
        let gs = [glyph("公", 10, 10), glyph("公", 10.3, 10.2), glyph("开", 20, 10), glyph("开", 20.25, 10), glyph("开", 30, 10)]
        #expect(GlyphExtraction.removeFakeBold(gs).map { String($0.scalar) } == ["公", "开", "开"])
    }

    @Test func verticalCellText() {
        let col = "三、本年度办理结果".unicodeScalars.enumerated().map { i, s in glyph(String(s), 80, 100 + Double(i) * 10) }
        #expect(LineBuilder.blockText(col) == "三、本年度办理结果")
        // wrapped horizontal label: lines joined without spaces
        let wrapped = [glyph("结", 10, 10), glyph("果", 20, 10), glyph("维", 10, 24), glyph("持", 20, 24)]
        #expect(LineBuilder.blockText(wrapped) == "结果维持")
        // two vertical columns, read right to left
        let two = [glyph("结", 40, 10), glyph("果", 40, 20), glyph("维", 20, 10), glyph("持", 20, 20)]
        #expect(LineBuilder.blockText(two) == "结果维持")
    }

    @Test func pageNumberPatterns() {
        for t in ["-4-", "- 3 -", "— 5 —", "第 4 页", "第4页 共5页", "4/5", "12", "Page 3 of 9"] {
            #expect(PDFPageFurniture.isPageNumber(t), "\(t)")
        }
        for t in ["一、总体情况", "2023年", "0517-87222589", "第二十条第（一）项"] {
            #expect(!PDFPageFurniture.isPageNumber(t), "\(t)")
        }
    }

    @Test func columnClusteringOfRuledGrid() {
        // two header cells over four value columns; the union of boundaries numbers the columns
        let h = { (y: Double, x0: Double, x1: Double) in Ruling(axis: .horizontal, position: y, from: x0, to: x1) }
        let v = { (x: Double, y0: Double, y1: Double) in Ruling(axis: .vertical, position: x, from: y0, to: y1) }
        let rulings = [h(0, 0, 400), h(20, 0, 400), h(40, 0, 400), v(0, 0, 40), v(100, 0, 40), v(200, 20, 40), v(300, 0, 40), v(400, 0, 40)]
        let tables = RuledTableFinder.tables(in: rulings)
        #expect(tables.count == 1)
        let t = tables[0]
        #expect(t.xs.count == 5 && t.ys.count == 3)
        // top row: cells 0, 1-2 (merged: no line at 200 above y=20), 3
        let top = t.cells.filter { $0.top == 0 }.map { [$0.left, $0.right] }.sorted { $0[0] < $1[0] }
        #expect(top == [[0, 0], [1, 2], [3, 3]])
    }

    @Test func cairoScriptPathsBecomeRulings() {
        let script = Array(
            """
            %!CairoScript
            0 g set-source
            n 75.5 122.5 m 517.5 122.5 l stroke+
            n 75.5 79.5 m 75.5 307.5 l stroke+
            n 100 200 300 0.5 rectangle fill+
            n 10 10 m 12 14 16 18 20 20 c h fill+
            1 g set-source
            n 0 0 595 842 rectangle fill+
            (a \\) b) [1 2 <~abc~>] <|xyz~> //FORWARD show-text-glyphs
            """.utf8)
        let r = RulingParser().parse(script)
        #expect(r.count == 3)
        #expect(r.contains { $0.axis == .horizontal && abs($0.position - 122.5) < 0.01 && $0.from == 75.5 && $0.to == 517.5 })
        #expect(r.contains { $0.axis == .vertical && $0.position == 75.5 })
        #expect(r.contains { $0.axis == .horizontal && abs($0.position - 200.25) < 0.01 })
    }
}

/// Scanned, garbled, encrypted and damaged PDFs end in their own errors, never a crash.
@Suite struct PDFErrorTests {
    func code(_ name: String) -> ExtractError.Code? {
        guard let bytes = PDFFixtures.bytes(PDFFixtures.corpus(name)) else { return nil }
        do {
            _ = try PDFReader().read(data: bytes, path: name)
            return nil
        } catch {
            return error.code
        }
    }

    @Test func scanned() { #expect(code("e01-scanned.pdf") == .noTextLayer) }
    @Test func garbled() { #expect(code("e02-garbled.pdf") == .garbledText) }
    @Test func encrypted() { #expect(code("e03-encrypted.pdf") == .encrypted) }
    @Test func truncated() { #expect(code("e04-truncated.pdf") == .damaged) }

    @Test func notAPDF() {
        #expect(throws: ExtractError.self) { try PDFReader().read(data: Array("hello".utf8), path: "x.pdf") }
        #expect(throws: ExtractError.self) { try PDFReader().read(data: [], path: "x.pdf") }
    }

    @Test func messagesNamePages() throws {
        let bytes = try #require(PDFFixtures.bytes(PDFFixtures.corpus("e01-scanned.pdf")))
        do {
            _ = try PDFReader().read(data: bytes, path: "e01-scanned.pdf")
            Issue.record("e01-scanned.pdf was read but has no text layer")
        } catch {
            #expect(error.message.contains("pages 1–2"))
            #expect(error.exitStatus == 3)
        }
    }
}

/// The Chromium renderings in Corpus/pdf.
@Suite struct PDFCorpusTests {
    @Test func ruledVerticalTable3CrossesPages() throws {
        let doc = try #require(try PDFFixtures.read(PDFFixtures.corpus("p01-2021-ruled-vertical.pdf")))
        let a = try #require(doc.grid.rows.first { $0.text.hasPrefix("一、本年新收") })
        let b = try #require(doc.grid.rows.first { $0.text.hasPrefix("四、结转下年度继续办理") })
        #expect(a.table == b.table && a.at.lineOrPage != b.at.lineOrPage)
        #expect(PDFFixtures.trailingValues(doc, label: "一、本年新收")?.map(\.text) == ["58", "5", "0", "0", "1", "0", "64"])
        #expect(doc.grid.rows.contains { $0.cells.first?.text == "三、本年度办理结果" })
        // vertical-rl headers of Table 四 read as words
        #expect(doc.grid.rows.contains { $0.cells.map(\.text).starts(with: ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]) })
        #expect(!doc.grid.rows.contains { PDFPageFurniture.isPageNumber($0.text) })
    }

    @Test func blanksKeepTheirColumns() throws {
        let doc = try #require(try PDFFixtures.read(PDFFixtures.corpus("p02-2019-wrapped-labels.pdf")))
        let row = try #require(doc.grid.rows.first { $0.text.hasPrefix("二、上年结转") })
        let values = row.cells.suffix(7)
        #expect(values.map(\.text) == ["46", "1", "", "", "", "2", "49"])
        #expect(Set(values.compactMap(\.column)).count == 7)
        // the repeated header on the continuation page is dropped
        #expect(doc.grid.rows.filter { $0.text.hasPrefix("（本列数据的勾稽关系为") }.count == 1)
    }

    @Test func radicalsAreMapped() throws {
        let doc = try #require(try PDFFixtures.read(PDFFixtures.corpus("p03-2021-radicals.pdf")))
        #expect(!doc.grid.rows.contains { $0.text.unicodeScalars.contains { (0x2F00...0x2FDF).contains($0.value) } })
        #expect(doc.grid.rows.contains { $0.text == "一、总体情况" })
        #expect(doc.grid.rows.contains { $0.cells.first?.text == "三、本年度办理结果" })
    }
}

/// The whole pipeline on every PDF with a gold file: every value as in the gold.
@Suite struct PDFGoldenTests {
    static func goldValues(_ url: URL) throws -> [String: Double?] {
        try GoldFile(url: url).values
    }

    static var files: [URL] {
        var urls = (try? FileManager.default.contentsOfDirectory(at: PDFFixtures.packageRoot.appendingPathComponent("Corpus/pdf"), includingPropertiesForKeys: nil)) ?? []
        urls = urls.filter { $0.pathExtension == "pdf" && FileManager.default.fileExists(atPath: $0.deletingPathExtension().path + ".gold.json") }
        return urls.sorted { $0.path < $1.path }
    }

    @Test func corpusHasGoldPDFs() {
        #expect(Self.files.count >= 4, "Corpus/pdf: \(Self.files.count) PDFs with a gold file")
    }

    @Test(arguments: files)
    func valuesMatchGold(_ pdf: URL) throws {
        try Self.compare(pdf)
    }

    @Test(Prerequisite.shared("corpus/hongze-2023.pdf"))
    func hongzeValuesMatchGold() throws {
        try Self.compare(try TestSupport.requireShared("corpus/hongze-2023.pdf"))
    }

    static func compare(_ pdf: URL) throws {
        let gold = try Self.goldValues(URL(fileURLWithPath: pdf.deletingPathExtension().path + ".gold.json"))
        let report = try ReportExtractor().extract(bytes: try #require(PDFFixtures.bytes(pdf)), path: pdf.lastPathComponent)
        var got: [String: Double?] = [:]
        for cell in report.cells { got[cell.key] = cell.value.flatMap { Double($0.description) } }
        var wrong: [String] = []
        for (key, expected) in gold where (got[key] ?? nil) != expected {
            wrong.append("\(key): expected \(expected.map { "\($0)" } ?? "null"), got \((got[key] ?? nil).map { "\($0)" } ?? "null")")
        }
        #expect(wrong.isEmpty, "\(pdf.lastPathComponent): \(wrong.count) wrong: \(wrong.sorted().prefix(8))")
    }
}
