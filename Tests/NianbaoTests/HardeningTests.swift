import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets

/// The second hardening round (issue 12), in the library: overflowing sums, blank tab cells,
/// garbled PDF text layers, NUL bytes, whitespace-only files, concatenated HTML documents.
@Suite struct HardeningTests {
    static func corpus(_ rel: String) throws -> String {
        try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Corpus/\(rel)"), encoding: .utf8)
    }

    static func error(_ bytes: [UInt8], _ path: String) -> ExtractError? {
        do {
            _ = try ReportExtractor().extract(bytes: bytes, path: path)
            return nil
        } catch {
            return error
        }
    }

    // MARK: 4. overflow

    /// A missing cell is never solved from a sum that overflows (it would be the left operand,
    /// a wrong number marked inferred).
    @Test func missingCellIsNotSolvedFromAnOverflowingSum() {
        let big = DecimalNumber(units: 4_600_000_000_000_000_000)
        let identity = RowIdentity(parts: [0, 1, 2], total: 3)
        // Total missing: big + big + big does not fit.
        if case .filled(let values, _, _, _) = MissingCellSolver.solve(printed: [big, big, big], slots: 4, allowedGaps: [3], identities: [identity]) {
            Issue.record("filled from an overflowing sum: \(values)")
        }
        // A part missing: total − (big + big) with a total that cannot hold them.
        if case .filled(let values, _, _, _) = MissingCellSolver.solve(printed: [big, big, DecimalNumber(units: Int64.min)], slots: 4, allowedGaps: [2], identities: [identity]) {
            Issue.record("filled from an overflowing difference: \(values)")
        }
        // Small numbers still solve.
        guard case .filled(let values, let gap, _, _) = MissingCellSolver.solve(printed: [DecimalNumber(1), DecimalNumber(2), DecimalNumber(3)], slots: 4, allowedGaps: [3], identities: [identity])
        else {
            Issue.record("a small row was not solved"); return
        }
        #expect(gap == 3 && values.last == DecimalNumber(6))
        #expect(DecimalNumber(units: 5).subtracting(DecimalNumber(units: Int64.min)) == nil)
    }

    @Test func overflowingSumIsNotAssessableNeverPass() {
        let big = DecimalNumber(units: 4_600_000_000_000_000_000)
        let row = ApplicationsLayout.rows2021[0].key
        let cols = ApplicationsLayout.columns
        var cells = cols.dropLast().map { Cell(key: ApplicationsLayout.key(row, $0), value: big, raw: big.description, kind: .number, at: .none) }
        // The printed total equals the first part: what the sum came out as when addition kept the left operand.
        cells.append(Cell(key: ApplicationsLayout.key(row, cols.last!), value: big, raw: big.description, kind: .number, at: .none))
        let check = IdentityChecker().check(cells).first { $0.id == "I3.\(row)" }
        #expect(check?.status == .notAssessable)
        #expect(check?.rhs == nil)
        #expect(big.adding(big)?.adding(big) == nil)
        #expect(DecimalNumber.sum([big, big, big]) == nil)
        #expect(DecimalNumber.sum([big, big]) == DecimalNumber(units: 9_200_000_000_000_000_000))
        #expect(DecimalNumber.sum([DecimalNumber(units: 12, scale: 1), DecimalNumber(3)]) == DecimalNumber(units: 42, scale: 1))
        // Scales that cannot be aligned are an overflow too.
        #expect(DecimalNumber(units: Int64.max / 10).adding(DecimalNumber(units: 1, scale: 2)) == nil)
    }

    // MARK: 7. blank tab cells

    /// The cost of a row is its length: trailing blank cells beyond any table's columns are not kept
    /// one by one (a row of 100,000 tabs was 16 s, quadratic).
    @Test func longRunOfTabsGivesABoundedRow() throws {
        let row = try #require(TextGridBuilder().build("规章" + String(repeating: "\t", count: 100_000) + "\n").rows.first)
        #expect(row.cells.count <= TextGridBuilder.maxBlankRun + 1)
        #expect(row.cells.first?.text == "规章")
        // Blank cells between values are all kept (a\t\tb is a, "", b).
        let inner = try #require(TextGridBuilder().build("规章\t\t\t5\n").rows.first)
        #expect(inner.cells.map(\.text) == ["规章", "", "", "5"])
        // A report with such a row still converts.
        let text = try Self.corpus("text/t01-2021-tabs.txt").replacingOccurrences(of: "规章\t0\t0\t0", with: "规章\t0\t0\t0" + String(repeating: "\t", count: 50_000))
        let r = try ReportExtractor().extract(bytes: Array(text.utf8), path: "tabs.txt")
        #expect(r.v("active_disclosure.rules.in_force") == "0")
    }

    // MARK: 9. garbled text layers

    @Test(arguments: ["e05-no-tounicode.pdf", "e06-damaged-tounicode.pdf"])
    func garbledTextLayerIsGarbledTextNamingThePages(name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("Corpus/pdf/" + name)))
        let e = try #require(Self.error(bytes, name))
        #expect(e.code == .garbledText, "\(e)")
        #expect(e.exitStatus == 4)
        #expect(e.message.contains("pages 1–2, 4"), "\(e.message)")
    }

    // MARK: 10. NUL bytes

    @Test func nulBytesAreUndecodableInHTMLAndTextAlike() throws {
        let page = try Self.corpus("html/h01-2021-utf8.html")
        let head = try #require(page.range(of: "<head>"))
        let early = page.replacingCharacters(in: head, with: "<head>\u{0}")
        let late = String(page.dropLast(20)) + "\u{0}" + String(page.suffix(20))
        for (name, html) in [("early", early), ("late", late)] {
            let e = Self.error(Array(html.utf8), "\(name).html")
            #expect(e?.code == .undecodable, "\(name): \(String(describing: e))")
            #expect(e?.message.contains("NUL") == true)
        }
        let text = try Self.corpus("text/t01-2021-tabs.txt")
        #expect(Self.error(Array(("\u{0}" + text).utf8), "early.txt")?.code == .undecodable)
        #expect(Self.error(Array((text + "\u{0}").utf8), "late.txt")?.code == .undecodable)
    }

    // MARK: 11. whitespace only

    @Test(arguments: ["\u{3000}\u{3000}\n\u{3000}", "\u{A0}\u{A0} \n", "\u{FEFF}\u{3000}\u{A0}\t\n"])
    func whitespaceOnlyFilesAreEmpty(text: String) {
        #expect(Self.error(Array(text.utf8), "blank.txt")?.code == .empty)
        #expect(Self.error(Array(text.utf8), "blank.html")?.code == .empty)
        #expect(Self.error(Array(text.utf8), "blank.md")?.code == .empty)
    }

    // MARK: 13. concatenated HTML documents

    @Test func twoConcatenatedHTMLDocumentsAreFlagged() throws {
        let page = try Self.corpus("html/h01-2021-utf8.html")
        let second = page.replacingOccurrences(of: "2023年", with: "2022年")
        let r = try ReportExtractor().extract(bytes: Array((page + "\n" + second).utf8), path: "two.html")
        let warning = r.diagnostics.filter { $0.code == "multiple_reports" }
        #expect(warning.count == 1, "\(r.diagnostics.map(\.code))")
        #expect(warning.first?.message.contains("2022年") == true)
        let one = try ReportExtractor().extract(bytes: Array(page.utf8), path: "one.html")
        #expect(!one.diagnostics.contains { $0.code == "multiple_reports" })
    }
}
