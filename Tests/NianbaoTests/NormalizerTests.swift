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

    /// ``Swift/UnsafeBufferPointer/isIdeographLead(at:)`` is the range test U+4E00–U+9FFF it stands
    /// for, at the first byte of every scalar's UTF-8 (each such scalar a unified ideograph), and
    /// reads no byte past the buffer when it ends after a lead.
    @Test func ideographLeadIsTheRangeTest() {
        var wrong: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let lead = Array(String(scalar).utf8).withUnsafeBufferPointer { $0.isIdeographLead(at: 0) }
            let inRange = v >= 0x4E00 && v <= 0x9FFF
            if lead != inRange || (lead && !scalar.properties.isUnifiedIdeograph) { wrong.append(v) }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10).map { String($0, radix: 16) })")
        #expect(![UInt8(0xE4)].withUnsafeBufferPointer { $0.isIdeographLead(at: 0) })
        #expect([UInt8(0xE5)].withUnsafeBufferPointer { $0.isIdeographLead(at: 0) })
    }
}
