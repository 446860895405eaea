import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoHTML
@testable import NianbaoPDF

/// Every input under Corpus/ against its expected JSON, byte for byte, and against its hand-made
/// gold values. Expected JSON is written only by Scripts/regenerate-golden, never here.
@Suite struct GoldenTests {
    static let inputs: [String] = {
        let root = TestSupport.packageRoot.appendingPathComponent("Corpus")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var found: [String] = []
        for case let rel as String in walker where !rel.contains(".expected") && [".txt", ".html", ".htm", ".pdf"].contains(where: { rel.hasSuffix($0) }) {
            found.append("Corpus/" + rel)
        }
        return found.sorted()
    }()

    static func url(_ relative: String) -> URL { TestSupport.packageRoot.appendingPathComponent(relative) }

    static func sibling(_ relative: String, _ suffix: String) -> URL {
        let base = url(relative).deletingPathExtension()
        return base.deletingLastPathComponent().appendingPathComponent(base.lastPathComponent + suffix)
    }

    @Test func corpusIsThere() {
        #expect(Self.inputs.count >= 28, "Corpus/ holds \(Self.inputs.count) inputs")
    }

    @Test(arguments: inputs)
    func expectedJSON(input: String) throws {
        let errorURL = Self.sibling(input, ".expected-error.txt")
        if let code = try? String(contentsOf: errorURL, encoding: .utf8) {
            // An input that must be refused, with this error code.
            do {
                _ = try ReportExtractor().extract(bytes: [UInt8](Data(contentsOf: Self.url(input))), path: input)
                Issue.record("\(input) was converted but must fail with \(code)")
            } catch let error as ExtractError {
                #expect(error.code.rawValue == code.trimmingCharacters(in: .whitespacesAndNewlines), "\(input): \(error)")
                #expect(error.path == input)
            }
            return
        }
        let expectedURL = Self.sibling(input, ".expected.json")
        let expected = try Data(contentsOf: expectedURL)
        let bytes = try [UInt8](Data(contentsOf: Self.url(input)))
        let report = try ReportExtractor().extract(bytes: bytes, path: input)
        let actual = ReportExtractor.json(report)
        if actual != [UInt8](expected) {
            let a = String(decoding: actual, as: UTF8.self).split(separator: "\n")
            let e = String(decoding: expected, as: UTF8.self).split(separator: "\n")
            let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }
            Issue.record(Comment(rawValue: """
                \(input) differs from \(expectedURL.lastPathComponent) (run Scripts/regenerate-golden if the change is intended)
                first difference at line \((first?.offset ?? min(a.count, e.count)) + 1):
                  expected: \(first.map { String($0.element.1) } ?? "<end>")
                  actual:   \(first.map { String($0.element.0) } ?? "<end>")
                """))
        }
    }

    @Test(arguments: inputs)
    func goldValues(input: String) throws {
        let goldURL = Self.sibling(input, ".gold.json")
        guard FileManager.default.fileExists(atPath: goldURL.path) else { return }
        let report = try ReportExtractor().extract(bytes: [UInt8](Data(contentsOf: Self.url(input))), path: input)
        let mismatches = GoldFile(url: goldURL).compare(report)
        #expect(mismatches.isEmpty, "\(input):\n\(mismatches.joined(separator: "\n"))")
    }
}

/// A gold file in the shape of ../shared/corpus/README.md, compared with a report.
struct GoldFile {
    var json: [String: Any]

    init(url: URL) {
        json = (try? JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]) ?? [:]
    }

    /// Every difference in values, metadata and check statuses. Cells the gold lists as `dropped`
    /// (left out of the source on purpose) may be null or inferred with the true value.
    func compare(_ r: Report) -> [String] {
        var out: [String] = []
        if let agency = json["agency"] as? String, agency != r.agency { out.append("agency: expected \(agency), got \(r.agency ?? "nil")") }
        if let year = json["year"] as? Int, year != r.year { out.append("year: expected \(year), got \(r.year.map(String.init) ?? "nil")") }
        if let g = json["generation"] as? String, g != r.generation.rawValue { out.append("generation: expected \(g), got \(r.generation.rawValue)") }
        if let t = json["title"] as? String, t != r.title { out.append("title: expected \(t), got \(r.title ?? "nil")") }
        let dropped = Set((json["dropped"] as? [String]) ?? [])
        let values = (json["values"] as? [String: Any]) ?? [:]
        for (key, expected) in values.sorted(by: { $0.key < $1.key }) {
            let got = r.value(key)
            let want: String? = (expected is NSNull) ? nil : "\(expected)"
            let gotText = got.map(\.description)
            let same: Bool
            if let want, let gotText { same = Double(want) == Double(gotText) } else { same = want == nil && gotText == nil }
            if !same && !(dropped.contains(key) && got == nil) {
                out.append("\(key): expected \(want ?? "null"), got \(gotText ?? "null")")
            }
        }
        for c in r.cells where values[c.key] == nil && c.value != nil {
            out.append("\(c.key): not in the gold, got \(c.value!)")
        }
        for case let check as [String: Any] in (json["checks"] as? [Any]) ?? [] {
            guard let id = check["id"] as? String, let status = check["status"] as? String else { continue }
            let got = r.check(id)?.status.rawValue ?? "absent"
            let readsDropped = r.check(id)?.keys.contains { dropped.contains($0) } ?? false
            if got != status && !(readsDropped && got == "not_assessable") { out.append("check \(id): expected \(status), got \(got)") }
        }
        return out
    }
}
