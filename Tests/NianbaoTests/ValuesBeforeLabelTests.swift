import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore

/// Rows whose values a converter printed before their label (pdftotext without `-layout` across a
/// page break), full-width numbers broken over two lines, and pipe rows whose trailing blank
/// cells sit under a header a converter filled wrongly (pymupdf4llm).
@Suite struct ValuesBeforeLabelTests {
    static let template = TableTemplate.applications(singleOther: false)

    /// One token per line, as pdftotext raw prints a ruled table's cells.
    static func tokens(_ texts: [String], firstLine: Int = 1) -> [TableToken] {
        texts.enumerated().map { k, t in
            let kind: TableToken.Kind = CellReading.notApplicableMarks.contains(TextNormalizer.matchKey(t)) ? .mark : .number
            return TableToken(kind: kind, text: t, at: .line(firstLine + 2 * k), gap: nil)
        }
    }

    @Test func fullWidthNumberBrokenOverTwoLinesIsJoined() throws {
        let c = try #require(BrokenNumber.candidates(Self.tokens(["１", "２", "0", "0", "0", "0", "0", "12"]), slots: 7, identities: Self.template.rowIdentities))
        #expect(c == [[12, 0, 0, 0, 0, 0, 12]])
    }

    @Test func brokenNumberNeedsTheIdentitiesAndFullWidthDigits() {
        let ids = Self.template.rowIdentities
        // Half-width digits of one cell stay on one line: two values, not one broken number.
        #expect(BrokenNumber.candidates(Self.tokens(["1", "2", "0", "0", "0", "0", "0", "12"]), slots: 7, identities: ids) == nil)
        // No join makes the row add up: no candidate (the row stays null).
        #expect(BrokenNumber.candidates(Self.tokens(["１", "２", "0", "0", "0", "0", "0", "13"]), slots: 7, identities: ids) == [])
        // A join would give a leading zero.
        #expect(BrokenNumber.candidates(Self.tokens(["０", "５", "0", "0", "0", "0", "0", "5"]), slots: 7, identities: ids) == [])
        // Both on one line (one cell's text with a space): not broken over lines.
        let sameLine =
            [TableToken(kind: .number, text: "１", at: .line(1), gap: nil), TableToken(kind: .number, text: "２", at: .line(1), gap: nil)]
            + Self.tokens(["0", "0", "0", "0", "0", "12"], firstLine: 3)
        #expect(BrokenNumber.candidates(sameLine, slots: 7, identities: ids) == nil)
        // Exactly one value more than the cells, no more.
        #expect(BrokenNumber.candidates(Self.tokens(["１", "２", "0", "0", "0", "0", "12"]), slots: 7, identities: ids) == nil)
    }

    @Test func valuesAfterARowsOwnGoToTheNextRowWhoseLabelIsElsewhere() throws {
        let carried = Self.template.index(of: "carried_over")!
        let granted = carried + 1
        var assigned: [(row: Int, tokens: [TableToken])] = [(carried, Self.tokens(["无", "1", "无", "无", "无", "无", "1", "１", "２", "0", "0", "0", "0", "0", "12"]))]
        var diagnostics: [Diagnostic] = []
        ValuesBeforeLabel.spill(&assigned, template: Self.template, named: [carried, granted], diagnostics: &diagnostics)
        #expect(assigned.map(\.row) == [carried, granted])
        #expect(assigned.map(\.tokens.count) == [7, 8])
        #expect(diagnostics.map(\.code) == [.valuesBeforeLabel])

        // The next row's label printed nowhere: nothing moves.
        var unnamed: [(row: Int, tokens: [TableToken])] = [(carried, Self.tokens(["0", "1", "0", "0", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0"]))]
        ValuesBeforeLabel.spill(&unnamed, template: Self.template, named: [carried], diagnostics: &diagnostics)
        #expect(unnamed.count == 1)
        // The next row has values of its own: nothing moves.
        var taken: [(row: Int, tokens: [TableToken])] = [
            (carried, Self.tokens(["0", "1", "0", "0", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0"])), (granted, Self.tokens(["0", "0", "0", "0", "0", "0", "0"])),
        ]
        ValuesBeforeLabel.spill(&taken, template: Self.template, named: [carried, granted], diagnostics: &diagnostics)
        #expect(taken.map(\.tokens.count) == [14, 7])
        // Not exactly the next row's cells: nothing moves.
        var short: [(row: Int, tokens: [TableToken])] = [(carried, Self.tokens(["0", "1", "0", "0", "0", "0", "1", "0", "0", "0"]))]
        ValuesBeforeLabel.spill(&short, template: Self.template, named: [carried, granted], diagnostics: &diagnostics)
        #expect(short.count == 1)
        #expect(diagnostics.count == 1)
    }

    @Test func nothingMovesWhenTheCutIsUncertain() {
        let carried = Self.template.index(of: "carried_over")!
        let granted = carried + 1
        var diagnostics: [Diagnostic] = []
        // The row's own values hold a number that may be broken over two lines (`１` ⏎ `２`): the
        // cut after seven values may be one value early.
        var broken: [(row: Int, tokens: [TableToken])] = [
            (carried, Self.tokens(["１", "２", "0", "0", "0", "0", "0", "12", "0", "0", "0", "0", "0", "0"]))
        ]
        ValuesBeforeLabel.spill(&broken, template: Self.template, named: [carried, granted], diagnostics: &diagnostics)
        #expect(broken.count == 1)
        // The row's own values fail its identity (1 + 1 ≠ 3): the values may not be cut there.
        var failing: [(row: Int, tokens: [TableToken])] = [(carried, Self.tokens(["1", "1", "0", "0", "0", "0", "3", "0", "0", "0", "0", "0", "0", "0"]))]
        ValuesBeforeLabel.spill(&failing, template: Self.template, named: [carried, granted], diagnostics: &diagnostics)
        #expect(failing.count == 1)
        // The moved values fail the next row's identity: nothing moves.
        var next: [(row: Int, tokens: [TableToken])] = [(carried, Self.tokens(["1", "1", "0", "0", "0", "0", "2", "5", "0", "0", "0", "0", "0", "4"]))]
        ValuesBeforeLabel.spill(&next, template: Self.template, named: [carried, granted], diagnostics: &diagnostics)
        #expect(next.count == 1)
        #expect(diagnostics.isEmpty)
    }

    static func cell(_ r: Report, _ key: String) -> Cell? { r.cells.first { $0.key == key } }

    /// pdftotext raw of p03: Table 三 （一）予以公开 printed at the top of page 3 right after 二's values
    /// (its label after （二）'s), its 12 as `１` ⏎ `２`; Table 二 规范性文件's values after 规章's.
    @Test func pdftotextRawPageBreak() throws {
        let file = "pdftotext/p03-2021-radicals"
        let r = try ReportExtractor().extract(file: RunTogetherReportTests.convertedFile(file + ".txt").path)
        #expect(try RunTogetherReportTests.wrongValues(r, gold: RunTogetherReportTests.convertedFile(file + ".gold.json")).isEmpty)
        let granted = ["natural_person": 12, "commercial_enterprise": 0, "other_organization": 0, "total": 12]
        for (column, value) in granted {
            let c = Self.cell(r, "applications.granted.\(column)")
            #expect(c?.value == DecimalNumber(value), "granted.\(column)")
            #expect(c?.kind == .number)
        }
        #expect(Self.cell(r, "applications.carried_over.total")?.value == DecimalNumber(1))
        #expect(Self.cell(r, "active_disclosure.normative_documents.issued")?.value == DecimalNumber(12))
        #expect(Self.cell(r, "active_disclosure.normative_documents.in_force")?.value == DecimalNumber(7))
        #expect(Self.cell(r, "active_disclosure.rules.issued")?.value == DecimalNumber(0))
        #expect(r.diagnostics.filter { $0.code == .valuesBeforeLabel }.count == 2)
        #expect(r.diagnostics.contains { $0.code == .digitsSplit && $0.message.contains("broken over two lines") })
        #expect(!r.diagnostics.contains { $0.code == .valuesUnplaced }, "the values the sub-tables' headers placed are not reported unplaced")
    }

    /// pymupdf4llm fills the header cell merged downwards (总计) with its neighbour's text (其他|其他);
    /// the header row above splits the two columns, so the row's two trailing blank cells stay two.
    @Test func blankCellsUnderAWronglyFilledHeaderStay() {
        let md = """
            |申请人情况|自然人|法人或其他组织|总计|
            |---|---|---|---|
            |申请人情况|自然人|其他|其他|
            |（二）部分公开|89|||
            """
        #expect(MarkdownText.plain(md).hasSuffix("（二）部分公开\t89\t\t"))
    }

    @Test func pymupdf4llmTrailingBlankCells() throws {
        let file = "pymupdf4llm/p02-2019-wrapped-labels"
        let r = try ReportExtractor().extract(file: RunTogetherReportTests.convertedFile(file + ".md").path)
        #expect(try RunTogetherReportTests.wrongValues(r, gold: RunTogetherReportTests.convertedFile(file + ".gold.json")).isEmpty)
        #expect(Self.cell(r, "applications.partially_granted.natural_person")?.value == DecimalNumber(89))
        #expect(Self.cell(r, "applications.partially_granted.commercial_enterprise")?.value == DecimalNumber(1))
        #expect(Self.cell(r, "applications.unable.not_held.natural_person")?.value == DecimalNumber(280))
        #expect(Self.cell(r, "applications.unable.not_held.commercial_enterprise")?.value == DecimalNumber(4))
    }
}
