import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

private var packageRoot: URL { TestSupport.packageRoot }

/// The synthetic pages of Corpus/html that have a gold file.
private let goldPages: [URL] = {
    let dir = packageRoot.appendingPathComponent("Corpus/html")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.sorted().filter { $0.hasSuffix(".html") }.map { dir.appendingPathComponent($0) }
        .filter { FileManager.default.fileExists(atPath: $0.deletingPathExtension().appendingPathExtension("gold.json").path) }
}()

/// Grids are printed by `nianbao-bench grid FILE` (README, developer tools), not by the tests.
@Suite struct HTMLCorpusTests {
    @Test(Prerequisite.shared("corpus/shanghai-2019.html"))
    func shanghai2019() throws {
        let url = try TestSupport.requireShared("corpus/shanghai-2019.html")
        let data = try [UInt8](Data(contentsOf: url))
        let doc = try HTMLReader().read(data: data, path: url.path)
        #expect(doc.mediaType == "text/html")
        #expect(doc.encoding == "UTF-8")
        let rows = doc.grid.rows
        #expect(rows.first?.text == "2019年上海市人民政府办公厅政府信息公开工作年度报告")
        let headings = [
            "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "五、政府信息公开工作存在的主要问题及改进情况", "六、其他需要报告的事项",
        ]
        for h in headings {
            #expect(rows.contains { $0.table == nil && $0.text == h }, "heading \(h)")
        }
        #expect(Set(rows.compactMap(\.table)) == [0, 1, 2])

        // Table 三, 一、本年新收: label, then 7 value cells with blanks as "" and 859 last.
        let newReceived = try #require(rows.first { $0.table == 1 && $0.cells.first?.text == "一、本年新收政府信息公开申请数量" })
        #expect(newReceived.cells.dropFirst().map(\.text) == ["821", "35", "", "", "2", "1", "859"])
        #expect(newReceived.cells.map(\.column) == [0, 3, 4, 5, 6, 7, 8, 9])
        // The row under the tall merged 三、本年度办理结果 label starts at column 1.
        let partial = try #require(rows.first { $0.table == 1 && $0.cells.first?.text.hasPrefix("（二）部分公开") == true })
        #expect(partial.cells.first?.column == 1)
        #expect(partial.cells.count == 8)

        // Table 二: the unit stays in the cell text.
        #expect(rows.contains { $0.table == 0 && $0.cells.map(\.text) == ["政府集中采购", "6", "251000元"] })
        // Table 四: one row of 15 value cells.
        let review = try #require(rows.last { $0.table == 2 })
        #expect(review.cells.map(\.text) == ["5", "", "", "2", "7", "8", "", "", "1", "9", "", "", "", "", ""])
        #expect(rows.last?.text == "无。")
    }

    /// Every synthetic page of `Corpus/html` reads without error, with its title, its six
    /// headings as prose rows, and Table 三 rows carrying seven value cells.
    @Test func syntheticCorpus() throws {
        #expect(goldPages.count >= 8, "Corpus/html: \(goldPages.count) pages with a gold file")
        for url in goldPages {
            let name = url.lastPathComponent
            let doc = try HTMLReader().read(data: [UInt8](Data(contentsOf: url)), path: name)
            let goldURL = url.deletingPathExtension().appendingPathExtension("gold.json")
            let gold = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: goldURL)) as? [String: Any], "\(goldURL.lastPathComponent)")
            let prose = doc.grid.rows.filter { $0.table == nil }.map { TextNormalizer.matchKey($0.text) }
            if let title = gold["title"] as? String {
                let key = TextNormalizer.matchKey(title)
                let joined = zip(prose, prose.dropFirst()).map { $0 + $1 }
                #expect(prose.contains(key) || joined.contains(key), "\(name): title \(title)")
            }
            for case let heading as String in (gold["sections"] as? [Any]) ?? [] {
                #expect(prose.contains(TextNormalizer.matchKey(heading)), "\(name): heading \(heading)")
            }
            let tables = Set(doc.grid.rows.compactMap(\.table))
            #expect(tables.count >= 3, "\(name): \(tables.count) tables")
        }
    }

    /// Truncated and garbled copies of a real page read without crashing, and readers run in parallel.
    @Test(Prerequisite.shared("corpus/shanghai-2019.html"))
    func truncatedAndConcurrentReads() async throws {
        let url = try TestSupport.requireShared("corpus/shanghai-2019.html")
        let data = try [UInt8](Data(contentsOf: url))
        for k in stride(from: 1, to: data.count, by: max(1, data.count / 30)) {
            _ = try? HTMLReader().read(data: Array(data[..<k]), path: "cut.html")
            var garbled = data
            garbled[k] = UInt8(ascii: "<")
            _ = try? HTMLReader().read(data: garbled, path: "garbled.html")
        }
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { (try? HTMLReader().read(data: data, path: "p.html").grid.rows.count) ?? -1 }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(Set(counts).count == 1 && counts[0] > 0)
    }

    /// Reader + interpreter over every HTML page with a gold file: every value as in the gold,
    /// every non-inferred cell located in an HTML table.
    @Test func endToEndMatchesGold() throws {
        #expect(goldPages.count >= 8, "Corpus/html: \(goldPages.count) pages with a gold file")
        for page in goldPages { try Self.endToEnd(page) }
    }

    @Test(Prerequisite.shared("corpus/shanghai-2019.html"))
    func endToEndShanghaiMatchesGold() throws {
        try Self.endToEnd(try TestSupport.requireShared("corpus/shanghai-2019.html"))
    }

    static func endToEnd(_ page: URL) throws {
        let gold = try GoldFile(url: page.deletingPathExtension().appendingPathExtension("gold.json"))
        let report = try ReportExtractor().extract(file: page.path)
        #expect(gold.values.count > 100)
        var byKey: [String: Cell] = [:]
        for cell in report.cells { byKey[cell.key] = cell }
        var wrong: [String] = []
        for (key, want) in gold.values.sorted(by: { $0.key < $1.key }) {
            let got = byKey[key]?.value.flatMap { Double($0.description) }
            if got != want { wrong.append("\(key): expected \(want.map { "\($0)" } ?? "null"), got \(got.map { "\($0)" } ?? "null")") }
        }
        #expect(wrong.isEmpty, "\(page.lastPathComponent): \(wrong.count) wrong: \(wrong.prefix(8))")
        for cell in report.cells where cell.kind != .inferred {
            guard case .table = cell.at else {
                Issue.record("\(page.lastPathComponent): \(cell.key) at \(cell.at), not in an HTML table")
                break
            }
        }
        #expect(report.title == gold.title, "\(page.lastPathComponent): title")
    }
}
