import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

@Suite struct TextGridBuilderTests {
    @Test func tabsAndSpaceRunsSplitCells() {
        let g = TextGridBuilder().build("行政许可\t550\n规章               0          0       0\n4.无正当理由大量反复 申请    0")
        #expect(g.rows.map { $0.cells.map(\.text) } == [["行政许可", "550"], ["规章", "0", "0", "0"], ["4.无正当理由大量反复 申请", "0"]])
        #expect(g.rows.map(\.at) == [.line(1), .line(2), .line(3)])
    }

    @Test func consecutiveTabsAreBlankCells() {
        let g = TextGridBuilder().build("二、上年结转\t2\t\t0\t\n")
        #expect(g.rows[0].cells.map(\.text) == ["二、上年结转", "2", "", "0", ""])
    }

    @Test func paragraphStartsFromBlankLinesAndIndents() {
        let g = TextGridBuilder().build("标题\n\n第一段\n接续\n   第二段\n\u{3000}\u{3000}第三段")
        #expect(g.rows.map(\.startsParagraph) == [true, true, false, true, true])
    }

    @Test func crlfAndCrLineEndings() {
        let g = TextGridBuilder().build("一\r\n二\r三\n")
        #expect(g.rows.map(\.text) == ["一", "二", "三"])
        #expect(g.rows.map(\.at) == [.line(1), .line(2), .line(3)])
    }

    @Test(arguments: ["-4-", "- 4 -", "— 5 —", "－3－", "第 4 页", "第4页 共5页", "4/5"])
    func pageNumbers(text: String) {
        #expect(PageFurniture.isPageNumber(text))
    }

    @Test(arguments: ["0    0    0   0     /     0   0", "4", "-3", "一、总体情况", "2023"])
    func notPageNumbers(text: String) {
        #expect(!PageFurniture.isPageNumber(text))
    }
}
