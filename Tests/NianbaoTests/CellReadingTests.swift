import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

@Suite struct CellReadingTests {
    @Test(arguments: [
        ("0", "0"), ("21", "21"), ("7730.28", "7730.28"), ("1,024", "1024"), ("1,234,567", "1234567"),
        ("-3", "-3"), ("－3", "-3"), ("+2", "2"), ("１２", "12"), ("251000元", "251000"), ("12.5万元", "12.5"),
        ("12.50", "12.5"), ("5件", "5"),
    ])
    func numbers(text: String, value: String) {
        let r = CellReading.read(text)
        #expect(r.kind == .number)
        #expect(r.value?.description == value)
        #expect(r.raw == text, "the printed text is kept as raw")
    }

    @Test func unitIsReported() {
        #expect(CellReading.read("251000元").unit == "元")
        #expect(CellReading.read("12.5万元").unit == "万元")
        #expect(CellReading.read("12").unit == nil)
    }

    @Test(arguments: ["/", "-", "—", "——", "－", "无", "不适用", "／"])
    func notApplicable(text: String) {
        let r = CellReading.read(text)
        #expect(r.kind == .notApplicable)
        #expect(r.value == nil)
    }

    @Test func blankIsEmptyNotZero() {
        #expect(CellReading.read("").kind == .empty)
        #expect(CellReading.read("").value == nil)
    }

    @Test(arguments: ["1,0468", "1 046", "12,34", "3.", "本年新收", "1.属于国家秘密", "0121024x"])
    func notNumbers(text: String) {
        let r = CellReading.read(text)
        #expect(r.kind == .text)
        #expect(r.value == nil)
    }
}
