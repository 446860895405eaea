import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoOCR

/// The committed scans (Corpus/scans, made by Scripts/generate-scans from reports with gold values):
/// OCR through tesseract, proof-read by the identities. Never a wrong value.
@Suite(.tags(.slow)) struct OCRScanTests {
    static var ocrAvailable: Bool { TesseractRecognizer.available() != nil }
    /// OCR takes seconds a page: with the slow set only (`NIANBAO_SLOW=1` or `CI=true`).
    static let needsOCR = Prerequisite.needs(ocrAvailable, "tesseract's chi_sim model is not installed (required when CI=true)")
    static let scans = TestSupport.packageRoot.appendingPathComponent("Corpus/scans")

    struct Score { var exact = 0, null = 0, wrong: [String] = [] }

    static func score(_ report: Report, goldName: String) throws -> Score {
        let url = TestSupport.packageRoot.appendingPathComponent("Corpus/pdf/\(goldName).gold.json")
        let gold = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let values = try #require(gold["values"] as? [String: Any])
        var cells: [String: Cell] = [:]
        for c in report.cells { cells[c.key] = c }
        var s = Score()
        for (key, v) in values {
            guard let number = v as? NSNumber else { continue }  // printed blanks are not counted
            guard let got = cells[key]?.value else { s.null += 1; continue }
            if got.description == number.stringValue || Double(got.description) == number.doubleValue { s.exact += 1 } else { s.wrong.append("\(key): gold \(number), got \(got)") }
        }
        return s
    }

    @Test(
        Prerequisite.slow, needsOCR,
        arguments: [
            // 178 of 200 and 178 of 195 since a row that holds as `x = x` confirms its two
            // prints when OCR is confident of both (a number leaving ink unread beside it is
            // doubted: `UnreadInk`); 157 and 177 before, 98 and 114 before value and label cells
            // were read one by one (`CellReader`). A row's own identity confirms no row in which
            // OCR doubted a non-zero number (see the README).
            ("p01-2021-ruled-vertical-150-bilevel", "p01-2021-ruled-vertical", 0.75),
            ("p03-2021-radicals-200-bilevel", "p03-2021-radicals", 0.87),
            // A borderless table (p04): 178 of 186 since its cells are read one by one
            // (`BorderlessCellReader`), 127 before; the 8 left are its deliberate errors (I3 of
            // （一）, I4 of 行政复议) and an `x = x` row no column identity covers.
            ("p04-2022-borderless-200-bilevel", "p04-2022-borderless", 0.93),
        ])
    func committedScanHasNoWrongValue(scan: String, gold: String, minimumExact: Double) throws {
        try #require(Self.ocrAvailable, "tesseract with chi_sim is needed")
        let report = try ReportExtractor().extract(file: Self.scans.appendingPathComponent(scan + ".pdf").path)
        #expect(report.source.ocr?.engine == "tesseract")
        #expect(report.source.ocr?.language == "chi_sim")
        let s = try Self.score(report, goldName: gold)
        #expect(s.wrong.isEmpty, "\(s.wrong)")
        let fraction = Double(s.exact) / Double(s.exact + s.null + s.wrong.count)
        #expect(fraction >= minimumExact, "exact \(s.exact), null \(s.null)")
        // Every OCR value carries its confidence; inferred ones are explained (by the proof-reader or the row solver).
        for c in report.cells where c.kind == .number {
            guard case .scan = c.at else { Issue.record("\(c.key) has no OCR location"); continue }
        }
        let inferred = report.cells.filter { $0.kind == .inferred }.count
        #expect(report.diagnostics.filter { $0.code == "ocr_inferred" || $0.code == "cell_inferred" }.count >= inferred)
        // p01's page 3 is blank but for its page number: OCR read it and found nothing, which is
        // not a missing text layer.
        if gold == "p01-2021-ruled-vertical" {
            #expect(report.diagnostics.contains { $0.code == .noTextLayer && $0.message.hasPrefix("OCR read no text on page 3 (a blank page") })
            #expect(!report.diagnostics.contains { $0.message.contains("no text layer on page 3") })
        }
    }

    @Test(Prerequisite.slow, needsOCR)
    func scannedNonReportIsRefused() throws {
        try #require(Self.ocrAvailable, "tesseract with chi_sim is needed")
        do {
            _ = try ReportExtractor().extract(file: Self.scans.appendingPathComponent("n01-not-a-report-150-bilevel.pdf").path)
            Issue.record("a scanned budget report converted")
        } catch {
            #expect(error.code == .notAReport)
        }
    }

    @Test func ocrNeverKeepsNoTextLayerAndSaysHowToEnable() throws {
        let path = Self.scans.appendingPathComponent("n01-not-a-report-150-bilevel.pdf").path
        do {
            _ = try ReportExtractor(options: ExtractOptions(ocr: .never)).extract(file: path)
            Issue.record("an image-only PDF converted with --ocr never")
        } catch {
            #expect(error.code == .noTextLayer)
            #expect(error.description.contains("--ocr auto"))
        }
    }
}
