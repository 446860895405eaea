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
        // Corpus/bad holds the broken inputs of the BadInput* tests, with a manifest instead of expected
        // files; Corpus/converted the converter matrix (ConverterMatrixTests), with gold files only;
        // Corpus/scans the OCR scans (OCRScanTests), scored against Corpus/pdf gold files.
        for case let rel as String in walker
        where !rel.hasPrefix("bad/") && !rel.hasPrefix("converted/") && !rel.hasPrefix("scans/") && !rel.contains(".expected")
            && [".txt", ".html", ".htm", ".pdf"].contains(where: { rel.hasSuffix($0) })
        {
            found.append("Corpus/" + rel)
        }
        return found.sorted()
    }()

    static func url(_ relative: String) -> URL { TestSupport.packageRoot.appendingPathComponent(relative) }

    static func sibling(_ relative: String, _ suffix: String) -> URL {
        let base = url(relative).deletingPathExtension()
        return base.deletingLastPathComponent().appendingPathComponent(base.lastPathComponent + suffix)
    }

    /// The inputs with a hand-made gold file (the others are refused inputs with an expected error).
    static let goldInputs: [String] = inputs.filter { FileManager.default.fileExists(atPath: sibling($0, ".gold.json").path) }

    @Test func corpusIsThere() {
        #expect(Self.inputs.count >= 28, "Corpus/ holds \(Self.inputs.count) inputs")
        #expect(Self.goldInputs.count >= 28, "\(Self.goldInputs.count) inputs have a gold file")
        // Every input has an expected output or an expected error: none is compared with nothing.
        for input in Self.inputs {
            let expected = FileManager.default.fileExists(atPath: Self.sibling(input, ".expected.json").path)
            let refused = FileManager.default.fileExists(atPath: Self.sibling(input, ".expected-error.txt").path)
            #expect(expected != refused, "\(input): needs exactly one of .expected.json and .expected-error.txt")
        }
    }

    @Test(arguments: inputs)
    func expectedJSON(input: String) throws {
        let errorURL = Self.sibling(input, ".expected-error.txt")
        if FileManager.default.fileExists(atPath: errorURL.path) {
            let code = try String(contentsOf: errorURL, encoding: .utf8)
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
            Issue.record(
                Comment(
                    rawValue: """
                        \(input) differs from \(expectedURL.lastPathComponent) (run Scripts/regenerate-golden if the change is intended)
                        first difference at line \((first?.offset ?? min(a.count, e.count)) + 1):
                          expected: \(first.map { String($0.element.1) } ?? "<end>")
                          actual:   \(first.map { String($0.element.0) } ?? "<end>")
                        """))
        }
    }

    @Test(arguments: goldInputs)
    func goldValues(input: String) throws {
        let goldURL = Self.sibling(input, ".gold.json")
        let report = try ReportExtractor().extract(bytes: [UInt8](Data(contentsOf: Self.url(input))), path: input)
        let mismatches = try GoldFile(url: goldURL).compare(report)
        #expect(mismatches.isEmpty, "\(input):\n\(mismatches.joined(separator: "\n"))")
    }
}
