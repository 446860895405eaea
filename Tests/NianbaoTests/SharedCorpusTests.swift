import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

/// The real reports in ../shared: the seed (extracted text) and hongze-2023 through `pdftotext -layout`.
/// Skipped with a message where ../shared is absent (outside CI) or pdftotext is not installed.
@Suite struct SharedCorpusTests {
    @Test func seedReport() throws {
        guard let url = TestSupport.sharedFile("seed/000_a45bd972aea0d5d6.txt") else {
            print("skipped: ../shared/seed is not there"); return
        }
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

    @Test func hongzeThroughPdftotextLayout() throws {
        guard let pdf = TestSupport.sharedFile("corpus/hongze-2023.pdf"), let gold = TestSupport.sharedFile("corpus/hongze-2023.gold.json") else {
            print("skipped: ../shared/corpus is not there"); return
        }
        guard let pdftotext = TestSupport.which("pdftotext") else {
            print("skipped: pdftotext (poppler-utils) is not installed"); return
        }
        let run = try TestSupport.run(pdftotext, ["-layout", pdf.path, "-"])
        #expect(run.status == 0)
        let r = try ReportExtractor().extract(bytes: [UInt8](run.stdoutBytes), path: "-")
        let mismatches = GoldFile(url: gold).compare(r)
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(r.cells.count == 186)
        #expect(r.check("I4.review")?.status == .fail)
        #expect(r.check("I4.litigation_after_review")?.status == .fail)
        #expect(r.check("I4.litigation_direct")?.status == .pass)
        #expect(r.checks.filter { $0.status == .fail }.count == 2)
        #expect(r.title == "洪泽区人民政府2023年政府信息公开工作年度报告")
    }

    @Test func shanghaiHTML() throws {
        guard let html = TestSupport.sharedFile("corpus/shanghai-2019.html"), let gold = TestSupport.sharedFile("corpus/shanghai-2019.gold.json") else {
            print("skipped: ../shared/corpus is not there"); return
        }
        let r = try ReportExtractor().extract(file: html.path)
        let mismatches = GoldFile(url: gold).compare(r)
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(r.cells.filter { $0.kind == .empty }.count == 135)
    }
}
