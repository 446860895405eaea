import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

@Suite struct HeadingTokenizerTests {
    @Test(arguments: [
        ("一、总体情况", 1, "一、", "总体情况"),
        ("六、其他需要报告的事项", 6, "六、", "其他需要报告的事项"),
        ("十、附则", 10, "十、", "附则"),
        ("十一、其他", 11, "十一、", "其他"),
        ("二十、其他", 20, "二十、", "其他"),
        ("三．收到和处理", 3, "三．", "收到和处理"),
        ("四 、政府信息公开行政复议", 4, "四 、", "政府信息公开行政复议"),
    ])
    func sectionMarkers(text: String, number: Int, marker: String, rest: String) throws {
        let t = try #require(HeadingTokenizer.token(text))
        #expect(t.level == .section)
        #expect(t.number == number)
        #expect(t.marker == marker)
        #expect(t.rest == rest)
    }

    @Test(arguments: [
        ("（一）持续推进主动公开。", 1, "持续推进主动公开。"),
        ("(三) 不予公开", 3, "不予公开"),
        ("（ 五 ）加强监督保障", 5, "加强监督保障"),
        ("（十二）其他", 12, "其他"),
        ("（二）、规范办理", 2, "规范办理"),
    ])
    func subsectionMarkers(text: String, number: Int, rest: String) throws {
        let t = try #require(HeadingTokenizer.token(text))
        #expect(t.level == .subsection)
        #expect(t.number == number)
        #expect(t.rest == rest)
    }

    @Test(arguments: [
        ("1.属于国家秘密", 1, "属于国家秘密"),
        ("2、其他法律行政法规禁止公开", 2, "其他法律行政法规禁止公开"),
        ("3．危及“三安全一稳定”", 3, "危及“三安全一稳定”"),
        ("1. 属于国家秘密", 1, "属于国家秘密"),
        ("１２．全角", 12, "全角"),
    ])
    func itemMarkers(text: String, number: Int, rest: String) throws {
        let t = try #require(HeadingTokenizer.token(text))
        #expect(t.level == .item)
        #expect(t.number == number)
        #expect(t.rest == rest)
    }

    @Test(arguments: ["一是扎实推进", "2023年，我局", "1.5万元", "7730.28", "（本列数据的勾稽关系为）", "十分重视", ""])
    func notMarkers(text: String) {
        #expect(HeadingTokenizer.token(text) == nil)
    }
}
