import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore

/// The streaming writer behind `Report.jsonBytes` gives the bytes of the value tree
/// (`ReportJSON.value(…).serialized`), pretty and compact, on every kind of report the corpus holds:
/// both table generations, split and single （六）, a legacy report (the tree path of `tables`), page
/// and scan locations, OCR and converter sources.
@Suite struct ReportJSONWriterTests {
    static let inputs: [String] = {
        let root = TestSupport.packageRoot.appendingPathComponent("Corpus")
        var paths: [String] = []
        for folder in ["text", "html", "converted/pdftotext", "converted/markitdown", "pdf"] {
            let dir = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            paths += names.filter { !$0.hasSuffix(".json") }.sorted().map { dir.appendingPathComponent($0).path }
        }
        return paths
    }()

    @Test func writerBytesEqualTheValueTree() throws {
        #expect(Self.inputs.count >= 55)
        var compared = 0, legacy = 0, paged = 0
        for path in Self.inputs {
            guard let report = try? ReportExtractor().extract(file: path) else { continue }
            let keys = ExpectedKeys.keys(for: report)
            let tree = ReportJSON.value(report, expectedKeys: keys)
            #expect(report.jsonBytes(pretty: true) == tree.serialized(pretty: true), "\(path)")
            #expect(report.jsonBytes(pretty: false) == tree.serialized(pretty: false), "\(path)")
            compared += 1
            if report.generation == .legacy { legacy += 1 }
            if report.cells.contains(where: { if case .page = $0.at { true } else { false } }) { paged += 1 }
        }
        #expect(compared >= 45)
        #expect(legacy >= 1)
        #expect(paged >= 4)
    }

    /// `JSONByteBuffer.decimal` writes the bytes of `DecimalNumber.description`: on every value
    /// of the corpus's cells and checks, and on crafted ones (every scale around the digits of the
    /// units, trailing zeros, signs, the ends of Int64, scales 0 and past 18 that take the
    /// description's own path).
    @Test func decimalBytesEqualTheDescription() throws {
        func written(_ d: DecimalNumber) -> [UInt8] {
            var out = JSONByteBuffer(capacity: 64)
            out.append(0x20)
            out.decimal(d)
            return out.array
        }
        func same(_ d: DecimalNumber) -> Bool {
            written(d) == [0x20] + Array(d.description.utf8)
        }
        var corpus = 0
        for path in Self.inputs {
            guard let report = try? ReportExtractor().extract(file: path) else { continue }
            let values = report.cells.compactMap(\.value) + report.checks.flatMap { [$0.lhs, $0.rhs].compactMap { $0 } }
            for d in values where d.scale != 0 {
                #expect(same(d), "\(path): \(d.units) scale \(d.scale)")
                corpus += 1
            }
        }
        #expect(corpus >= 10)
        var units: [Int64] = [0, 1, -1, 5, -5, 10, -10, 100, 120, 7_730_28, -7_730_28, 1_000_000, 999_999_999, .max, .min, .max - 9, .min + 10]
        var p: Int64 = 1
        for _ in 0..<18 {
            p *= 10
            units += [p, -p, p + 1, p - 1, -(p - 1), p * 3 / 10 + 7]
        }
        for u in units {
            for scale in 0...22 {
                #expect(same(DecimalNumber(units: u, scale: scale)), "\(u) scale \(scale)")
            }
        }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let d = DecimalNumber(units: Int64.random(in: .min ... .max, using: &rng) >> Int64.random(in: 0...63, using: &rng), scale: Int.random(in: 1...20, using: &rng))
            #expect(same(d), "\(d.units) scale \(d.scale)")
        }
    }

    @Test func optionalSourceMembersAndEmptyContainers() throws {
        var report = try TestSupport.extract(MiniReport.text())
        report.source.ocr = OCREngine(engine: "tesseract", version: "5.3.0", language: "chi_sim")
        report.source.convertedBy = "libreoffice"
        report.source.pages = 3
        report.cells = [Cell(key: "x.y", value: nil, raw: nil, kind: .empty, at: .scan(1, Box(x0: 1, y0: 2.25, x1: 3, y1: 4), confidence: 0.5))]
        report.checks = [
            Check(id: "Y1", status: .fail, lhs: DecimalNumber(units: 12345, scale: 2), rhs: nil, keys: [], previous: "2022.json"),
            Check(id: "I1", status: .pass, lhs: DecimalNumber(units: 3, scale: 0), rhs: DecimalNumber(units: 3, scale: 0), keys: ["a.b", "c.d"]),
        ]
        report.diagnostics = [Diagnostic(.note, .legacyReport, "a \"quoted\"\nline", at: .table(1, row: 2, column: 3))]
        report.sections[0].subsections = []
        let tree = ReportJSON.value(report, expectedKeys: ExpectedKeys.keys(for: report))
        #expect(report.jsonBytes(pretty: true) == tree.serialized(pretty: true))
        #expect(report.jsonBytes(pretty: false) == tree.serialized(pretty: false))
    }
}
