import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

/// Specific bad inputs and the fixes they led to (each with its own expectation, beyond the corpus
/// sweep in BadInputCorpusTests).
@Suite struct BadInputTests {
    static func corpusText(_ rel: String) throws -> String {
        try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Corpus/\(rel)"), encoding: .utf8)
    }

    static func code(_ bytes: [UInt8], _ path: String) -> String {
        do {
            _ = try ReportExtractor().extract(bytes: bytes, path: path)
            return "report"
        } catch {
            return error.code.rawValue
        }
    }

    /// Fix: a zero-byte .pdf was `damaged` (poppler's view); zero bytes are `empty` for every type.
    @Test func zeroBytesAreEmptyWhateverTheName() {
        for name in ["a.pdf", "a.html", "a.txt", "a", "-"] {
            #expect(Self.code([], name) == "empty", "\(name)")
        }
    }

    /// Fix: a department budget was taken for a report because its 收入总计 row matched Table 三's
    /// （七）总计 and made the table "found". A lone 总计 row is no Table 三.
    @Test func budgetIsNotAReport() {
        let budget = """
            某市财政局2024年部门预算
            一、收支预算总体情况说明
            2024年收支总预算12445.67万元。
            收入\t本年预算\t支出\t本年预算
            一般公共预算拨款收入\t12345.67\t一般公共服务支出\t10000.00
            收入总计\t12445.67\t支出总计\t12445.67
            二、政府采购情况说明
            2024年政府采购预算总额300.00万元。
            """
        #expect(Self.code(Array(budget.utf8), "budget.txt") == "not_a_report")
    }

    /// Fix: two reports pasted into one file gave the first one silently; now a warning says so.
    @Test func twoReportsInOneFileAreFlagged() throws {
        let a = try Self.corpusText("text/t01-2021-tabs.txt"), b = try Self.corpusText("text/t04-2019-tabs.txt")
        let report = try ReportExtractor().extract(bytes: Array((a + "\n\n" + b).utf8), path: "two.txt")
        #expect(report.title == "潍坊市水利局2023年政府信息公开工作年度报告")
        let warning = report.diagnostics.first { $0.code == "multiple_reports" }
        #expect(warning != nil, "\(report.diagnostics.map(\.code))")
        // One report alone has no such warning.
        let single = try ReportExtractor().extract(bytes: Array(a.utf8), path: "one.txt")
        #expect(!single.diagnostics.contains { $0.code == "multiple_reports" })

        // One page, two articles, each with its title.
        let page = try Self.corpusText("html/h01-2021-utf8.html")
        let article = try #require(page.range(of: "<div class=\"article\">")), end = try #require(page.range(of: "</body>"))
        let body = String(page[article.upperBound..<end.lowerBound])
        let two =
            String(page[..<article.lowerBound])
            + "<div class=\"article\"><h1>2023年泉州市清江浦区人民政府政府信息公开工作年度报告</h1>" + body
            + "<div class=\"article\"><h1>2022年泉州市清江浦区人民政府政府信息公开工作年度报告</h1>" + body + "</body></html>"
        let html = try ReportExtractor().extract(bytes: Array(two.utf8), path: "two.html")
        #expect(html.year == 2023)
        #expect(html.diagnostics.contains { $0.code == "multiple_reports" }, "\(html.diagnostics.map(\.code))")
    }

    /// Fix: a 50 MB table cell took minutes, every row keyword being searched through it; labels
    /// over 4 KiB are not row labels.
    @Test(.tags(.slow), Prerequisite.slow, .timeLimit(.minutes(3))) func hugeTableCellIsBounded() {
        let chunk = "政府信息公开 1 2 3 "
        let cell = String(repeating: chunk, count: (8 << 20) / chunk.utf8.count)
        let html = "<html><body><table><tr><td>a</td><td>" + cell + "</td></tr></table></body></html>"
        _ = Self.code(Array(html.utf8), "cell.html")
        #expect(!RowSpec(key: "k", label: "l", keywords: ["总计"]).matches(String(repeating: "总计", count: 2000)))
    }

    /// Fix: a table row with 200,000 values took five minutes (values were inserted at the front of
    /// an array one cell at a time, in RowCollector); now linear.
    @Test(.timeLimit(.minutes(3))) func twoHundredThousandValuesInOneRow() throws {
        let report = try Self.corpusText("text/t01-2021-tabs.txt")
        let label = "一、本年新收政府信息公开申请数量"
        for sep in ["\t", " "] {
            let wide = report.replacingOccurrences(of: label, with: label + String(repeating: sep + "1", count: 200_000))
            #expect(Self.code(Array(wide.utf8), "wide.txt") == "report", "separator \(sep.debugDescription)")
        }
        let cells = (0..<5).map { GridCell(text: "\($0)", at: .none) }
        let rows = RowCollector.collect([GridRow(cells: [GridCell(text: "（一）予以公开 7 8", at: .none)] + cells, text: "", at: .none)][...])
        #expect(rows.first?.values.compactMap { $0.reading.value?.description } == ["7", "8", "0", "1", "2", "3", "4"])
    }

    /// An owner-password-only PDF opens without a password and converts like its plain original.
    @Test func ownerPasswordOnlyPDFConverts() throws {
        let owner = try [UInt8](Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("Scripts/bad/owner-only.pdf")))
        let plain = try [UInt8](Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("Corpus/pdf/p01-2021-ruled-vertical.pdf")))
        let a = try ReportExtractor().extract(bytes: owner, path: "owner.pdf")
        let b = try ReportExtractor().extract(bytes: plain, path: "plain.pdf")
        #expect(a.cells.count == b.cells.count && a.cells.count > 40)
        #expect(a.cells.map(\.value) == b.cells.map(\.value))
        // A user password is needed for Corpus/pdf/e03: refused as encrypted.
        let user = try [UInt8](Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("Corpus/pdf/e03-encrypted.pdf")))
        #expect(Self.code(user, "user.pdf") == "encrypted")
    }

    @Test(.timeLimit(.minutes(3))) func twentyThousandNestedTables() {
        let open = String(repeating: "<table><tr><td>", count: 20000), close = String(repeating: "</td></tr></table>", count: 20000)
        let html = "<html><body>" + open + "某局2023年政府信息公开工作年度报告" + close + "</body></html>"
        #expect(Self.code(Array(html.utf8), "nested.html") == "not_a_report")
    }

    /// Truncations of a real PDF at every 5%: each opens as a (partial) report or fails as damaged
    /// or textless; poppler's reconstruction must never crash.
    @Test func truncatedPDFs() throws {
        let pdf = try [UInt8](Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("Corpus/pdf/p04-2022-borderless.pdf")))
        for pct in stride(from: 0, through: 100, by: 5) {
            let c = Self.code(Array(pdf.prefix(pdf.count * pct / 100)), "cut.pdf")
            #expect(["report", "damaged", "empty", "no_text_layer", "not_a_report"].contains(c), "\(pct)%: \(c)")
        }
    }
}
