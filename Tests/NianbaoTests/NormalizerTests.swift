import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

@Suite struct NormalizerTests {
    @Test func kangxiRadicalsBecomeIdeographs() {
        // ⼀ U+2F00, ⽂ U+2F42, ⻓ U+2ED3 (CJK Radicals Supplement: 长)
        #expect(TextNormalizer.display("\u{2F00}、总体情况") == "一、总体情况")
        #expect(TextNormalizer.display("政府信息公开\u{2F42}件") == "政府信息公开文件")
        #expect(TextNormalizer.display("\u{2ED3}") == "长")
    }

    @Test func displayKeepsChinesePunctuationAndCleansWhitespace() {
        #expect(TextNormalizer.display("\u{3000}（一）予以公开，\u{00A0}\u{00A0}说明：  是\t") == "（一）予以公开， 说明： 是")
    }

    @Test func matchKeyFoldsFullWidthAndVariants() {
        #expect(TextNormalizer.matchKey("（三）不予公开") == "(三)不予公开")
        #expect(TextNormalizer.matchKey("１２３．４５") == "123.45")
        #expect(TextNormalizer.matchKey("3.危及“三安全一稳定”") == "3.危及\"三安全一稳定\"")
        #expect(TextNormalizer.matchKey("3.危及「三安全一稳定」").contains("三安全一稳定"))
        #expect(TextNormalizer.matchKey("4.无正当理由大量反复 申请") == "4.无正当理由大量反复申请")
        #expect(TextNormalizer.matchKey("\u{2F00}、\u{2460}") == "一、1")
    }
}
