import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore

/// Table 二 in reading order (pdftotext without `-layout`): a sub-table's heading
/// `第二十条第（五）项` cut in two at its `（`, and a one-row sub-table whose value is printed above
/// its label.
@Suite struct SubTableOrderTests {
    static func read(_ text: String) -> (values: [String: [String]], diagnostics: [Diagnostic]) {
        let rows = TextGridBuilder().build(text).rows
        var diagnostics: [Diagnostic] = []
        let read = TokenTableReader(template: .activeDisclosure(.g2021)).read(rows[...], diagnostics: &diagnostics)
        var values: [String: [String]] = [:]
        for r in read { values[r.label] = r.values.map { $0.reading.raw } }
        return (values, diagnostics)
    }

    @Test func citedItemIsNoLabelStart() {
        #expect(TokenTableReader.pieces("行政许可 第二十条第（六）项 信息内容 行政处罚") == ["行政许可 ", "第二十条第（六）项 信息内容 行政处罚"])
        #expect(TokenTableReader.pieces("（一）予以公开") == ["（一）予以公开"])
    }

    @Test func oneRowSubTableWithItsValueAboveItsLabel() {
        // hongze's Table 二 through `pdftotext` (raw): 550 above 行政许可, then a page break.
        let text = """
            第二十条第（一）项
            信息内容
            本年制发件数
            本年废止件数
            现行有效件数
            规章
            0
            0
            0
            行政规范性文件
            0
            5
            2
            第二十条第（五）项
            信息内容
            本年处理决定数量
            550

            行政许可

            第二十条第（六）项

            信息内容

            本年处理决定数量

            行政处罚

            4119

            行政强制

            195
            """
        let r = Self.read(text)
        #expect(r.values["行政许可"] == ["550"])
        #expect(r.values["行政处罚"] == ["4119"])
        #expect(r.values["行政强制"] == ["195"])
    }

    @Test func valuesAboveAndBelowLabelsOfOneSubTableAreNotPlaced() {
        // 8 above 行政处罚 and 9 below it: whose is which is not printed.
        let text = """
            第二十条第（五）项
            信息内容
            本年处理决定数量
            行政许可
            550
            第二十条第（六）项
            信息内容
            本年处理决定数量
            8
            行政处罚
            9
            行政强制
            """
        let r = Self.read(text)
        #expect(r.values["行政许可"] == ["550"])
        #expect(r.values["行政处罚"] == nil)
        #expect(r.values["行政强制"] == nil)
        #expect(r.diagnostics.contains { $0.code == .valuesUnplaced && $0.message.contains("above and below") })
    }
}
