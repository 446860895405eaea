import Testing
@testable import NianbaoCore

/// The byte-level shortcuts of the text path decide as the tests they stand in front of.
@Suite struct TextPathShortcutTests {
    /// Page numbers in the forms extracted text prints them, full-width and dash variants included.
    static let pageNumbers = [
        "-4-", "- 3 -", "— 5 —", "－５－", "―12―", "·3·", "•2•", "_7_", "~8~", "第 4 页", "第4页 共5页", "第４页",
        "4/5", "１／２", "12/30",
    ]
    /// Rows that start like a page number but are none: values, phone numbers, headings.
    static let notPageNumbers = [
        "0 0 12 3", "1,024", "2023年", "0517-87222589", "第二十条第（一）项", "1．申请人", "-", "12", "3.5", "4/5 页", "①",
    ]

    @Test func pagePrefilterIsANecessaryCondition() {
        for t in Self.pageNumbers {
            #expect(PageFurniture.isPageNumber(t), "\(t)")
            #expect(PageFurniture.mayBePageNumber(t), "\(t)")
        }
        for t in Self.pageNumbers + Self.notPageNumbers where PageFurniture.isPageNumber(t) {
            #expect(PageFurniture.mayBePageNumber(t), "\(t)")
        }
        // A row of values or of prose is ruled out on its own bytes.
        for t in ["0 0 12 3", "1,024", "2023年", "1．申请人", "12"] {
            #expect(!PageFurniture.mayBePageNumber(t), "\(t)")
        }
    }

    @Test func markBytesAsTheSet() {
        let texts = Array(CellReading.notApplicableMarks) + ["—", "——", "－", "／", "x ", "无无", "不 适 用", "0", "/ /", "空白", "Ｘ", "×", "\\\\"]
        for t in texts {
            let key = TextNormalizer.matchKey(t)
            #expect(CellReading.isNotApplicableMark(key) == CellReading.notApplicableMarks.contains(key), "\(t)")
        }
        #expect(CellReading.isNotApplicableMark("不适用"))
        #expect(!CellReading.isNotApplicableMark("不适"))
    }
}
