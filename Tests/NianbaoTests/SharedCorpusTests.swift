import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

/// The real reports in ../shared: the seed (extracted text) and hongze-2023 through `pdftotext -layout`.
/// Skipped with the reason where ../shared is absent or pdftotext is not installed; failed instead under CI=true.
@Suite struct SharedCorpusTests {
    @Test(Prerequisite.shared("seed/000_a45bd972aea0d5d6.txt"))
    func seedReport() throws {
        let url = try TestSupport.requireShared("seed/000_a45bd972aea0d5d6.txt")
        let r = try ReportExtractor().extract(bytes: [UInt8](Data(contentsOf: url)), path: "seed.txt")
        #expect(r.agency == "保定市机关事务管理局")
        #expect(r.year == 2023)
        #expect(r.generation == .g2021)
        #expect(r.sections.map(\.key) == [.overview, .activeDisclosure, .applications, .reviewLitigation, .problems, .other])
        #expect(r.cells.count == 200)
        #expect(Set(r.cells.map(\.key)).count == 200)
        #expect(!r.checks.contains { $0.status == .fail })
        // The （一） and （二） rows print 6 numbers for 7 columns: filled as inferred, never shifted.
        for row in ["granted", "partially_granted"] {
            let cells = r.cells.filter { $0.key.hasPrefix("applications.\(row).") }
            #expect(cells.count == 7)
            #expect(cells.filter { $0.kind == .inferred }.count == 1)
            #expect(cells.allSatisfy { $0.value == DecimalNumber(0) })
        }
        #expect(r.cells.filter { $0.kind == .inferred }.count == 2)
        #expect(r.diagnostics.filter { $0.code == "cell_inferred" }.count == 2)
    }

    @Test(Prerequisite.shared("corpus/hongze-2023.pdf"), Prerequisite.tool("pdftotext"))
    func hongzeThroughPdftotextLayout() throws {
        let pdf = try TestSupport.requireShared("corpus/hongze-2023.pdf")
        let gold = try TestSupport.requireShared("corpus/hongze-2023.gold.json")
        let pdftotext = try TestSupport.requireTool("pdftotext")
        let run = try TestSupport.run(pdftotext, ["-layout", pdf.path, "-"])
        #expect(run.status == 0)
        let r = try ReportExtractor().extract(bytes: [UInt8](run.stdoutBytes), path: "-")
        let mismatches = try GoldFile(url: gold).compare(r)
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(r.cells.count == 186)
        #expect(r.check("I4.review")?.status == .fail)
        #expect(r.check("I4.litigation_after_review")?.status == .fail)
        #expect(r.check("I4.litigation_direct")?.status == .pass)
        #expect(r.checks.filter { $0.status == .fail }.count == 2)
        #expect(r.title == "洪泽区人民政府2023年政府信息公开工作年度报告")
    }

    @Test(Prerequisite.shared("corpus/shanghai-2019.html"))
    func shanghaiHTML() throws {
        let html = try TestSupport.requireShared("corpus/shanghai-2019.html")
        let gold = try TestSupport.requireShared("corpus/shanghai-2019.gold.json")
        let r = try ReportExtractor().extract(file: html.path)
        let mismatches = try GoldFile(url: gold).compare(r)
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(r.cells.filter { $0.kind == .empty }.count == 135)
    }
}
