import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore

/// The digit splitter, the table solver, crawled run-together reports and the converter matrix
/// (Corpus/converted, made by Scripts/generate-converted).
@Suite struct DigitSplitterTests {
    static let i3 = [RowIdentity(parts: Array(0..<6), total: 6)]

    func candidates(_ run: String, slots: Int, _ ids: [RowIdentity]) -> [[Int64?]]? {
        guard case .candidates(let c) = DigitSplitter.split(DigitSplitter.digits(run)!, slots: slots, identities: ids) else { return nil }
        return c
    }

    @Test func uniqueSplit() {
        // 一、本年新收…801000081 = 80 1 0 0 0 0 81
        #expect(candidates("801000081", slots: 7, Self.i3) == [[80, 1, 0, 0, 0, 0, 81]])
        // 规章000: three zeros, the only split without leading zeros.
        #expect(candidates("000", slots: 3, []) == [[0, 0, 0]])
    }

    @Test func ambiguousSplit() {
        // 行政规范性文件693665 (Table 二 has no identity): many splits.
        let c = candidates("693665", slots: 3, []) ?? []
        #expect(c.count > 1)
        #expect(c.contains([69, 3, 665]))
        // 11 0 0 0 0 0 11 and 1 1 0 0 0 0 … : I3 leaves two.
        let d = candidates("1100002", slots: 7, Self.i3) ?? []
        #expect(d.contains([1, 1, 0, 0, 0, 0, 2]))
    }

    @Test func impossibleSplit() {
        #expect(candidates("99", slots: 7, Self.i3) == [])  // too few digits
        #expect(candidates("1000003", slots: 7, Self.i3) == [])  // 1+0+0+0+0+0 ≠ 3
    }

    @Test func leadingZerosRefused() {
        // 0 5 0 … could be read 05: never, a lone 0 is a cell.
        let c = candidates("0500005", slots: 7, Self.i3) ?? []
        #expect(c == [[0, 5, 0, 0, 0, 0, 5]])
    }

    @Test func spacesMayBeBlanksNotInsideCells() {
        // Two pieces: a cell never spans the space; the space may stand for one blank cell.
        guard case .candidates(let c) = DigitSplitter.split(pieces: [[2, 3], [0, 0, 0, 0, 0, 2, 3]], blanks: [0, 1, 0], slots: 7, identities: Self.i3) else {
            Issue.record("cut off"); return
        }
        #expect(c.contains([23, 0, 0, 0, 0, 0, 23]))
        #expect(!c.contains { $0.first == 230 })
    }

    @Test func hugeRunStaysBounded() {
        let run = [UInt8](repeating: 1, count: 10_000)
        #expect(DigitSplitter.split(run, slots: 7, identities: Self.i3) == .candidates([]))
        // A run the row could hold but with very many splits is cut off, never chosen from.
        let many = [UInt8](repeating: 1, count: 60)
        #expect(DigitSplitter.split(many, slots: 15, identities: []) == .tooMany)
    }

    @Test func tableIdentitiesSettleRows() {
        // Two rows each with two splits; I (row0 = row1 per column) leaves one assignment.
        let rows: [DigitTableSolver.Row] = [
            .choices([[1, 10], [11, 0]]),
            .choices([[11, 0], [2, 9]]),
        ]
        let solved = DigitTableSolver.solve(rows, columns: 2, identities: [ColumnIdentity(lhs: [0], rhs: [1])])
        #expect(solved[0] == .settled([11, 0]))
        #expect(solved[1] == .settled([11, 0]))
        // No identity: both stay ambiguous.
        let open = DigitTableSolver.solve(rows, columns: 2, identities: [])
        #expect(open.allSatisfy { if case .ambiguous = $0 { return true } else { return false } })
    }
}

@Suite struct RunTogetherReportTests {
    static func convertedFile(_ relative: String) -> URL {
        TestSupport.packageRoot.appendingPathComponent("Corpus/converted/" + relative)
    }

    /// Gold mismatches where the output holds a number the gold does not: wrong values.
    /// A gold file that cannot be read or has no `values` object throws: it must never compare as empty.
    static func wrongValues(_ r: Report, gold: URL) throws -> [String] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: gold)) as? [String: Any], "\(gold.path) is not a JSON object")
        let values = try #require(json["values"] as? [String: Any], "\(gold.path) has no values")
        var out: [String] = []
        for c in r.cells {
            guard let v = c.value else { continue }
            guard let g = values[c.key], !(g is NSNull) else { out.append("\(c.key): gold null/absent, got \(v)"); continue }
            if Double("\(g)") != Double(v.description) { out.append("\(c.key): gold \(g), got \(v)") }
        }
        return out
    }

    @Test(arguments: ["pingtan-2019", "pingtan-2021"])
    func crawledReport(name: String) throws {
        let input = Self.convertedFile("crawled/\(name).txt"), gold = Self.convertedFile("crawled/\(name).gold.json")
        let r = try ReportExtractor().extract(file: input.path)
        let wrong = try Self.wrongValues(r, gold: gold)
        #expect(wrong.isEmpty, "\(wrong)")
        // Outline, title, Table 三 and Table 四 exact; Table 二 has no identity, so its run-together
        // rows with several splits stay null (row_ambiguous), never guessed.
        let mismatches = try GoldFile(url: gold).compare(r).filter { !$0.hasPrefix("active_disclosure.") && !$0.hasPrefix("check") }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(r.sections.map(\.key) == [.overview, .activeDisclosure, .applications, .reviewLitigation, .problems, .other])
        #expect(r.diagnostics.contains { $0.code == "digits_split" })
        #expect(r.diagnostics.contains { $0.code == "table_reader" })
        let split = r.cells.first { $0.key == "applications.new_received.natural_person" }
        #expect(split?.kind == .number)
    }

    @Test func headingsNotCutAtEnumerations() throws {
        let text =
            "某某区2023年政府信息公开工作年度报告 根据《条例》编制本报告。一、总体情况（一）主动公开方面。一是加强领导，统一、规范发布。二是完善制度。二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件000第二十条第（五）项信息内容本年处理决定数量行政许可5 三、收到和处理政府信息公开申请情况 无。四、政府信息公开行政复议、行政诉讼情况 无。五、存在的主要问题及改进情况 无。六、其他需要报告的事项 无。 打印 关闭"
        let r = try TestSupport.extract(text)
        #expect(
            r.sections.map(\.heading) == [
                "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
            ])
        #expect(r.value("active_disclosure.rules.issued") == DecimalNumber(0))
        #expect(r.value("active_disclosure.licensing.decisions") == DecimalNumber(5))
        #expect(!(r.sections.last?.text.contains("打印") ?? true))
    }
}

@Suite(.tags(.slow)) struct ConverterMatrixTests {
    static let files: [String] = {
        let root = TestSupport.packageRoot.appendingPathComponent("Corpus/converted")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var out: [String] = []
        for case let rel as String in walker where rel.hasSuffix(".txt") || rel.hasSuffix(".md") { out.append(rel) }
        return out.sorted()
    }()

    @Test func matrixIsThere() {
        #expect(Self.files.count >= 40, "Corpus/converted holds \(Self.files.count) files (Scripts/generate-converted)")
    }

    /// Every converted file: the gold values or nulls, never a wrong number.
    @Test(arguments: files)
    func noWrongValues(file: String) throws {
        let input = RunTogetherReportTests.convertedFile(file)
        let gold = input.deletingPathExtension().appendingPathExtension("gold.json")
        let r: Report
        do { r = try ReportExtractor().extract(file: input.path) } catch { return }  // refused: no value at all
        let wrong = try RunTogetherReportTests.wrongValues(r, gold: gold)
        #expect(wrong.isEmpty, "\(file):\n\(wrong.joined(separator: "\n"))")
    }
}
