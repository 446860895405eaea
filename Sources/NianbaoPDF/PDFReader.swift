import NianbaoCore
import CPoppler

/// Reads a PDF report into rows of cells through poppler-glib.
///
/// Per page: glyph boxes from poppler's text layout, ruling lines from a cairo script rendering,
/// ruled tables rebuilt cell by cell, the rest grouped into lines and split at wide gaps.
/// Page numbers and running headers are dropped; tables continued across pages keep their number.
///
/// With a ``PageRecognizer`` (OCR), pages without a text layer — or every page, with
/// `recognizeEveryPage` — are rendered and recognized instead, and laid out by the same code.
package struct PDFReader: DocumentReader {
    package var recognizer: (any PageRecognizer)?
    package var recognizeEveryPage: Bool
    /// Appended to the `no_text_layer` message when pages are left unread (how to enable OCR).
    package var textlessHint: String
    /// Called before each page is recognized (1-based page, page count): OCR is slow, so batches show it.
    package var progress: (@Sendable (Int, Int) -> Void)?

    /// Scans coarser than this are not read by OCR.
    package static let minimumScanResolution = 100.0

    /// OCR reads at most this many pages of one document. A scanned report has a few dozen pages;
    /// a document with hundreds of pages to recognize is not one report, and reading it would take
    /// many minutes: it is refused (`too_large`) instead.
    package static let maximumRecognizedPages = 100

    package init(
        recognizer: (any PageRecognizer)? = nil, recognizeEveryPage: Bool = false, textlessHint: String = "",
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) {
        self.recognizer = recognizer
        self.recognizeEveryPage = recognizeEveryPage
        self.textlessHint = textlessHint
        self.progress = progress
    }

    package func read(data: [UInt8], path: String) throws(ExtractError) -> SourceDocument {
        let document: PDFDocumentHandle
        do {
            document = try PDFDocumentHandle(bytes: data)
        } catch {
            switch error {
            case .encrypted(let message):
                throw ExtractError(.encrypted, path: path, "the PDF is encrypted (\(message))")
            case .damaged(let message):
                throw ExtractError(.damaged, path: path, "the PDF is damaged: \(message)")
            }
        }
        let count = document.pageCount
        guard count > 0 else { throw ExtractError(.damaged, path: path, "the PDF has no pages") }

        var diagnostics: [Diagnostic] = []
        var pages: [PageLayoutResult] = []
        var textless: [Int] = []
        var garbled: [Int] = []
        var unreadable: [Int] = []
        var recognized: [Int] = []
        var unreadByOCR: [Int] = []
        var coarse: [(page: Int, dpi: Double)] = []
        var session: (any PageRecognitionSession)? = nil
        let recorder = CairoScriptRecorder()
        let parser = RulingParser()
        var renderFirst = !recognizeEveryPage || recognizer == nil
        var lengthChecked = count <= Self.maximumRecognizedPages
        for index in 0..<count {
            let number = index + 1
            guard let page = document.page(at: index) else {
                unreadable.append(number)
                continue
            }
            let size = page.size
            // Rendering first lets poppler build the page's text while it draws (one pass over the
            // content instead of two); the text is the same (see hasDrawnAnnotations). After a page
            // without a text layer (a scan) the next page is read text first, so scans are not drawn.
            let script = renderFirst && !page.hasDrawnAnnotations ? page.render(into: recorder) : nil
            let glyphs = GlyphExtraction.glyphs(from: page.textLayout())
            let stats = TextLayerCheck.stats(glyphs)
            renderFirst = stats.visible > 0 && (!recognizeEveryPage || recognizer == nil)
            if let recognizer, recognizeEveryPage || stats.visible == 0 {
                // Below ~100 dpi characters are a few pixels tall: OCR would read noise.
                if let dpi = page.largestImageResolution(), dpi < Self.minimumScanResolution {
                    textless.append(number)
                    coarse.append((number, dpi))
                    continue
                }
                // A page without images that renders blank has nothing to read (a blank page, not
                // a scan): no OCR, and no slow recognition of thousands of empty pages.
                if stats.visible == 0, page.isBlank() {
                    textless.append(number)
                    continue
                }
                // Before the first page is recognized, a long document is measured: refused when
                // more pages than OCR reads would need it (a document with a text layer never pays).
                if !lengthChecked {
                    lengthChecked = true
                    try Self.refuseLongScans(document, count: count, from: index, path: path, everyPage: recognizeEveryPage)
                }
                if session == nil { session = recognizer.session() }
                guard let session else { throw ExtractError(.noTextLayer, path: path, "the OCR engine could not start\(textlessHint)") }
                progress?(number, count)
                guard let image = page.renderGray(dpi: recognizer.dpi) else { unreadable.append(number); continue }
                let read = session.recognize(image)
                // A page OCR reads almost nothing of (too coarse, too faint) stays without text.
                let readable = read.glyphs.filter { ($0.confidence ?? 0) >= 0.8 && $0.scalar.isCJKLike }.count
                if readable < 10 { textless.append(number); unreadByOCR.append(number); continue }
                recognized.append(number)
                pages.append(
                    PageLayout.layout(
                        page: number, width: size.width, height: size.height, glyphs: read.glyphs,
                        rulings: read.rulings, blankConfidence: read.blankConfidence))
                continue
            }
            if stats.visible == 0 { textless.append(number); continue }
            if TextLayerCheck.isGarbled(stats) { garbled.append(number); continue }
            let rulings = RulingParser.removeGlyphStrokes(parser.parse(script ?? page.render(into: recorder)), glyphs: glyphs)
            // A page displayed sideways or upside down is read turned upright.
            let orientation = PageOrientation.of(glyphs)
            let upright = orientation.uprightSize(width: size.width, height: size.height)
            pages.append(
                PageLayout.layout(
                    page: number, width: upright.width, height: upright.height,
                    glyphs: orientation.upright(glyphs, width: size.width, height: size.height),
                    rulings: orientation.upright(rulings, width: size.width, height: size.height)))
        }
        if !unreadable.isEmpty && unreadable.count == count {
            throw ExtractError(.damaged, path: path, "no page could be read")
        }
        if pages.isEmpty {
            if !garbled.isEmpty {
                throw ExtractError(.garbledText, path: path, "the text layer does not decode to readable Chinese on \(TextLayerCheck.describe(garbled))")
            }
            var ocr = unreadByOCR.isEmpty ? "" : "; OCR read no text on \(TextLayerCheck.describe(unreadByOCR)) (a scan too coarse or faint?)"
            if !coarse.isEmpty {
                ocr +=
                    "; the page images of \(TextLayerCheck.describe(coarse.map(\.page))) are \(Int(coarse.map(\.dpi).min()!.rounded())) dpi, too coarse for OCR (at least \(Int(Self.minimumScanResolution)) dpi)"
            }
            throw ExtractError(.noTextLayer, path: path, "no text layer on \(TextLayerCheck.describe(textless + unreadable)) (scanned PDF?)\(ocr)\(textlessHint)")
        }
        if garbled.count * 2 >= garbled.count + pages.count + textless.count && !garbled.isEmpty {
            throw ExtractError(.garbledText, path: path, "the text layer does not decode to readable Chinese on \(TextLayerCheck.describe(garbled))")
        }
        // Pages OCR read and found (almost) nothing on: a blank page of a scan, or one too faint.
        let layerless = textless.filter { !unreadByOCR.contains($0) }
        if !layerless.isEmpty {
            diagnostics.append(Diagnostic(.warning, .noTextLayer, "no text layer on \(TextLayerCheck.describe(layerless)); their content is missing\(textlessHint)"))
        }
        if !unreadByOCR.isEmpty {
            diagnostics.append(
                Diagnostic(.warning, .noTextLayer, "OCR read no text on \(TextLayerCheck.describe(unreadByOCR)) (a blank page, or a scan too coarse or faint)"))
        }
        if !garbled.isEmpty {
            diagnostics.append(Diagnostic(.warning, .garbledText, "unreadable text layer on \(TextLayerCheck.describe(garbled)); their content is missing"))
        }
        if !unreadable.isEmpty {
            diagnostics.append(Diagnostic(.warning, .damagedPage, "\(TextLayerCheck.describe(unreadable)) could not be read"))
        }
        PDFPageFurniture.strip(&pages)
        let grid = DocumentAssembler.grid(pages)
        var source = SourceDocument(mediaType: "application/pdf", pages: count, grid: grid, diagnostics: diagnostics)
        if let recognizer, !recognized.isEmpty {
            source.ocr = recognizer.engine
            source.diagnostics.append(
                Diagnostic(
                    .note, .ocrPages,
                    "\(TextLayerCheck.describe(recognized)) read by OCR (\(recognizer.engine.engine) \(recognizer.engine.version), \(recognizer.engine.language), \(Int(recognizer.dpi)) dpi)"))
        }
        return source
    }

    /// A long document (more pages than OCR reads) is refused before any page is recognized when
    /// more than ``maximumRecognizedPages`` of its pages would need OCR: counted from the text layer
    /// (and the blank-page check) of each page from `start`, the first page to recognize (the pages
    /// before it needed no OCR), which is cheap next to recognition.
    static func refuseLongScans(_ document: PDFDocumentHandle, count: Int, from start: Int, path: String, everyPage: Bool) throws(ExtractError) {
        var toRecognize = 0
        for index in start..<count {
            guard let page = document.page(at: index) else { continue }
            if everyPage || (TextLayerCheck.stats(GlyphExtraction.glyphs(from: page.textLayout())).visible == 0 && !page.isBlank()) {
                toRecognize += 1
            }
            if toRecognize > maximumRecognizedPages {
                throw ExtractError(
                    .tooLarge, path: path,
                    "more than \(maximumRecognizedPages) of its \(count) pages need OCR (a report has far fewer pages): not read")
            }
            // Even if every page left needed OCR the limit would hold: the rest need not be read
            // twice (a long document with a text layer stops here after count − limit pages).
            if toRecognize + (count - index - 1) <= maximumRecognizedPages { return }
        }
    }
}
