import Testing
@testable import NianbaoCore

/// LabelMatcher with Table 三's rows: which row a label names.
@Suite struct LabelMatcherTests {
    static let matcher = ApplicationsLayout.matcher

    /// A logical row with these label cells (as printed), the wrapped label above, and values.
    static func row(_ labels: [String], pending: String = "", values: [String] = ["1", "0", "0", "0", "0", "0", "1"]) -> LogicalRow {
        LogicalRow(
            labelKeys: labels.map { TextNormalizer.matchKey($0) }, pendingPieces: [TextNormalizer.matchKey(pending)],
            label: labels.joined(separator: " "),
            values: values.map { PlacedReading(reading: CellReading.read($0), at: .none, column: nil) }, at: .none)
    }

    static func key(_ labels: [String], pending: String = "", values: [String] = ["1", "0", "0", "0", "0", "0", "1"]) -> String? {
        matcher.match(row(labels, pending: pending, values: values))?.key
    }

    @Test func rightmostLabelCellIsTheMostSpecific() {
        #expect(Self.key(["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"]) == "denied.state_secret")
        #expect(Self.key(["（三）不予公开", "4.保护第三方合法权益"]) == "denied.third_party_rights")
        #expect(Self.key(["（四）无法提供", "1.本机关不掌握相关政府信息"]) == "unable.not_held")
    }

    @Test func subRowsWinOverTheGroupRowsWhoseWordsTheyContain() {
        #expect(Self.key(["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]) == "partially_granted")
        #expect(Self.key(["（一）予以公开"]) == "granted")
        #expect(Self.key(["（六）其他处理"]) == "other.total")
        #expect(Self.key(["（七）总计"]) == "total_processed")
        #expect(Self.key(["四、结转下年度继续办理"]) == "carried_forward")
        #expect(Self.key(["二、上年结转政府信息公开申请数量"]) == "carried_over")
    }

    /// A label wrapped between 确认或 and 重新出具 (pdfplumber and OCR text of a borderless table: the
    /// values sit on the first line) still names （五）5.
    @Test func confirmationLabelWrappedBeforeItsKeyword() {
        #expect(Self.key(["5.要求行政机关确认或"], values: ["0", "0", "0", "0", "0", "0", "0"]) == "not_processed.confirmation")
    }

    /// One cell naming two rows (a borderless reading put the first line of the next row's wrapped
    /// label beside this row's values) claims neither: the values could be either row's.
    @Test func aCellNamingTwoRowsClaimsNeither() {
        #expect(Self.key(["三（一）予以公开、（二）部分公开（区分处理的，只计这一情形，不"]) == nil)
        #expect(Self.key(["一、本年新收政府信息公开申请数量二、上年结转政府信息公开申请数量"]) == nil)
        // A group row beside its sub-row is not two rows: the sub-row is named.
        #expect(Self.key(["（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]) == "other.overdue_correction")
    }

    @Test func printedTypoIsStillRecognized() {
        #expect(Self.key(["2.其他法律行政止公开"]) == "denied.prohibited_by_law")
    }

    @Test func wholeLabelOnlyMatchesTheWholeCell() {
        #expect(Self.key(["3.其他"]) == "other.other")
        #expect(Self.key(["（六）3.其他"]) == "other.other")
        #expect(Self.key(["其他说明"]) == nil)
    }

    @Test func wrappedLabelFromTheRowAboveCompletesTheKeyword() {
        // 大量反复 is split over two lines: neither part matches alone.
        #expect(Self.key(["反复申请"]) == nil)
        #expect(Self.key(["反复申请"], pending: "4.无正当理由大量") == "not_processed.excessive")
        // A row of blanks only claims a row by its own label (header rows end in blank cells too).
        #expect(Self.key(["反复申请"], pending: "4.无正当理由大量", values: ["", "", "", "", "", "", ""]) == nil)
        #expect(Self.key(["（七）总计"], values: ["", "", "", "", "", "", ""]) == "total_processed")
    }

    @Test func unknownAndOverlongLabelsMatchNothing() {
        #expect(Self.key(["备注"]) == nil)
        #expect(Self.key([]) == nil)
        let prose = String(repeating: "正文内容。", count: 300) + "属于国家秘密"
        #expect(prose.utf8.count > RowSpec.maxLabelBytes)
        #expect(Self.key([prose]) == nil)
    }
}

/// Misread values of scanned ruled rows.
@Suite struct MisreadValueCellTests {
    static func row(_ texts: [String], scanned: Bool) -> GridRow {
        let cells = texts.enumerated().map { i, t in
            let box = Box(x0: Double(i * 40), y0: 0, x1: Double(i * 40 + 30), y1: 10)
            return GridCell(text: t, at: scanned ? .scan(3, box, confidence: 0.9) : .page(3, box), column: i)
        }
        return GridRow(cells: cells, text: texts.joined(separator: " "), at: .page(3, Box(x0: 0, y0: 0, x1: 400, y1: 10)), table: 1)
    }

    @Test func aMisreadValueLeavesItsColumnEmpty() {
        let rows = RowCollector.collect([Self.row(["一、本年新收政府信息公开申请数量", "21", "0", "0", "0", "0", "0", "92? l"], scanned: true)][...])
        #expect(rows.count == 1)
        #expect(rows.first?.values.count == 6)
        #expect(rows.first?.values.last?.column == 6)
        #expect(rows.first?.labelKeys.count == 1)
    }

    @Test func aTextLayerRowIsReadAsBefore() {
        // On a text layer the same row is a label row: nothing is taken for a misread.
        let rows = RowCollector.collect([Self.row(["一、本年新收政府信息公开申请数量", "21", "0", "0", "0", "0", "0", "92? l"], scanned: false)][...])
        #expect(rows.isEmpty)
    }

    @Test func twoNumbersInOneScannedCellLeaveItsColumnEmpty() {
        // `21 0`: a speck beside the total read as a second number; the row is not 8 values long.
        let rows = RowCollector.collect([Self.row(["一、本年新收政府信息公开申请数量", "21", "0", "0", "0", "0", "0", "21 0"], scanned: true)][...])
        #expect(rows.first?.values.count == 6)
        #expect(rows.first?.values.map(\.column) == [1, 2, 3, 4, 5, 6])
        // On a text layer a cell of two numbers is two values, as before.
        let text = RowCollector.collect([Self.row(["一、本年新收政府信息公开申请数量", "21", "0", "0", "0", "0", "0", "21 0"], scanned: false)][...])
        #expect(text.first?.values.count == 8)
    }

    @Test func labelCellsAreNeverTakenForMisreads() {
        // A label cell right of the first value (Chinese text) ends the values, as before.
        let rows = RowCollector.collect([Self.row(["（三）不予公开", "1", "1.属于国家秘密", "0", "0"], scanned: true)][...])
        #expect(rows.first?.values.count == 2)
    }
}
