import Foundation
import Testing
@testable import Nianbao
@testable import NianbaoCore
@testable import NianbaoOCR
@testable import NianbaoPDF

/// What OCR does not read: blank pages, and documents with more pages to recognize than a report has.
@Suite struct OCRPageLimitTests {
    static let needsOCR = Prerequisite.needs(
        TesseractRecognizer.available() != nil,
        "tesseract's chi_sim model is not installed (required when CI=true)")

    /// 101 pages that each draw a black square and no text: each would need OCR, so the document is
    /// refused before any page is recognized (this test would take minutes if they were).
    @Test(needsOCR) func longScanIsRefusedBeforeRecognition() throws {
        let pdf = BadInputLargeTests.repeatedPagePDF(pages: PDFReader.maximumRecognizedPages + 1, content: "0 g 72 400 300 300 re f", font: false)
        let (result, _) = BadInputLargeTests.outcome(pdf, "squares-101.pdf")
        guard case .failure(let error) = result else { Issue.record("a 101-page scan converted"); return }
        #expect(error.code == .tooLarge, "\(error)")
        #expect(error.message.contains("need OCR"), "\(error.message)")
    }

    /// The same document at the limit is read page by page; blank pages are never recognized, so a
    /// PDF of blank pages is `no_text_layer` naming them (with OCR enabled).
    @Test(needsOCR) func blankPagesAreNotRecognized() throws {
        let pdf = BadInputLargeTests.repeatedPagePDF(pages: 150, content: "", font: false)
        let (result, _) = BadInputLargeTests.outcome(pdf, "blank-150.pdf")
        guard case .failure(let error) = result else { Issue.record("blank pages converted"); return }
        #expect(error.code == .noTextLayer, "\(error)")
        #expect(error.message.contains("pages 1–150"), "\(error.message)")
    }
}
