import Testing
@testable import NianbaoCore

/// Rows of a scan whose label OCR garbled, placed by the table's row order.
@Suite struct TemplateAlignerTests {
    static let template = [
        RowSpec(key: "a", label: "（三）7.属于行政执法案卷", keywords: []),
        RowSpec(key: "b", label: "（三）8.属于行政查询事项", keywords: []),
        RowSpec(key: "c", label: "（四）1.本机关不掌握相关政府信息", keywords: []),
        RowSpec(key: "d", label: "（六）其他处理", keywords: []),
        RowSpec(key: "e", label: "（六）3.其他", keywords: []),
        RowSpec(key: "f", label: "（七）总计", keywords: []),
    ]
    let aligner = TemplateAligner(template: Self.template)

    @Test func aloneBetweenItsNeighboursIsPlaced() {
        let placed = aligner.align(labels: ["7.属于行政执法案卷", "8.导于行政音询事项", "1.本机关不掌握相关政府信息"], matched: ["a", nil, "c"], candidate: [true, true, true])
        #expect(placed == [1: "b"])
    }

    @Test func aLabelThatContradictsTheOrderIsNotPlaced() {
        let placed = aligner.align(labels: ["x", "行政处罚决定", "y"], matched: ["a", nil, "c"], candidate: [true, true, true])
        #expect(placed.isEmpty)
    }

    @Test func amongSeveralFreeRowsTheLabelMustStandOut() {
        // 其他处班 is 其他处理 (0.8) far more than 3.其他 (0.6); 半 for 总计 is too little among three.
        let placed = aligner.align(labels: ["查询事项", "《六) 其他处班", "(七 ) 半"], matched: ["b", nil, nil], candidate: [true, true, true])
        #expect(placed[1] == "d")
        #expect(placed[2] == nil)
    }

    @Test func rowsOutsideTheScanAreNotConsidered() {
        let placed = aligner.align(labels: ["7.属于行政执法案卷", "8.导于行政音询事项", "1.本机关不掌握"], matched: ["a", nil, "c"], candidate: [true, false, true])
        #expect(placed.isEmpty)
    }

    @Test func similarityKeepsOrderAndDiceDoesNot() {
        let a = TemplateAligner.characters("”定稳-全安三“及危.3"), b = TemplateAligner.characters("（三）3.危及“三安全一稳定”")
        #expect(TemplateAligner.similarity(a, b) < 0.3)
        #expect(TemplateAligner.dice(a, b) > 0.6)
    }
}
