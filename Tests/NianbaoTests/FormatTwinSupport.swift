import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoArchive
@testable import NianbaoCore
@testable import NianbaoDatasets
@testable import NianbaoOFD
@testable import NianbaoOffice

/// What must agree between two files of one report in different formats: everything but
/// provenance (cell and section locations, source facts).
struct ReportFingerprint: Equatable, CustomStringConvertible {
    var title: String?
    var agency: String?
    var year: Int?
    var generation: String
    var preface: String
    var headings: [String]
    var cells: [String]
    var checks: [String]
    var diagnostics: [String]

    init(_ r: Report) {
        title = r.title
        agency = r.agency
        year = r.year
        generation = r.generation.rawValue
        preface = r.preface
        headings = r.sections.map(\.heading)
        cells = r.cells.map { "\($0.key)=\($0.value?.description ?? "nil") \($0.kind.rawValue) raw=\($0.raw ?? "nil")" }
        checks = r.checks.map { "\($0.id) \($0.status.rawValue)" }
        diagnostics = r.diagnostics.map { "\($0.severity.rawValue) \($0.code)" }.sorted()
    }

    /// The first field that differs, for the failure message.
    func difference(from other: ReportFingerprint) -> String? {
        let mirror = Mirror(reflecting: self), otherMirror = Mirror(reflecting: other)
        for (a, b) in zip(mirror.children, otherMirror.children) where "\(a.value)" != "\(b.value)" {
            return "\(a.label ?? "?"): \(a.value) ≠ \(b.value)"
        }
        return nil
    }

    var description: String { "\(title ?? "-") \(cells.count) cells \(checks.count) checks" }
}

enum FormatCorpus {
    static let root = TestSupport.packageRoot.appendingPathComponent("Corpus")

    /// Names (without extension) of the reports made in every office format.
    static var officeReports: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("office").path)) ?? []
        return names.filter { $0.hasSuffix(".docx") && !$0.contains("-numbered") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The HTML twin of an office report: Corpus/html, else ../shared/corpus.
    static func htmlTwin(_ name: String) -> URL? {
        let local = root.appendingPathComponent("html/\(name).html")
        if FileManager.default.fileExists(atPath: local.path) { return local }
        return TestSupport.sharedFile("corpus/\(name).html")
    }

    static func pdfTwin(_ name: String) -> URL? {
        let local = root.appendingPathComponent("pdf/\(name).pdf")
        if FileManager.default.fileExists(atPath: local.path) { return local }
        return TestSupport.sharedFile("corpus/\(name).pdf")
    }

    static func extract(_ url: URL) throws -> Report {
        try ReportExtractor().extract(file: url.path)
    }

    /// Asserts that `file` gives the report its twin gives (provenance aside).
    static func expectSame(_ file: URL, twin: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let a = ReportFingerprint(try extract(file)), b = ReportFingerprint(try extract(twin))
        #expect(!a.cells.isEmpty, "\(file.lastPathComponent): no cells", sourceLocation: sourceLocation)
        #expect(a == b, "\(file.lastPathComponent) vs \(twin.lastPathComponent): \(a.difference(from: b) ?? "")", sourceLocation: sourceLocation)
    }

    static var libreOffice: Bool { LibreOfficeConverter.executable != nil }

    /// CI installs LibreOffice (`Scripts/setup-debian`): there a missing `soffice` is a failure, not a skip.
    static func requireLibreOfficeInCI() {
        if !libreOffice && ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("LibreOffice (soffice) is not installed on CI: Scripts/setup-debian installs libreoffice-writer-nogui")
        }
    }
}
