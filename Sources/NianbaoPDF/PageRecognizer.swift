import NianbaoCore

/// Reads pages that have no usable text layer from their image (OCR). `NianbaoOCR` implements it;
/// the PDF reader only renders the page and lays out what comes back like the glyphs of a text layer.
package protocol PageRecognizer: Sendable {
    /// The resolution pages are rendered at for recognition.
    var dpi: Double { get }
    /// Engine, version and language, for `source.ocr`.
    var engine: OCREngine { get }
    /// A recognizer for the pages of one document (it owns the engine's C objects); nil when the
    /// engine cannot start.
    func session() -> (any PageRecognitionSession)?
}

/// Recognizes the pages of one document, one after the other.
package protocol PageRecognitionSession: AnyObject {
    /// Characters (with confidences) and ruling lines, in points from the top-left corner of the page.
    func recognize(_ image: PageImage) -> RecognizedPage
}

/// What recognition made of one page image.
package struct RecognizedPage: Sendable {
    package var glyphs: [Glyph]
    package var rulings: [Ruling]
    /// The page size in points (the image may have been deskewed).
    package var width: Double
    package var height: Double
    /// How sure the recognizer is that nothing is printed in a box (0–1): ink left over in a table
    /// cell where no character was read (a faint or dropped digit) makes an empty cell doubtful.
    package var blankConfidence: @Sendable (Box) -> Double

    package init(
        glyphs: [Glyph], rulings: [Ruling], width: Double, height: Double,
        blankConfidence: @escaping @Sendable (Box) -> Double = { _ in 1 }
    ) {
        self.glyphs = glyphs
        self.rulings = rulings
        self.width = width
        self.height = height
        self.blankConfidence = blankConfidence
    }
}

/// Lays out recognized pages (of a PDF or of image files) with the same code as text-layer glyphs.
package enum RecognizedLayout {
    package static func grid(_ pages: [(number: Int, page: RecognizedPage)]) -> Grid {
        var results = pages.map { p in
            PageLayout.layout(
                page: p.number, width: p.page.width, height: p.page.height, glyphs: p.page.glyphs,
                rulings: p.page.rulings, blankConfidence: p.page.blankConfidence)
        }
        PDFPageFurniture.strip(&results)
        return DocumentAssembler.grid(results)
    }
}
