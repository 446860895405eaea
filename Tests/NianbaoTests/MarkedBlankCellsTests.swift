import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore

/// Text an HTML page gave with its tags dropped (lxml `text_content()`): every empty cell was
/// `&nbsp;`, the other cells ran together (`82135\u{A0}\u{A0}21859` is 821 | 35 | □ | □ | 2 | 1 | 859).
/// The no-break spaces are kept as blank-cell marks and fix where the blanks stand.
@Suite struct MarkedBlankCellsTests {
    static let nbsp = "\u{A0}"
    static let rowIdentity = [RowIdentity(parts: Array(0..<6), total: 6)]

    @Test func exactBlanksOnlyWhereMarked() throws {
        // 82135□□21859 for seven columns: two marked blanks after the first run, none elsewhere.
        let pieces: [[UInt8]] = [[8, 2, 1, 3, 5], [2, 1, 8, 5, 9]]
        guard
            case .candidates(let exact) = DigitSplitter.split(
                pieces: pieces, blanks: [0, 2, 0], slots: 7, identities: Self.rowIdentity, blanksCountNothing: true, exactBlanks: true)
        else { Issue.record("too many splits"); return }
        #expect(exact == [[821, 35, nil, nil, 2, 1, 859]])
        // Trailing marks count too: 19□□□□□□ is one cell and six blanks. Without the marks'
        // exactness the spaces may stand for fewer blanks: 1 | 9 | □ … too.
        guard case .candidates(let one) = DigitSplitter.split(pieces: [[1, 9]], blanks: [0, 6], slots: 7, identities: [], exactBlanks: true)
        else { Issue.record("too many splits"); return }
        #expect(one == [[19, nil, nil, nil, nil, nil, nil]])
        guard case .candidates(let loose) = DigitSplitter.split(pieces: [[1, 9]], blanks: [0, 6], slots: 7, identities: [])
        else { Issue.record("too many splits"); return }
        #expect(loose.contains([1, 9, nil, nil, nil, nil, nil]))
        // More marks than cells: nothing fits.
        guard case .candidates(let none) = DigitSplitter.split(pieces: [[1, 9]], blanks: [0, 7], slots: 7, identities: [], exactBlanks: true)
        else { Issue.record("too many splits"); return }
        #expect(none == [])
    }

    @Test func marksKeptOnlyInDocumentsThatUseThem() {
        let n = Self.nbsp
        let marked =
            "一、本年新收政府信息公开申请数量82135\(n)\(n)21859\n二、上年结转政府信息公开申请数量18\(n)\(n)\(n)\(n)\(n)18\n"
            + "正文。\(n)\(n)2019年，本机关\(n)继续推进。\n\(n)\(n)一、总体情况\n"
        let rows = TextGridBuilder().build(marked).rows
        #expect(rows[0].text == "一、本年新收政府信息公开申请数量82135\(n)\(n)21859")
        #expect(rows[1].text.contains("18\(n)\(n)\(n)\(n)\(n)18"))
        // A paragraph's indentation after a sentence's end, and a heading's indentation, stay spaces.
        #expect(!rows[2].text.hasPrefix("正文。\(n)"))
        #expect(rows[3].text == "一、总体情况")
        // A document with a stray no-break space or two keeps reading them as spaces.
        let plain = TextGridBuilder().build("规章\(n)3\(n)2\n说明：本年度\(n)无变化\n").rows
        #expect(!plain.contains { $0.text.contains(n) })
    }

    @Test func lxmlTextOfShanghaiReadsItsBlankCells() throws {
        let url = RunTogetherReportTests.convertedFile("lxml/shanghai-2019.txt")
        let r = try ReportExtractor().extract(file: url.path)
        func cell(_ key: String) -> Cell? { r.cells.first { $0.key == key } }
        // （一）予以公开25812□□11□: its 总计 was left blank, the column identities settle it.
        let granted = ["natural_person": 258, "commercial_enterprise": 12, "legal_service_institution": 1, "other_organization": 1]
        for (column, value) in granted { #expect(cell("applications.granted.\(column)")?.value == DecimalNumber(units: Int64(value)), "\(column)") }
        #expect(cell("applications.granted.research_institution")?.kind == .empty)
        #expect(cell("applications.granted.total")?.kind == .empty)
        // 总计5□□278□□19□□□□□: Table 四 with its blank cells in place.
        #expect(cell("review_litigation.review.upheld")?.value == DecimalNumber(units: 5))
        #expect(cell("review_litigation.review.pending")?.value == DecimalNumber(units: 2))
        #expect(cell("review_litigation.review.total")?.value == DecimalNumber(units: 7))
        #expect(cell("review_litigation.litigation_direct.total")?.value == DecimalNumber(units: 9))
        #expect(cell("review_litigation.litigation_after_review.total")?.kind == .empty)
        let wrong = try RunTogetherReportTests.wrongValues(r, gold: RunTogetherReportTests.convertedFile("lxml/shanghai-2019.gold.json"))
        #expect(wrong.isEmpty, "\(wrong)")
    }

    @Test func lxmlTextOfBlankTotalsPlacesTableFourByItsPrintedTotal() throws {
        // □□□□□□□□0□6□0915: the run 0915 is 0 | 9 | 15 (6 + 0 + 9 = 15), never 0 | 91 | 5.
        let url = RunTogetherReportTests.convertedFile("lxml/h02-2019-blanks.txt")
        let r = try ReportExtractor().extract(file: url.path)
        func value(_ key: String) -> DecimalNumber? { r.cells.first { $0.key == key }?.value }
        #expect(value("review_litigation.litigation_after_review.other") == DecimalNumber(units: 0))
        #expect(value("review_litigation.litigation_after_review.pending") == DecimalNumber(units: 9))
        #expect(value("review_litigation.litigation_after_review.total") == DecimalNumber(units: 15))
        let wrong = try RunTogetherReportTests.wrongValues(r, gold: RunTogetherReportTests.convertedFile("lxml/h02-2019-blanks.gold.json"))
        #expect(wrong.isEmpty, "\(wrong)")
    }

    @Test func marksAsPaddingAreReadAsSpaces() throws {
        // Every cell padded with a no-break space: more marks than the row has cells, so they were
        // spaces, and the values are read one per cell as printed.
        let n = Self.nbsp
        let (label, printed) = try #require(MiniReport.table3Rows2021.first)
        let line = label + printed.map { "\(n)\($0)" }.joined()
        let r = try TestSupport.extract(MiniReport.text(table3: MiniReport.table3(replacing: label, with: line)))
        let values = ApplicationsLayout.columns.map { c in r.cells.first { $0.key == "applications.new_received.\(c)" }?.value }
        #expect(values == printed.map { DecimalNumber(units: Int64($0)) })
    }

    @Test func oneDigitPerCellIsTheOnlySplitEvenWhenTheDocumentsSumIsWrong() throws {
        // lxml h06: Table 四 as 610000010120417, fifteen digits for fifteen cells; its 行政复议 总计
        // was printed 0 (6 + 1 + 0 + 0 = 7): the values are the print's, the check fails.
        let url = RunTogetherReportTests.convertedFile("lxml/h06-2022-other-single-errors.txt")
        let r = try ReportExtractor().extract(file: url.path)
        let values = ReviewLitigationLayout.keys.map { key in r.cells.first { $0.key == key }?.value }
        #expect(values == [6, 1, 0, 0, 0, 0, 0, 1, 0, 1, 2, 0, 4, 1, 7].map { DecimalNumber(units: $0) })
        #expect(r.checks.contains { $0.id == "I4.review" && $0.status == .fail })
        #expect(r.diagnostics.contains { $0.code == .digitsSplit && $0.message.contains("one digit per cell") })
    }
}
