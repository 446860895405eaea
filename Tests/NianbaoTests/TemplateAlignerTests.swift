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

    @Test func asManyMisreadRowsAsFreeRowsArePairedInOrder() {
        // hongze's photocopy at 200 dpi: the first three rows of Table 三 misread, each about as like
        // 一、 as 二、; Table 二's rows before them in the region (its heading was misread too).
        let aligner = TemplateAligner(template: [
            RowSpec(key: "a", label: "一、本年新收政府信息公开申请数量", keywords: []),
            RowSpec(key: "b", label: "二、上年结转政府信息公开申请数量", keywords: []),
            RowSpec(key: "c", label: "（一）予以公开", keywords: []),
            RowSpec(key: "d", label: "（二）部分公开", keywords: []),
        ])
        let labels = ["规章", "行政许可", "一、本午巡鉴政府信息公下中清数最", "二、上年续较政府信息公才中请数量", "一2在三乓孙理全 ( -) 了以公开", "（二）部分公开"]
        let matched: [String?] = [nil, nil, nil, nil, nil, "d"]
        #expect(aligner.align(labels: labels, matched: matched, candidate: labels.map { _ in true }) == [2: "a", 3: "b", 4: "c"])
        // A row in the pairing whose label contradicts its row: the order proves nothing.
        var contradicting = labels
        contradicting[3] = "申请人情况"
        #expect(aligner.align(labels: contradicting, matched: matched, candidate: labels.map { _ in true })[3] == nil)
    }

    @Test func similarityKeepsOrderAndDiceDoesNot() {
        let a = TemplateAligner.characters("”定稳-全安三“及危.3"), b = TemplateAligner.characters("（三）3.危及“三安全一稳定”")
        #expect(TemplateAligner.similarity(a, b) < 0.3)
        #expect(TemplateAligner.dice(a, b) > 0.6)
    }
}
