import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

private var packageRoot: URL { TestSupport.packageRoot }

private func dump(_ doc: SourceDocument) {
    guard ProcessInfo.processInfo.environment["NIANBAO_DUMP"] != nil else { return }
    for row in doc.grid.rows {
        print(row.table.map { "T\($0)" } ?? "P", row.startsParagraph ? "¶" : " ", row.at,
              row.cells.map { "[\($0.column.map(String.init) ?? "-")]\($0.text)" }.joined(separator: " | "))
    }
    for d in doc.diagnostics { print("DIAG", d.severity, d.code, d.message) }
}

/// The shared corpus lives beside the package: `<package root>/../shared/corpus/`.
private func sharedCorpusFile(_ name: String) -> URL? {
    TestSupport.sharedFile("corpus/\(name)")
}

@Suite struct HTMLCorpusTests {
    @Test func shanghai2019() throws {
        guard let url = sharedCorpusFile("shanghai-2019.html") else {
            print("skipped: ../shared/corpus/shanghai-2019.html is not there")
            return
        }
        let data = try [UInt8](Data(contentsOf: url))
        let doc = try HTMLReader().read(data: data, path: url.path)
        dump(doc)
        #expect(doc.mediaType == "text/html")
        #expect(doc.encoding == "UTF-8")
        let rows = doc.grid.rows
        #expect(rows.first?.text == "2019年上海市人民政府办公厅政府信息公开工作年度报告")
        let headings = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                        "五、政府信息公开工作存在的主要问题及改进情况", "六、其他需要报告的事项"]
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
        let dir = packageRoot.appendingPathComponent("Corpus/html")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else {
            print("skipped: Corpus/html is not there")
            return
        }
        for name in names.sorted() where name.hasSuffix(".html") {
            let url = dir.appendingPathComponent(name)
            let doc = try HTMLReader().read(data: [UInt8](Data(contentsOf: url)), path: name)
            if let only = ProcessInfo.processInfo.environment["NIANBAO_DUMP"], name.contains(only) {
                print("=====", name, doc.encoding ?? "-")
                dump(doc)
            }
            let goldURL = url.deletingPathExtension().appendingPathExtension("gold.json")
            guard let gold = try? JSONSerialization.jsonObject(with: Data(contentsOf: goldURL)) as? [String: Any] else { continue }
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
    @Test func truncatedAndConcurrentReads() async throws {
        guard let url = sharedCorpusFile("shanghai-2019.html") else {
            print("skipped: ../shared/corpus/shanghai-2019.html is not there")
            return
        }
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
        var pages: [URL] = []
        let dir = packageRoot.appendingPathComponent("Corpus/html")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() where name.hasSuffix(".html") {
            pages.append(dir.appendingPathComponent(name))
        }
        if let shanghai = sharedCorpusFile("shanghai-2019.html") { pages.append(shanghai) }
        var compared = 0
        defer { print("end-to-end: \(compared) HTML page(s) compared with gold") }
        for page in pages {
            let goldURL = page.deletingPathExtension().appendingPathExtension("gold.json")
            guard let gold = try? JSONSerialization.jsonObject(with: Data(contentsOf: goldURL)) as? [String: Any],
                  let values = gold["values"] as? [String: Any] else { continue }
            let report = try ReportExtractor().extract(file: page.path)
            compared += 1
            #expect(values.count > 100)
            var byKey: [String: Cell] = [:]
            for cell in report.cells { byKey[cell.key] = cell }
            var wrong: [String] = []
            for (key, expected) in values.sorted(by: { $0.key < $1.key }) {
                let got = byKey[key]?.value.flatMap { Double($0.description) }
                let want = (expected as? NSNumber)?.doubleValue
                if got != want { wrong.append("\(key): expected \(want.map { "\($0)" } ?? "null"), got \(got.map { "\($0)" } ?? "null")") }
            }
            #expect(wrong.isEmpty, "\(page.lastPathComponent): \(wrong.count) wrong: \(wrong.prefix(8))")
            for cell in report.cells where cell.kind != .inferred {
                guard case .table = cell.at else {
                    Issue.record("\(page.lastPathComponent): \(cell.key) at \(cell.at), not in an HTML table")
                    break
                }
            }
            #expect(report.title == gold["title"] as? String, "\(page.lastPathComponent): title")
        }
    }
}
