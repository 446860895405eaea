import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore

/// pdfplumber's text of a PDF whose section numerals are Kangxi radicals set apart (`⼆` on a line
/// of its own, then `、主动公开政府信息情况`): the two lines are one heading.
@Suite struct SplitHeadingTextTests {
    @Test func numeralLineJoinsTheHeadingAfterIt() {
        let rows = TextGridBuilder().build("⼆\n、主动公开政府信息情况\n三\n、加强队伍建设。\n四\n五、其他\n").rows
        let joined = SplitHeadingText.join(rows)
        #expect(joined.map(\.text) == ["二、主动公开政府信息情况", "三", "、加强队伍建设。", "四", "五、其他"])
        #expect(HeadingTokenizer.token(joined[0].text)?.level == .section)
    }

    @Test func pdfplumberTextOfRadicalsFindsItsSections() throws {
        let url = RunTogetherReportTests.convertedFile("pdfplumber/p03-2021-radicals.txt")
        let r = try ReportExtractor().extract(file: url.path)
        #expect(!r.diagnostics.contains { $0.code == .sectionMissing })
        func value(_ key: String) -> DecimalNumber? { r.cells.first { $0.key == key }?.value }
        #expect(value("active_disclosure.normative_documents.issued") == DecimalNumber(units: 12))
        #expect(value("active_disclosure.normative_documents.in_force") == DecimalNumber(units: 7))
        #expect(value("active_disclosure.rules.issued") == DecimalNumber(units: 0))
        let wrong = try RunTogetherReportTests.wrongValues(r, gold: RunTogetherReportTests.convertedFile("pdfplumber/p03-2021-radicals.gold.json"))
        #expect(wrong.isEmpty, "\(wrong)")
    }
}
