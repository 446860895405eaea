import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets

/// Look-alike documents (Corpus/negative, written by Scripts/generate-negative-corpus): a district
/// budget, a disclosure guide, the State Council's format notice, work points, a work summary, a task
/// breakdown table, as text, HTML and a LibreOffice PDF. Each is refused with `not_a_report`; reports
/// with an odd title or none still convert (ReportClassifier).
@Suite struct NegativeCorpusTests {
    static let folder = TestSupport.packageRoot.appendingPathComponent("Corpus/negative")

    static let inputs: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { !$0.contains(".expected") }.sorted()

    @Test func corpusIsThere() {
        #expect(Self.inputs.count >= 10, "\(Self.inputs)")
        #expect(Self.inputs.contains { $0.hasSuffix(".pdf") } && Self.inputs.contains { $0.hasSuffix(".html") })
    }

    @Test(arguments: inputs)
    func refusedAsNotAReport(name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        do {
            let r = try ReportExtractor().extract(bytes: bytes, path: name)
            Issue.record("\(name) was taken for a report: title \(r.title ?? "nil"), \(r.cells.count) cells")
        } catch {
            #expect(error.code == .notAReport, "\(name): \(error)")
        }
    }

    /// Refused for want of positive evidence, not only for the words of their titles: without its
    /// title line each text document is still not a report.
    @Test(arguments: inputs.filter { $0.hasSuffix(".txt") })
    func refusedWithoutTheirTitle(name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = try #require(lines.firstIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        lines.remove(at: first)
        do {
            let r = try ReportExtractor().extract(bytes: Array(lines.joined(separator: "\n").utf8), path: name)
            Issue.record("\(name) without its title was taken for a report: \(r.cells.count) cells")
        } catch {
            #expect(error.code == .notAReport, "\(name): \(error)")
        }
    }

    @Test func formatNoticeIsRefusedEvenWithoutItsTitle() throws {
        let notice = try String(contentsOf: Self.folder.appendingPathComponent("n03-format-notice.txt"), encoding: .utf8)
        // Only the tables of the format: every label, no value.
        let tables = try #require(notice.range(of: "二、主动公开政府信息情况"))
        do {
            _ = try ReportExtractor().extract(bytes: Array(notice[tables.lowerBound...].utf8), path: "format.txt")
            Issue.record("a blank form was taken for a report")
        } catch {
            #expect(error.code == .notAReport)
            #expect(error.message.contains("no values"), "\(error.message)")
        }
    }

    @Test func budgetNamesTheKindOfDocument() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent("n01-district-budget.txt")))
        do {
            _ = try ReportExtractor().extract(bytes: bytes, path: "budget.txt")
            Issue.record("converted")
        } catch {
            #expect(error.message.contains("部门预算"), "\(error.message)")
        }
    }

    @Test(Prerequisite.extractBinary)
    func thePDFIsRefusedByTheCommandLine() throws {
        let binary = try TestSupport.requireExtractBinary()
        let run = try TestSupport.run(binary, [Self.folder.appendingPathComponent("n10-district-budget.pdf").path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("[not_a_report]"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    static func report(_ text: String) throws -> Report {
        try ReportExtractor().extract(bytes: Array(text.utf8), path: "odd.txt")
    }

    @Test func reportsWithAnOddTitleOrNoneStillConvert() throws {
        let text = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Corpus/text/t01-2021-tabs.txt"), encoding: .utf8)
        let title = "2023 年政府信息公开工作年度报告"
        #expect(text.contains(title))
        for odd in [
            "2022年政府信息公开工作报告", "政府信息公开年报", "2023年政务公开工作年度报告",
            "关于印发2023年政府信息公开工作年度报告的通知",
        ] {
            let r = try Self.report(text.replacingOccurrences(of: title, with: odd))
            #expect(r.cells.count == 200, "\(odd)")
        }
        // No title at all: the tables' values are the evidence.
        let untitled = try Self.report(text.replacingOccurrences(of: title, with: "").replacingOccurrences(of: "潍坊市水利局\n", with: ""))
        #expect(untitled.title == nil)
        #expect(untitled.cells.count == 200)
        #expect(untitled.diagnostics.contains { $0.code == "title_missing" })
    }
}
