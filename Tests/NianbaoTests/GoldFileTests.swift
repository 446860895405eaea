import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore

/// A broken gold file fails its test: reading it throws instead of comparing nothing.
@Suite struct GoldFileTests {
    static func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-gold-\(UUID().uuidString).gold.json")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test(arguments: [
        "",  // empty file
        "{\"values\": {\"a\": 1}",  // truncated
        "[1, 2]",  // not an object
        "{\"agency\": \"x\"}",  // no values
        "{\"values\": {\"a\": \"21\"}}",  // a number as a string
        "{\"values\": {\"a\": [1]}}",
        "{\"values\": {\"a\": 1}, \"year\": \"2023\"}",
        "{\"values\": {\"a\": 1}, \"title\": 7}",
        "{\"values\": {\"a\": 1}, \"checks\": [{\"id\": \"I1.total\"}]}",
        "{\"values\": {\"a\": 1}, \"checks\": [{\"id\": \"I1.total\", \"status\": \"ok\"}]}",
        "{\"values\": {\"a\": 1}, \"checks\": {}}",
        "{\"values\": {\"a\": 1}, \"dropped\": \"a\"}",
    ])
    func malformedGoldThrows(text: String) throws {
        let url = try Self.write(text)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: (any Error).self) { try GoldFile(url: url) }
    }

    @Test func missingGoldThrows() {
        #expect(throws: (any Error).self) { try GoldFile(url: URL(fileURLWithPath: "/nonexistent/x.gold.json")) }
    }

    @Test func wellFormedGoldIsCompared() throws {
        let url = try Self.write(
            """
            {"agency": "某局", "year": 2023, "generation": null, "values": {"review_litigation.review.total": 6, "review_litigation.review.upheld": null},
             "dropped": [], "checks": [{"id": "I4.review", "status": "pass", "lhs": 6, "rhs": 6}]}
            """)
        defer { try? FileManager.default.removeItem(at: url) }
        let gold = try GoldFile(url: url)
        #expect(gold.agency == "某局" && gold.year == 2023 && gold.generation == nil)
        #expect(gold.values.count == 2)
        #expect(gold.values["review_litigation.review.total"] == .some(6))
        #expect(gold.values["review_litigation.review.upheld"] == .some(nil))
        #expect(gold.checks.map(\.id) == ["I4.review"])
    }

    /// The comparison reports each difference (it can fail).
    @Test func differencesAreReported() throws {
        let url = try Self.write(
            """
            {"agency": "潍坊市水利局", "year": 2022, "values": {"applications.new_received.natural_person": 999},
             "checks": [{"id": "I1.natural_person", "status": "fail"}]}
            """)
        defer { try? FileManager.default.removeItem(at: url) }
        let report = try ReportExtractor().extract(bytes: [UInt8](Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("Corpus/text/t01-2021-tabs.txt"))), path: "t01.txt")
        let differences = try GoldFile(url: url).compare(report)
        #expect(differences.contains("year: expected 2022, got 2023"))
        #expect(differences.contains { $0.hasPrefix("applications.new_received.natural_person: expected 999.0, got ") })
        #expect(differences.contains("check I1.natural_person: expected fail, got pass"))
        // Every other cell with a value is "not in the gold".
        #expect(differences.filter { $0.hasSuffix("not in the gold, got 0") || $0.contains(": not in the gold, got ") }.count > 100)
        #expect(!differences.contains { $0.hasPrefix("agency:") })
    }
}
