import NianbaoCore
import CPoppler

/// Reads a PDF report into rows of cells through poppler-glib.
///
/// Per page: glyph boxes from poppler's text layout, ruling lines from a cairo script rendering,
/// ruled tables rebuilt cell by cell, the rest grouped into lines and split at wide gaps.
/// Page numbers and running headers are dropped; tables continued across pages keep their number.
package struct PDFReader: DocumentReader {
    package init() {}

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
        let recorder = CairoScriptRecorder()
        let parser = RulingParser()
        for index in 0..<count {
            let number = index + 1
            guard let page = document.page(at: index) else {
                unreadable.append(number)
                continue
            }
            let size = page.size
            let glyphs = GlyphExtraction.glyphs(from: page.textLayout())
            let stats = TextLayerCheck.stats(glyphs)
            if stats.visible == 0 { textless.append(number); continue }
            if TextLayerCheck.isGarbled(stats) { garbled.append(number); continue }
            let rulings = RulingParser.removeGlyphStrokes(parser.parse(page.render(into: recorder)), glyphs: glyphs)
            pages.append(PageLayout.layout(page: number, width: size.width, height: size.height, glyphs: glyphs, rulings: rulings))
        }
        if !unreadable.isEmpty && unreadable.count == count {
            throw ExtractError(.damaged, path: path, "no page could be read")
        }
        if pages.isEmpty {
            if !garbled.isEmpty {
                throw ExtractError(.garbledText, path: path, "the text layer does not decode to readable Chinese on \(TextLayerCheck.describe(garbled))")
            }
            throw ExtractError(.noTextLayer, path: path, "no text layer on \(TextLayerCheck.describe(textless + unreadable)) (scanned PDF?)")
        }
        if garbled.count * 2 >= garbled.count + pages.count + textless.count && !garbled.isEmpty {
            throw ExtractError(.garbledText, path: path, "the text layer does not decode to readable Chinese on \(TextLayerCheck.describe(garbled))")
        }
        if !textless.isEmpty {
            diagnostics.append(Diagnostic(.warning, "no_text_layer", "no text layer on \(TextLayerCheck.describe(textless)); their content is missing"))
        }
        if !garbled.isEmpty {
            diagnostics.append(Diagnostic(.warning, "garbled_text", "unreadable text layer on \(TextLayerCheck.describe(garbled)); their content is missing"))
        }
        if !unreadable.isEmpty {
            diagnostics.append(Diagnostic(.warning, "damaged_page", "\(TextLayerCheck.describe(unreadable)) could not be read"))
        }
        PDFPageFurniture.strip(&pages)
        let grid = DocumentAssembler.grid(pages)
        return SourceDocument(mediaType: "application/pdf", pages: count, grid: grid, diagnostics: diagnostics)
    }
}
