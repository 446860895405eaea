import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

@Suite struct JSONOutputTests {
    @Test func keysAreSortedAndBytesStable() throws {
        let a = ReportExtractor.json(try TestSupport.extract(MiniReport.text()))
        let b = ReportExtractor.json(try TestSupport.extract(MiniReport.text()))
        #expect(a == b)
        let text = String(decoding: a, as: UTF8.self)
        let top = ["\"cells\"", "\"checks\"", "\"diagnostics\"", "\"report\"", "\"schema_version\"", "\"sections\"", "\"source\"", "\"tables\""]
        let positions = top.map { text.range(of: "\n  " + $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func outputParsesAndFollowsTheContract() throws {
        let bytes = ReportExtractor.json(try TestSupport.extract(MiniReport.text()))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(json["schema_version"] as? Int == 1)
        let tables = try #require(json["tables"] as? [String: Any])
        let apps = try #require(tables["applications"] as? [String: Any])
        let denied = try #require(apps["denied"] as? [String: Any])
        let secret = try #require(denied["state_secret"] as? [String: Any])
        #expect(secret["natural_person"] as? Int == 1)
        let active = try #require(tables["active_disclosure"] as? [String: Any])
        #expect((active["fees"] as? [String: Any])?["amount"] as? Double == 7730.28)
        let cells = try #require(json["cells"] as? [[String: Any]])
        #expect(cells.count == 200)
        #expect((cells[0]["at"] as? [String: Any])?["line"] != nil)
        #expect(text(bytes).contains("\"amount\": 7730.28"))
    }

    @Test func stringsAreEscaped() {
        let bytes = JSONValue.object(["a": .string("x\"y\\z\n\u{01}中")]).serialized(pretty: false)
        #expect(String(decoding: bytes, as: UTF8.self) == "{\"a\":\"x\\\"y\\\\z\\n\\u0001中\"}")
    }

    @Test func decimalLiterals() {
        #expect(DecimalNumber(units: 773028, scale: 2).description == "7730.28")
        #expect(DecimalNumber(units: 1250, scale: 2).description == "12.5")
        #expect(DecimalNumber(units: -5, scale: 2).description == "-0.05")
        #expect(DecimalNumber(units: 500, scale: 2).description == "5")
        #expect(DecimalNumber(units: 1, scale: 1) + DecimalNumber(2) == DecimalNumber(units: 21, scale: 1))
    }

    func text(_ b: [UInt8]) -> String { String(decoding: b, as: UTF8.self) }
}
