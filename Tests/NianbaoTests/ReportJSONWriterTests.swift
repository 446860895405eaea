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
